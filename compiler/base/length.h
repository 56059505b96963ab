#pragma once
// Integer lengths: scaled points (1/65536 pt), as TeX does, so layout and golden files are
// exact and reproducible on every machine.
#include <cmath>
#include <compare>
#include <cstdint>
#include <ostream>
#include <string>

namespace reportc {

struct Length {
    static constexpr int64_t kSpPerPt = 65536;
    int64_t sp = 0;

    static constexpr Length zero() { return {0}; }
    static constexpr Length from_sp(int64_t v) { return {v}; }
    static Length from_pt(double pt) { return {std::llround(pt * kSpPerPt)}; }
    static Length from_mm(double mm) { return from_pt(mm * 72.0 / 25.4); }
    double pt() const { return double(sp) / kSpPerPt; }

    constexpr Length operator+(Length o) const { return {sp + o.sp}; }
    constexpr Length operator-(Length o) const { return {sp - o.sp}; }
    constexpr Length operator-() const { return {-sp}; }
    constexpr Length operator*(int64_t k) const { return {sp * k}; }
    constexpr Length operator/(int64_t k) const { return {sp / k}; }
    Length& operator+=(Length o) { sp += o.sp; return *this; }
    Length& operator-=(Length o) { sp -= o.sp; return *this; }
    constexpr auto operator<=>(const Length&) const = default;
    // Scale by a real factor (rounded): stretch ratios, percentages.
    Length scaled(double k) const { return {std::llround(double(sp) * k)}; }
    // v * num / den without overflow for typical values (milli-em widths times sizes).
    static constexpr Length ratio(Length v, int64_t num, int64_t den) { return {v.sp * num / den}; }
};

inline Length operator*(int64_t k, Length l) { return l * k; }
inline Length max(Length a, Length b) { return a < b ? b : a; }
inline Length min(Length a, Length b) { return a < b ? a : b; }

// Locale-independent "12.345pt" with three decimals.
std::string to_string(Length l);
std::ostream& operator<<(std::ostream& os, Length l);

}  // namespace reportc
