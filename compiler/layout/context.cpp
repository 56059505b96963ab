#include "layout/context.h"

#include <ostream>

namespace reportc::layout {

std::ostream& operator<<(std::ostream& os, const LineStats& s) {
    return os << "lines=" << s.lines << " justified=" << s.justified_lines << " over1.5x=" << s.over_1_5
              << " over2x=" << s.over_2 << " max=" << s.max_space_factor << " overfull=" << s.overfull_lines;
}

std::ostream& operator<<(std::ostream& os, const BlockEnv& e) {
    os << "width=" << to_string(e.width) << " indent=" << to_string(e.indent) << " master=" << e.master
       << " style=" << e.paragraph_style;
    if (e.align) os << " align=" << int(*e.align);
    return os;
}

}  // namespace reportc::layout
