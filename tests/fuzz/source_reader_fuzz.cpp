// The source reader on any bytes as report.xml: includes, data files and the layout it names
// are missing (each a located error), so only the reader itself runs.
#include "fuzz_support.h"
#include "input/source_reader.h"

using namespace reportc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryEnvironment env;
    env.set_file("r/report.xml", fuzz::bytes_of(data, size));
    SourceManager sources;
    Diagnostics diags;
    (void)input::read_report("r/report.xml", env, sources, diags);
    fuzz::render_all(diags, sources);
    return 0;
}
