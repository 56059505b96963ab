#pragma once
// Private to input: what the spreadsheet readers share: number formats and how a number shows
// under one, spreadsheet dates, and choosing a sheet.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace reportc::input {

// Enough of a cell's number format to show its value as the sheet does in a report.
struct NumberFormat {
    enum class Kind { General, Number, Percent, Date, DateTime, Time };
    Kind kind = Kind::General;
    int decimals = 0;       // Number, Percent: digits after the decimal point
    bool grouping = false;  // Number: thousands separated by commas
};

// A format code ("#,##0.00", "0%", "dd/mm/yyyy", "General"): its first section, without quoted
// text, escapes and [colour] or [condition] brackets.
NumberFormat parse_number_format(std::string_view code);
// The format of a built-in number format id (ECMA-376 Part 1, §18.8.30).
NumberFormat builtin_number_format(int id);

// `value` as `format` shows it: "1234", "1,234.50", "45%", "2020-11-02", "2020-11-02 14:30",
// "14:30". Dates are serial day numbers from 1900 (with its fictitious 29 February, as every
// spreadsheet keeps it) or, when `date1904`, from 1904.
std::string format_number(double value, const NumberFormat& format, bool date1904);

// "2020-11-02" for a day count from 1970-01-01 (proleptic Gregorian).
std::string iso_date(long long days_since_epoch);

// The index of the sheet `selector` names among `count` sheets named by `name_of`: "" the
// first; a name; else a 1-based number. nullopt with `error` listing the sheets.
std::optional<size_t> select_sheet(size_t count, const std::function<std::string(size_t)>& name_of, const std::string& selector,
                                   std::string& error);

}  // namespace reportc::input
