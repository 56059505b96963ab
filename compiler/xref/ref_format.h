#pragma once
// Reference formats: what a <ref show="NAME"/> prints, as text with the fields {label},
// {number}, {title} and {page}. Built in: label "{label} {number}", number "{number}",
// title "{title}", page "page {page}"; the layout's <ref-format> replaces or adds formats.
#include <map>
#include <optional>
#include <string>

#include "doc/document.h"

namespace reportc::xref {

std::map<std::string, std::string> builtin_ref_formats();

// Why `text` is no reference format (an unknown field, an unclosed brace, {page} twice), or nullopt.
std::optional<std::string> check_ref_format(const std::string& text);

// What a reference's target offers the format. A target without a number prints its title for
// {number} and nothing for {label}, so "{label} {number}" names a heading that is not numbered.
struct RefFields {
    std::string label, number, title;
};

// The text a reference prints: the format with its fields filled, trimmed at both ends; a
// {page} splits it into the text before the page and after_page.
doc::ResolvedReference format_reference(const std::string& format, const RefFields& fields, const std::string& anchor);

}  // namespace reportc::xref
