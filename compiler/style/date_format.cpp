#include "style/date_format.h"

#include <array>

namespace reportc::style {
namespace {

struct CivilDate {
    int64_t year;
    int month, day, weekday;  // month 1-12, day 1-31, weekday 0 = Sunday
};

// Days since 1970-01-01 to a proleptic Gregorian date: Howard Hinnant's civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), public domain.
CivilDate civil_from_epoch(int64_t epoch) {
    int64_t days = epoch / 86400 - (epoch % 86400 < 0 ? 1 : 0);
    const int64_t weekday = (days % 7 + 7 + 4) % 7;  // 1970-01-01 was a Thursday
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, int(weekday)};
}

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string two_digits(int n) {
    std::string out = n < 10 ? std::string("0") : std::string();
    out.append(std::to_string(n));
    return out;
}

// The text of one conversion (`spec` without its '%': "Y", "-d"), or nullopt for an unknown one.
std::optional<std::string> convert(const std::string& spec, const CivilDate& d) {
    if (spec == "Y") return std::to_string(d.year);
    if (spec == "y") return two_digits(int(((d.year % 100) + 100) % 100));
    if (spec == "m") return two_digits(d.month);
    if (spec == "-m") return std::to_string(d.month);
    if (spec == "d") return two_digits(d.day);
    if (spec == "-d") return std::to_string(d.day);
    if (spec == "e") {
        std::string out = d.day < 10 ? std::string(" ") : std::string();
        out.append(std::to_string(d.day));
        return out;
    }
    if (spec == "B") return std::string(kMonths[size_t(d.month - 1)]);
    if (spec == "b") return std::string(kMonths[size_t(d.month - 1)]).substr(0, 3);
    if (spec == "A") return std::string(kDays[size_t(d.weekday)]);
    if (spec == "a") return std::string(kDays[size_t(d.weekday)]).substr(0, 3);
    if (spec == "%") return std::string("%");
    return std::nullopt;
}

// The conversion starting at `pattern[at]` (a '%'): "%Y", "%-d"; a lone '%' at the end is itself.
std::string spec_at(const std::string& pattern, size_t at) {
    size_t length = 1;
    if (at + length < pattern.size() && pattern[at + length] == '-') ++length;
    if (at + length < pattern.size()) ++length;
    return pattern.substr(at, length);
}

}  // namespace

const char* date_conversions() { return "%Y %y %m %-m %d %-d %e %B %b %A %a %%"; }

std::optional<std::string> check_date_format(const std::string& pattern) {
    const CivilDate any{2000, 1, 1, 6};
    for (size_t at = pattern.find('%'); at != std::string::npos; at = pattern.find('%', at)) {
        std::string spec = spec_at(pattern, at);
        if (!convert(spec.substr(1), any)) return spec;
        at += spec.size();
    }
    return std::nullopt;
}

std::string format_date(const std::string& pattern, int64_t epoch) {
    const CivilDate date = civil_from_epoch(epoch);
    std::string out;
    for (size_t at = 0; at < pattern.size();) {
        if (pattern[at] != '%') {
            out += pattern[at++];
            continue;
        }
        std::string spec = spec_at(pattern, at);
        out += convert(spec.substr(1), date).value_or(spec);
        at += spec.size();
    }
    return out;
}

}  // namespace reportc::style
