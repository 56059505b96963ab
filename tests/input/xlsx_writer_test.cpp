// The workbook `reportc data export` writes, read back by the spreadsheet reader: text, rich
// bold/italic runs, line breaks in a cell, characters XML must escape, and a wide sheet's column
// names past Z.
#include <gtest/gtest.h>

#include "input/spreadsheet_reader.h"
#include "input/xlsx_writer.h"

using namespace reportc;

namespace {

std::string text_of(const doc::FieldValue& v) {
    std::string out;
    for (const auto& item : v.items)
        for (const auto& run : item) {
            if (run.line_break) out += "|";
            for (const auto& style : run.char_styles) out.append("[").append(style).append("]");
            out += run.text;
        }
    return out;
}

}  // namespace

TEST(input_XlsxWriter, WhatIsWrittenReadsBackCellForCell) {
    input::WrittenSheet sheet;
    sheet.name = "Work plan";
    std::vector<input::WrittenCell> header, row;
    for (int c = 0; c < 28; ++c) header.push_back({{std::string("f").append(std::to_string(c))}});
    row.resize(28);
    row[0] = {{"A & <B> \"C\""}};
    row[1] = {{"plain "}, {"bold", true}, {" and "}, {"italic", false, true}};
    row[2] = {{"first\nsecond"}};
    row[27] = {{"far"}};
    sheet.rows = {header, row};
    std::string error;
    const std::string bytes = input::xlsx_bytes(sheet, error);
    ASSERT_TRUE(error.empty()) << error;

    MemoryEnvironment env;
    env.set_file("w.xlsx", bytes);
    SourceManager sources;
    Diagnostics diags;
    auto data = input::read_spreadsheet("w.xlsx", "Work plan", env, sources, diags, Span{});
    ASSERT_TRUE(data.has_value());
    ASSERT_TRUE(diags.all().empty()) << sources.render(diags.all().front());
    ASSERT_EQ(data->columns.size(), 28u);
    EXPECT_EQ(data->columns[27], "f27");
    ASSERT_EQ(data->record_count(), 1u);
    const auto& fields = data->groups.at(0).records.at(0).fields;
    EXPECT_EQ(text_of(fields.at("f0")), "A & <B> \"C\"");
    EXPECT_EQ(text_of(fields.at("f1")), "plain [strong]bold and [emphasis]italic");
    EXPECT_EQ(text_of(fields.at("f2")), "first|second");
    EXPECT_EQ(text_of(fields.at("f27")), "far");
    EXPECT_EQ(text_of(fields.at("f3")), "");  // an empty cell: present, empty
}
