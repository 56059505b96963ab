#include "driver/fields.h"

#include <cctype>
#include <cstdio>

#include "style/date_format.h"
#include "text/case_mapping.h"

namespace reportc::driver {
namespace {

bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; }

bool all_digits(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isdigit(c)) return false;
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

// "2020-11-02" as seconds since 1970 (midnight UTC); nullopt when not an ISO date.
std::optional<int64_t> iso_date(const std::string& s) {
    int y = 0, m = 0, d = 0, n = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10) return std::nullopt;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return std::nullopt;
    return days_from_civil(y, unsigned(m), unsigned(d)) * 86400;
}

bool set_option(FieldFormat& f, const std::string& option) {
    if (option == "upper" || option == "lower" || option == "title") f.letter_case = option;
    else if (option == "date") f.date = true;
    else if (option.rfind("default=", 0) == 0) f.fallback = option.substr(8);
    else if (!option.empty() && option.find_first_not_of('0') == std::string::npos) f.zero_pad = int(option.size());
    else return false;
    return true;
}

}  // namespace

std::optional<FieldSpec> parse_field(const std::string& inside, std::string& error) {
    FieldSpec spec;
    size_t bar = inside.find('|');
    spec.name = inside.substr(0, bar);
    while (bar != std::string::npos) {
        size_t next = inside.find('|', bar + 1);
        std::string option = inside.substr(bar + 1, next == std::string::npos ? std::string::npos : next - bar - 1);
        // default=… takes the rest, bars included
        if (option.rfind("default=", 0) == 0) option = inside.substr(bar + 1), next = std::string::npos;
        if (!set_option(spec.format, option)) {
            error = "expected a field option (upper, lower, title, date, zeros such as 0000, default=TEXT) after '|' in '{" + inside +
                    "}', found '" + option + "'";
            return std::nullopt;
        }
        bar = next;
    }
    return spec;
}

std::optional<FieldFormat> var_format(const std::string& letter_case, const std::string& format,
                                      const std::optional<std::string>& fallback, std::string& error) {
    FieldFormat f;
    if (!letter_case.empty() && letter_case != "upper" && letter_case != "lower" && letter_case != "title") {
        error = "expected case 'upper', 'lower' or 'title', found '" + letter_case + "'";
        return std::nullopt;
    }
    f.letter_case = letter_case;
    if (format == "date") f.date = true;
    else if (!format.empty() && format.find_first_not_of('0') == std::string::npos) f.zero_pad = int(format.size());
    else if (!format.empty()) {
        error = "expected format 'date' or zeros such as '0000', found '" + format + "'";
        return std::nullopt;
    }
    f.fallback = fallback;
    return f;
}

std::optional<std::string> format_field(const std::string& name, const std::string& value, const FieldFormat& format,
                                        const std::string& date_format, std::string& error) {
    if (value.empty()) return format.fallback.value_or("");
    std::string out = value;
    if (format.date) {
        auto epoch = iso_date(value);
        if (!epoch) {
            error = "expected an ISO date (YYYY-MM-DD) in '" + name + "', found '" + value + "'";
            return std::nullopt;
        }
        out = style::format_date(date_format, *epoch);
    }
    if (format.zero_pad > 0) {
        if (!all_digits(out)) {
            error = "expected digits in '" + name + "' to pad to " + std::to_string(format.zero_pad) + ", found '" + value + "'";
            return std::nullopt;
        }
        if (out.size() < size_t(format.zero_pad)) out.insert(0, size_t(format.zero_pad) - out.size(), '0');
    }
    if (format.letter_case == "upper") out = text::upper_case(out);
    else if (format.letter_case == "lower") out = text::lower_case(out);
    else if (format.letter_case == "title") out = text::title_case(out);
    return out;
}

std::optional<size_t> field_end(const std::string& text, size_t at) {
    if (at + 1 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[at + 1]))) return std::nullopt;
    size_t i = at + 1;
    while (i < text.size() && is_name_char(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] == '|') i = text.find_first_of("{}", i);
    if (i == std::string::npos || i >= text.size() || text[i] != '}') return std::nullopt;
    return i;
}

std::optional<std::string> expand_pattern(const std::string& pattern, const std::map<std::string, std::string>& values,
                                          const std::string& date_format, std::string& error) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        auto end = pattern[i] == '{' ? field_end(pattern, i) : std::nullopt;
        if (!end) {
            out += pattern[i];
            continue;
        }
        auto spec = parse_field(pattern.substr(i + 1, *end - i - 1), error);
        if (!spec) return std::nullopt;
        auto it = values.find(spec->name);
        if (it == values.end()) {
            error = "unknown field '" + spec->name + "' in '" + pattern + "'";
            return std::nullopt;
        }
        auto value = format_field(spec->name, it->second, spec->format, date_format, error);
        if (!value) return std::nullopt;
        out += *value;
        i = *end;
    }
    return out;
}

}  // namespace reportc::driver
