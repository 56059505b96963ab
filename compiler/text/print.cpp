// Printers for test failure messages and debug dumps: stable, locale-free, one line each.
#include <cstdio>

#include "text/font_registry.h"

namespace reportc::text {
namespace {

std::string code_point(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
    return buf;
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const FaceRequest& r) {
    os << "FaceRequest('" << r.family << "'";
    if (r.bold) os << " bold";
    if (r.italic) os << " italic";
    return os << ")";
}

std::ostream& operator<<(std::ostream& os, const FontRun& r) {
    return os << "FontRun(face " << r.face << ", \"" << r.text << "\")";
}

std::ostream& operator<<(std::ostream& os, const MissingChar& m) {
    return os << "MissingChar(" << code_point(m.cp) << " at byte " << m.offset << ")";
}

}  // namespace reportc::text
