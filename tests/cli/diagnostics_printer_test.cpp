#include <gtest/gtest.h>

#include <sstream>

#include "cli/diagnostics_printer.h"

using namespace reportc;

TEST(DiagnosticsPrinter, ErrorTotalCountsThePrintedErrors) {
    // The same message at the same place is printed once (a missing glyph in a repeated run), so the
    // totals line counts what is printed, not what was collected.
    SourceManager sources;
    uint32_t file = sources.add("r.xml", "<p>one</p>\n<p>two</p>\n");
    Diagnostics diags;
    diags.error(sources.span_at(file, 0), "same");
    diags.error(sources.span_at(file, 0), "same");
    diags.error(sources.span_at(file, 11), "same");
    diags.warning(sources.span_at(file, 11), "twice");
    diags.warning(sources.span_at(file, 11), "twice");
    std::ostringstream out;
    cli::print_diagnostics(diags, sources, out);
    std::string text = out.str();
    EXPECT_EQ(text.substr(text.rfind('\n', text.size() - 2) + 1), "2 error(s), 1 warning(s)\n") << text;
}
