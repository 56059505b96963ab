// Debug output for the line breaker's types, so that failing tests explain themselves.
#include <ostream>

#include "linebreak/item.h"
#include "linebreak/knuth_plass.h"

namespace reportc::linebreak {

std::ostream& operator<<(std::ostream& os, ItemKind kind) {
    switch (kind) {
    case ItemKind::Box: return os << "box";
    case ItemKind::Glue: return os << "glue";
    case ItemKind::Penalty: return os << "penalty";
    }
    return os << "item(" << int(kind) << ")";
}

std::ostream& operator<<(std::ostream& os, const Item& item) {
    switch (item.kind) {
    case ItemKind::Box: return os << "box " << item.width;
    case ItemKind::Glue: return os << "glue " << item.width << " +" << item.stretch << " -" << item.shrink;
    case ItemKind::Penalty:
        os << "penalty " << item.penalty << " width " << item.width;
        if (item.flagged) os << " flagged";
        if (item.tie) os << " tie";
        if (item.hyphenation) os << " hyphenation";
        return os;
    }
    return os << item.kind;
}

std::ostream& operator<<(std::ostream& os, const LineWidths& widths) {
    os << "widths [";
    for (size_t i = 0; i < widths.widths.size(); ++i) os << (i ? ", " : "") << widths.widths[i];
    return os << "]";
}

std::ostream& operator<<(std::ostream& os, const Params& p) {
    return os << "params pretolerance=" << p.pretolerance << " tolerance=" << p.tolerance
              << " line_penalty=" << p.line_penalty << " flagged_demerits=" << p.flagged_demerits
              << " fitness_demerits=" << p.fitness_demerits << " emergency_stretch=" << p.emergency_stretch
              << " emergency_tie_penalty=" << p.emergency_tie_penalty
              << " expansion=" << p.expansion.stretch << "/" << p.expansion.shrink << "/" << p.expansion.step;
}

std::ostream& operator<<(std::ostream& os, Pass pass) {
    switch (pass) {
    case Pass::First: return os << "first";
    case Pass::Second: return os << "second";
    case Pass::Emergency: return os << "emergency";
    case Pass::Overfull: return os << "overfull";
    }
    return os << "pass(" << int(pass) << ")";
}

std::ostream& operator<<(std::ostream& os, const Line& line) {
    os << "line [" << line.begin << ", " << line.end << ") ratio=" << line.ratio << " natural=" << line.natural
       << " width=" << line.width;
    if (line.overfull) os << " overfull";
    if (line.hang_left != Length::zero() || line.hang_right != Length::zero())
        os << " hang=" << line.hang_left << "/" << line.hang_right;
    if (line.expansion != 0) os << " expansion=" << line.expansion;
    return os;
}

std::ostream& operator<<(std::ostream& os, const Result& result) {
    os << "result pass=" << result.pass << " lines=" << result.lines.size() << " overfull=" << result.overfull_count;
    for (const Line& line : result.lines) os << "\n  " << line;
    return os;
}

}  // namespace reportc::linebreak
