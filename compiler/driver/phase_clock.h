#pragma once
// The wall time of a build's phases, for `reportc build --stats` (docs/performance.md, "Where
// the time goes"): each lap is the time since the one before. Figures for a reader measuring
// a build, never compared by tests or used by the build (the output stays deterministic).
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace reportc::driver {

struct Phase {
    std::string name;
    int64_t micros = 0;
    bool operator==(const Phase&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Phase& phase);

class PhaseClock {
public:
    PhaseClock() : m_last(std::chrono::steady_clock::now()) {}
    // Ends the phase `name` now (the time since the clock was made or the last lap).
    void lap(std::string name) {
        const auto now = std::chrono::steady_clock::now();
        m_phases.push_back({std::move(name), std::chrono::duration_cast<std::chrono::microseconds>(now - m_last).count()});
        m_last = now;
    }
    const std::vector<Phase>& phases() const { return m_phases; }

private:
    std::chrono::steady_clock::time_point m_last;
    std::vector<Phase> m_phases;
};

// "read 12.3 ms, resolve 30.1 ms, …": the phases in order, as --stats prints them.
std::string describe(const std::vector<Phase>& phases);

}  // namespace reportc::driver
