#include "driver/phase_clock.h"

#include <cstdio>

namespace reportc::driver {

std::ostream& operator<<(std::ostream& os, const Phase& phase) { return os << phase.name << " " << phase.micros << " us"; }

std::string describe(const std::vector<Phase>& phases) {
    std::string out;
    for (const auto& phase : phases) {
        char ms[32];
        std::snprintf(ms, sizeof ms, " %.1f ms", double(phase.micros) / 1000.0);
        out.append(out.empty() ? "" : ", ").append(phase.name).append(ms);
    }
    return out;
}

}  // namespace reportc::driver
