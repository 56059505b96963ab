#pragma once
// Shared by the libFuzzer targets: the fuzzer's bytes as one file of an in-memory environment,
// read by one reader with fresh diagnostics. Diagnostics are rendered too, so that the excerpt
// and location code runs on every input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::fuzz {

inline std::string bytes_of(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

// Every diagnostic rendered with its source excerpt, as the command line prints them.
inline void render_all(const Diagnostics& diags, const SourceManager& sources) {
    size_t total = 0;
    for (const Diagnostic& d : diags.all()) total += sources.render(d).size();
    (void)total;
}

}  // namespace reportc::fuzz
