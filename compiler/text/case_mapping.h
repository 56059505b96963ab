#pragma once
// Upper, lower and title case of UTF-8 text, for printing merged fields ("NGUYỄN VĂN AN"): the
// simple one-to-one mappings of the scripts text/letters.cpp covers (Latin with Vietnamese,
// Greek, Cyrillic); other characters are kept as they are.
#include <string>
#include <string_view>

namespace reportc::text {

std::string upper_case(std::string_view utf8);
std::string lower_case(std::string_view utf8);
// The first letter of every word upper case, the rest as written ("van der berg" -> "Van Der
// Berg"); a word starts after a space, a hyphen or an apostrophe.
std::string title_case(std::string_view utf8);

}  // namespace reportc::text
