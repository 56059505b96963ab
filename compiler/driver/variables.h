#pragma once
// Private to driver: the variables a build prints (docs/source-format.md#variables). Built-ins
// (title, date, and those the page gives: page, pages, page-label, total-pages, section), the
// report's <variable>s and the command line's --set, which wins over the report.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "style/stylesheet.h"

namespace reportc::driver {

// The values known before layout: title, date and the user variables, by name.
struct Variables {
    std::map<std::string, std::string> values;
    std::string date_format;  // the layout's, for fields printed with format="date"
};

// The built-in names, those the page gives included, in the order the docs list them.
const std::vector<std::string>& builtin_variables();

// A user variable's name: a letter, then letters, digits, '-' and '_'; dots join such names
// ("participant.name", docs/merge.md).
bool is_variable_name(const std::string& name);

// The table of values: the built-ins, the report's <variable>s (a built-in name, a malformed
// name or a name defined twice is an error at the definition), then `command_line` over them.
Variables collect_variables(const doc::Document& document, const std::map<std::string, std::string>& command_line,
                            const style::Settings& settings, int64_t now, Diagnostics& diags);

// Gives every <var> its value, or, when the page gives it, what the page shows and an anchor
// ("variable-N"); an unknown name is an error at the <var>, with the closest known name.
void resolve_variables(doc::Document& document, const Variables& variables, Diagnostics& diags);

// The same a part (a top-level block) at a time, in document order: the anchors of the variables
// whose value is their page's are numbered across the parts.
class VariableResolution {
public:
    VariableResolution(const Variables& variables, Diagnostics& diags);  // `variables` outlives it
    ~VariableResolution();
    void resolve(std::vector<doc::Block>& blocks);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// Every {name} field of the layout's header and footer slots must be a variable: an unknown one
// is an error at the slot's text. A field with options ("{participant.name|upper}") gets its
// printed value in `variables`, under the text between its braces.
void check_slot_fields(const style::Stylesheet& styles, Variables& variables, Diagnostics& diags);

// True for a condition's value (docs/merge.md#conditions): non-empty and not "no", "false" or "0".
bool is_true(const std::string& value);

// Leaves out every block whose if= or unless= condition does not hold; an unknown variable is an
// error at the condition.
void apply_conditions(doc::Document& document, const Variables& variables, Diagnostics& diags);

}  // namespace reportc::driver
