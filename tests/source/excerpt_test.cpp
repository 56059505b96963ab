// Long lines and old line endings (issue 15): a diagnostic shows a bounded window of its line
// around the column, and a CR alone ends a line as LF and CRLF do.
#include <gtest/gtest.h>

#include "source/source_manager.h"

using namespace reportc;

namespace {

Diagnostic error_at(uint32_t file, size_t offset) { return {Severity::Error, Span{file, uint32_t(offset), uint32_t(offset + 1)}, "x"}; }

}  // namespace

TEST(source_Excerpt, ALongLineShowsAWindowAroundTheColumn) {
    SourceManager sm;
    std::string line;
    for (int i = 0; i < 800; ++i) line += "abcdefghi,";  // 8,000 characters
    uint32_t id = sm.add("d.csv", "h\n" + line + "\nnext\n");
    const size_t column = 4001;  // the 'a' of the 401st group
    EXPECT_EQ(sm.render(error_at(id, 2 + column - 1)), "d.csv:2:4001: error: x\n"
                                                       "  …" + line.substr(column - 61, 120) + "…\n"
                                                       "  " + std::string(61, ' ') + "^\n");
}

TEST(source_Excerpt, TheWindowStopsAtTheLineEnds) {
    SourceManager sm;
    const std::string line = "“" + std::string(200, 'a') + "”";
    uint32_t id = sm.add("r.xml", line);
    EXPECT_EQ(sm.render(error_at(id, 0)), "r.xml:1:1: error: x\n  " + line.substr(0, 3 + 119) + "…\n  ^\n");
    EXPECT_EQ(sm.render(error_at(id, line.size() - 3)),
              "r.xml:1:202: error: x\n  …" + line.substr(3 + 81) + "\n  " + std::string(120, ' ') + "^\n");
}

TEST(source_Excerpt, TwoThousandErrorsOnOneLinePrintABoundedAmount) {
    // Each repeated the whole 8 KB line: 24.8 MB for 2,000 errors.
    SourceManager sm;
    uint32_t id = sm.add("d.csv", std::string(8192, 'x') + "\n");
    size_t printed = 0;
    for (size_t i = 0; i < 2000; ++i) printed += sm.render(error_at(id, i * 4)).size();
    EXPECT_LT(printed, 2000u * 300u);
}

TEST(source_Excerpt, ACarriageReturnAloneEndsALine) {
    SourceManager sm;
    uint32_t id = sm.add("d.csv", "a,b\r1,2\r\n3,4\n5,6\r");
    const SourceFile& f = *sm.file(id);
    EXPECT_EQ(f.line_col(4).line, 2u);
    EXPECT_EQ(f.line_col(9).line, 3u);
    EXPECT_EQ(f.line_col(13).line, 4u);
    EXPECT_EQ(f.line_text(2), "1,2");
    EXPECT_EQ(f.line_text(4), "5,6");
}
