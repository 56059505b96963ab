// The XML records reader on any bytes as data.xml.
#include "fuzz_support.h"
#include "input/data_reader.h"

using namespace reportc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryEnvironment env;
    env.set_file("d/data.xml", fuzz::bytes_of(data, size));
    SourceManager sources;
    Diagnostics diags;
    (void)input::read_data_xml("d/data.xml", env, sources, diags, Span{});
    fuzz::render_all(diags, sources);
    return 0;
}
