// The CSV reader on any bytes as data.csv.
#include "data/csv_reader.h"
#include "fuzz_support.h"

using namespace reportc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryEnvironment env;
    env.set_file("d/data.csv", fuzz::bytes_of(data, size));
    SourceManager sources;
    Diagnostics diags;
    (void)data::read_csv("d/data.csv", env, sources, diags, Span{});
    fuzz::render_all(diags, sources);
    return 0;
}
