#pragma once
// The layout's date-format: a pattern of strftime-style conversions (the C standard's names,
// ISO/IEC 9899 7.27.3.5, with the "C" locale's English month and day names), applied to a time
// in UTC so that the same SOURCE_DATE_EPOCH gives the same text on every machine.
#include <cstdint>
#include <optional>
#include <string>

namespace reportc::style {

inline constexpr const char* kDefaultDateFormat = "%-d %B %Y";  // 5 December 2026

// The conversions a pattern may use, for messages and docs: %Y %y %m %-m %d %-d %e %B %b %A %a %%.
const char* date_conversions();

// nullopt when `pattern` is well formed; else the offending conversion as written ("%Q", "%").
std::optional<std::string> check_date_format(const std::string& pattern);

// `pattern` (well formed: see check_date_format) applied to `epoch`, seconds since 1970 in UTC.
std::string format_date(const std::string& pattern, int64_t epoch);

}  // namespace reportc::style
