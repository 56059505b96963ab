// The layout reader, then the stylesheet built from what it read, on any bytes as layout.xml.
#include "fuzz_support.h"
#include "input/layout_reader.h"
#include "style/stylesheet.h"

using namespace reportc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryEnvironment env;
    env.set_file("l/layout.xml", fuzz::bytes_of(data, size));
    SourceManager sources;
    Diagnostics diags;
    if (auto layout = input::read_layout("l/layout.xml", env, sources, diags, Span{})) (void)style::Stylesheet::build(*layout, diags);
    fuzz::render_all(diags, sources);
    return 0;
}
