#include "cli/diagnostics_printer.h"

#include <iostream>
#include <set>
#include <tuple>

namespace reportc::cli {

void print_diagnostics(const Diagnostics& diags, const SourceManager& sources) {
    std::set<std::tuple<uint32_t, uint32_t, std::string>> seen;
    for (const auto& d : diags.all()) {
        if (!seen.emplace(d.span.file, d.span.begin, d.message).second) continue;
        std::cerr << sources.render(d);
    }
    if (diags.error_count() || diags.warning_count())
        std::cerr << diags.error_count() << " error(s), " << diags.warning_count() << " warning(s)\n";
}

}  // namespace reportc::cli
