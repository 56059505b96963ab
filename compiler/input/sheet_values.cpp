#include "input/sheet_values.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace reportc::input {
namespace {

// Day number from 1970-01-01 of a civil date, and back: H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms" (days_from_civil, civil_from_days), in 400-year eras of 146097 days.
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = (long long)yoe + era * 400 + (m <= 2);
}

std::string two(long long v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02lld", v);
    return buf;
}

std::string with_grouping(const std::string& digits) {
    std::string out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string fixed(double value, int decimals, bool grouping) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) s.erase(0, s.starts_with('-') ? 1 : 0);  // no "-0.00"
    if (!grouping) return s;
    const bool negative = s.starts_with('-');
    std::string body = negative ? s.substr(1) : s;
    const size_t dot = body.find('.');
    std::string integer = body.substr(0, dot);
    std::string out = negative ? std::string("-") : std::string();
    out.append(with_grouping(integer));
    if (dot != std::string::npos) out.append(body.substr(dot));
    return out;
}

std::string general(double value) {
    if (std::fabs(value) < 1e15 && value == std::floor(value)) return fixed(value, 0, false);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", value);
    return buf;
}

}  // namespace

std::string iso_date(long long days) {
    long long y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
    return buf;
}

NumberFormat parse_number_format(std::string_view code) {
    // The first section, with quoted text, escaped characters and brackets left out.
    std::string plain;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string_view::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // an escaped or padding character
        } else if (c == '[') {
            size_t close = code.find(']', i);
            std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
            // [h], [mm], [ss]: elapsed time.
            if (!inside.empty() && std::string_view("hHmMsS").find(inside.front()) != std::string_view::npos) plain += inside;
            if (close == std::string_view::npos) break;
            i = close;
        } else {
            plain += char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    NumberFormat f;
    if (plain.find("general") != std::string::npos) return f;
    const bool date = plain.find_first_of("dy") != std::string::npos ||
                      (plain.find('m') != std::string::npos && plain.find_first_of("hs") == std::string::npos);
    const bool time = plain.find_first_of("hs") != std::string::npos;
    if (date || time) {
        f.kind = date && time ? NumberFormat::Kind::DateTime : date ? NumberFormat::Kind::Date : NumberFormat::Kind::Time;
        return f;
    }
    if (plain.find_first_of("0#?") == std::string::npos) return f;  // text ("@") or nothing to go by
    f.kind = plain.find('%') != std::string::npos ? NumberFormat::Kind::Percent : NumberFormat::Kind::Number;
    const size_t dot = plain.find('.');
    if (dot != std::string::npos)
        for (size_t i = dot + 1; i < plain.size() && (plain[i] == '0' || plain[i] == '#' || plain[i] == '?'); ++i) ++f.decimals;
    const size_t comma = plain.find(',');
    f.grouping = comma != std::string::npos && (dot == std::string::npos || comma < dot) && comma + 1 < plain.size() &&
                 std::string_view("0#?").find(plain[comma + 1]) != std::string_view::npos;
    return f;
}

NumberFormat builtin_number_format(int id) {
    switch (id) {
    case 1: return parse_number_format("0");
    case 2: return parse_number_format("0.00");
    case 3: case 37: case 38: return parse_number_format("#,##0");
    case 4: case 39: case 40: return parse_number_format("#,##0.00");
    case 9: return parse_number_format("0%");
    case 10: return parse_number_format("0.00%");
    case 14: case 15: case 16: case 17: return parse_number_format("yyyy-mm-dd");
    case 18: case 19: case 20: case 21: case 45: case 46: case 47: return parse_number_format("hh:mm");
    case 22: return parse_number_format("yyyy-mm-dd hh:mm");
    default: return {};
    }
}

std::string format_number(double value, const NumberFormat& format, bool date1904) {
    switch (format.kind) {
    case NumberFormat::Kind::General: return general(value);
    case NumberFormat::Kind::Number: return fixed(value, format.decimals, format.grouping);
    case NumberFormat::Kind::Percent: return fixed(value * 100, format.decimals, false) + "%";
    case NumberFormat::Kind::Date:
    case NumberFormat::Kind::DateTime:
    case NumberFormat::Kind::Time: break;
    }
    // Serial days: from 1904-01-01, or from 1899-12-31 with day 60 the fictitious 1900-02-29
    // (so that day 61 is 1 March 1900).
    const long long whole = (long long)std::floor(value);
    const long long seconds = std::llround((value - double(whole)) * 86400.0);
    std::string day;
    if (!date1904 && whole == 60) day = "1900-02-29";
    else day = iso_date(date1904 ? days_from_civil(1904, 1, 1) + whole : days_from_civil(1899, 12, 31) + whole - (whole > 60 ? 1 : 0));
    std::string clock = two(seconds / 3600 % 24);
    clock.append(":").append(two(seconds / 60 % 60));
    if (seconds % 60) clock.append(":").append(two(seconds % 60));
    if (format.kind == NumberFormat::Kind::Date) return day;
    if (format.kind == NumberFormat::Kind::Time) return clock;
    return day + " " + clock;
}

std::optional<size_t> select_sheet(size_t count, const std::function<std::string(size_t)>& name_of, const std::string& selector,
                                   std::string& error) {
    if (count == 0) {
        error = "it has no sheets";
        return std::nullopt;
    }
    if (selector.empty()) return 0;
    for (size_t i = 0; i < count; ++i)
        if (name_of(i) == selector) return i;
    if (selector.find_first_not_of("0123456789") == std::string::npos && selector.size() < 6) {
        size_t n = std::stoul(selector);
        if (n >= 1 && n <= count) return n - 1;
    }
    std::string names;
    for (size_t i = 0; i < count; ++i) names += (i ? ", '" : "'") + name_of(i) + "'";
    error = "it has no sheet named '" + selector + "'; its sheets: " + names;
    return std::nullopt;
}

}  // namespace reportc::input
