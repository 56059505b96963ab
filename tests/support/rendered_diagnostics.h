#pragma once
// Shared by the test binaries: diagnostics as their printed first lines.
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "source/source_manager.h"

namespace reportc::testing {

// Every diagnostic as "path:line:col: severity: message" (first line of the rendering).
inline std::vector<std::string> rendered(const Diagnostics& diags, const SourceManager& sources) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
        std::string text = sources.render(d);
        out.push_back(text.substr(0, text.find('\n')));
    }
    return out;
}

}  // namespace reportc::testing
