#include "cli/diagnostics_printer.h"

#include <set>
#include <tuple>

namespace reportc::cli {

void print_diagnostics(const Diagnostics& diags, const SourceManager& sources, std::ostream& out) {
    std::set<std::tuple<uint32_t, uint32_t, std::string>> seen;
    size_t errors = 0, warnings = 0;  // of those printed, so the totals match what the reader sees
    for (const auto& d : diags.all()) {
        if (!seen.emplace(d.span.file, d.span.begin, d.message).second) continue;
        out << sources.render(d);
        if (d.severity == Severity::Error) ++errors;
        if (d.severity == Severity::Warning) ++warnings;
    }
    if (errors || warnings) out << errors << " error(s), " << warnings << " warning(s)\n";
}

}  // namespace reportc::cli
