#pragma once
// Fields: a variable printed with a format (docs/merge.md). In text, <var name="participant.name"
// case="upper" format="date" default="…"/>; in header and footer slots, image sources and file
// name patterns, "{participant.name|upper}", "{workshop.start|date}", "{participant.id|0000}",
// "{participant.organisation|default=independent}".
#include <map>
#include <optional>
#include <string>

namespace reportc::driver {

// How a field prints its value: every option is optional.
struct FieldFormat {
    std::string letter_case;  // "", "upper", "lower", "title"
    bool date = false;        // the value is an ISO date (2020-11-02), printed by the layout's date-format
    int zero_pad = 0;         // the value is digits, printed with at least this many ("0037")
    std::optional<std::string> fallback;  // printed when the value is empty
};

struct FieldSpec {
    std::string name;
    FieldFormat format;
};

// The text between the braces of a field ("participant.id|0000"): the name, then '|' and an
// option (upper, lower, title, date, zeros, default=TEXT) any number of times. nullopt with
// `error` set on an unknown option.
std::optional<FieldSpec> parse_field(const std::string& inside, std::string& error);

// <var>'s case and format attributes as a format; nullopt with `error` set on an unknown value.
std::optional<FieldFormat> var_format(const std::string& letter_case, const std::string& format,
                                      const std::optional<std::string>& fallback, std::string& error);

// `value` of the variable `name` printed as `format` says; nullopt with `error` set when the
// value does not suit it (a date that is not ISO, padding of something that is not digits).
std::optional<std::string> format_field(const std::string& name, const std::string& value, const FieldFormat& format,
                                        const std::string& date_format, std::string& error);

// Where a field starts at text[at] (a '{'): the index of its '}'. A field is a name (a letter,
// then letters, digits, '-', '_' and '.') and options after '|'; other braces are text.
std::optional<size_t> field_end(const std::string& text, size_t at);

// `pattern` with every {field} replaced by its formatted value; nullopt with `error` set on an
// undefined variable or a value its format refuses.
std::optional<std::string> expand_pattern(const std::string& pattern, const std::map<std::string, std::string>& values,
                                          const std::string& date_format, std::string& error);

}  // namespace reportc::driver
