#include <gtest/gtest.h>

#include "data/csv_reader.h"
#include "data/dataset_loader.h"
#include "test_support.h"

using namespace reportc;
using reportc::testing::DataFixture;

namespace {

std::optional<doc::Dataset> read(DataFixture& f, const std::string& csv, const std::string& path = "d/t.csv") {
    f.env.set_file(path, csv);
    return data::read_csv(path, f.env, f.sources, f.diags, Span{});
}

const doc::FieldValue& field(const doc::Dataset& d, size_t record, const std::string& name) {
    return d.groups.at(0).records.at(record).fields.at(name);
}
std::string text(const doc::Dataset& d, size_t record, const std::string& name) {
    return doc::plain_text(field(d, record, name).items.at(0));
}

}  // namespace

TEST(data_Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
    // RFC 4180 quoting with CRLF line ends: commas, doubled quotes and a line break inside quotes;
    // unquoted values are trimmed, an empty value stays an empty text, every record in one
    // implicit group with ids row-N.
    DataFixture f;
    auto d = read(f,
                  "term,expansion\r\n"
                  "A,\"Alpha, Inc.\"\r\n"
                  "B,\"say \"\"hi\"\"\"\r\n"
                  "  C , \"multi\nline\" \r\n"
                  "D,\r\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty()) << f.errors()[0];
    ASSERT_EQ(d->groups.size(), 1u);
    EXPECT_TRUE(d->groups[0].implicit);
    EXPECT_EQ(d->record_count(), 4u) << *d;
    EXPECT_EQ(text(*d, 0, "expansion"), "Alpha, Inc.");
    EXPECT_EQ(text(*d, 1, "expansion"), "say \"hi\"");
    EXPECT_EQ(text(*d, 2, "term"), "C");
    EXPECT_EQ(text(*d, 2, "expansion"), "multi\nline");
    EXPECT_EQ(d->groups[0].records[3].fields.at("expansion").items.at(0).size(), 1u);  // one (empty) run
    EXPECT_EQ(text(*d, 3, "expansion"), "");
    EXPECT_EQ(d->groups[0].records[0].id, "row-1");
    EXPECT_EQ(d->groups[0].records[3].id, "row-4");
    // Each value's span is the cell itself (after the spaces around it); the record's is its row.
    EXPECT_EQ(f.sources.location(field(*d, 2, "term").span), "d/t.csv:4:3");
    EXPECT_EQ(f.sources.location(field(*d, 2, "term").items[0][0].span), "d/t.csv:4:3");
    EXPECT_EQ(f.sources.location(field(*d, 2, "expansion").span), "d/t.csv:4:7");
    EXPECT_EQ(f.sources.location(d->groups[0].records[2].span), "d/t.csv:4:1");
}

TEST(data_Csv, FinalLineBreakIsOptionalAndEmptyLinesAreSkipped) {
    // The last row needs no line break; blank lines between rows are not records.
    DataFixture f;
    auto d = read(f, "a,b\n\n1,2\n\n3,4");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    EXPECT_EQ(d->record_count(), 2u);
    EXPECT_EQ(text(*d, 1, "b"), "4");
    EXPECT_EQ(d->groups[0].records[1].id, "row-2");
}

TEST(data_Csv, ByteOrderMarkIsNotPartOfTheFirstName) {
    // Spreadsheets write a UTF-8 byte order mark before the header.
    DataFixture f;
    auto d = read(f, "\xEF\xBB\xBFterm\nACE\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(text(*d, 0, "term"), "ACE");
}

TEST(data_Csv, UnterminatedQuoteIsAnErrorAtTheOpeningQuote) {
    // A quote opened and never closed swallows the rest of the file.
    DataFixture f;
    EXPECT_FALSE(read(f, "a,b\n1,\"open\n2,3\n").has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:2:3: error: expected a closing quote for the field opened here, found the end of the file",
                          }));
}

TEST(data_Csv, UnclosedQuoteIsReportedWhereItOpens) {
    // A value opened on line 2 and never closed runs on over the line breaks until the next quote
    // (line 4), where text follows it: the error is where the quote opened, naming where it ended,
    // and the file is not used (the rows after it cannot be trusted).
    DataFixture f;
    EXPECT_FALSE(read(f, "name,city\nAnn,\"Paris\nBob,Rome\nCid,\"Oslo\"\nDan,Rome\n").has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:2:5: error: expected a closing quote for the field opened here, "
                              "found the quote at 4:5 followed by 'O'",
                          }));
}

TEST(data_Csv, SemicolonSeparatedFileIsOneError) {
    // A spreadsheet export using ';' (or a tab) between fields: one error at the header row's first
    // delimiter that names it, and no error for each row (the file is not used). The byte order
    // mark counts as a column, as everywhere in the file.
    DataFixture f;
    EXPECT_FALSE(read(f, "\xEF\xBB\xBFname;country\nAnn;\"Korea, Republic of\"\nBob;Fiji\n").has_value());
    EXPECT_FALSE(read(f, "name\tcountry\nAnn\tFiji\n", "d/tab.csv").has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:1:6: error: expected fields separated by commas, found one field 'name;country'; "
                              "the file seems to use ';' between fields, and reportc reads comma-separated files",
                              "d/tab.csv:1:5: error: expected fields separated by commas, found one field 'name\tcountry'; "
                              "the file seems to use tabs between fields, and reportc reads comma-separated files",
                          }));
}

TEST(data_Csv, WrongFieldCountIsAnErrorAtTheRowStart) {
    // Rows with too few or too many fields are reported at their first column and left out;
    // the ids of the other rows still count every data row.
    DataFixture f;
    auto d = read(f, "a,b\n1,2\n3\n4,5,6\n7,8\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:3:1: error: expected 2 fields, found 1",
                              "d/t.csv:4:1: error: expected 2 fields, found 3",
                          }));
    ASSERT_EQ(d->record_count(), 2u);
    EXPECT_EQ(d->groups[0].records[1].id, "row-4");
}

TEST(data_Csv, InvalidUtf8IsAnErrorAtTheByte) {
    // A Latin-1 byte in a UTF-8 file.
    DataFixture f;
    EXPECT_FALSE(read(f, "name\nCaf\xE9\n").has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{"d/t.csv:2:4: error: expected UTF-8 text, found the invalid byte 0xE9"}));
}

TEST(data_Csv, EmptyAndDuplicateHeaderNamesAreErrors) {
    // Every field needs a name, and a name may appear once.
    DataFixture f;
    EXPECT_FALSE(read(f, "a, ,a\n1,2,3\n").has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:1:4: error: expected a field name in the header row, found an empty cell",
                              "d/t.csv:1:5: error: expected unique field names in the header row, found 'a' again",
                          }));
}

TEST(data_Csv, TextAfterAClosingQuoteIsAnError) {
    // "x"y is neither a quoted nor an unquoted field.
    DataFixture f;
    read(f, "a\n\"x\"y\n");
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:2:4: error: expected a comma or the end of the line after the closing quote, found 'y'",
                          }));
}

TEST(data_Csv, EmptyAndMissingFiles) {
    // An empty file has no header; a missing one is reported where it is named.
    DataFixture f;
    EXPECT_FALSE(read(f, "").has_value());
    EXPECT_FALSE(data::read_csv("d/none.csv", f.env, f.sources, f.diags, Span{}).has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "d/t.csv:1:1: error: expected a header row naming the fields, found an empty file",
                              "reportc: error: cannot read file 'd/none.csv': no such file",
                          }));
}

TEST(data_Csv, TenThousandRecordsLoad) {
    // A large flat list loads completely (speed is measured in tests/bench, not here).
    DataFixture f;
    std::string csv = "id,name,\"value\"\n";
    for (int i = 1; i <= 10000; ++i) csv += std::to_string(i) + ",\"Name, " + std::to_string(i) + "\"," + std::to_string(i * 7) + "\n";
    auto d = read(f, csv);
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    ASSERT_EQ(d->record_count(), 10000u);
    EXPECT_EQ(text(*d, 9999, "name"), "Name, 10000");
    EXPECT_EQ(f.sources.location(field(*d, 9999, "value").span), "d/t.csv:10001:21");
}

TEST(data_Loader, ChoosesTheReaderByExtension) {
    // .xml and .csv (in any case) are data files; anything else is an error where the file is named.
    DataFixture f;
    f.env.set_file("d/a.CSV", "x\n1\n");
    f.env.set_file("d/b.xml", "<records><record id=\"r\"/></records>");
    f.env.set_file("d/c.txt", "x\n1\n");
    uint32_t from_file = f.sources.add("r.xml", "<table data=\"d/c.txt\"/>");
    Span from{from_file, 7, 11};
    auto a = data::load_dataset("d/a.CSV", f.env, f.sources, f.diags, from);
    auto b = data::load_dataset("d/b.xml", f.env, f.sources, f.diags, from);
    auto c = data::load_dataset("d/c.txt", f.env, f.sources, f.diags, from);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->record_count(), 1u);
    EXPECT_EQ(b->groups.at(0).records.at(0).id, "r");
    EXPECT_FALSE(c.has_value());
    EXPECT_EQ(f.errors(), (std::vector<std::string>{
                              "r.xml:1:8: error: expected a data file ending in .xml, .csv, .xlsx or .ods, found 'd/c.txt'",
                          }));
}

TEST(data_Csv, RowsOfEmptyFieldsAreSkippedLikeEmptyLines) {
    // Spreadsheets export the blank rows below a list as ",,," lines (and a last line of spaces
    // is common): they are not records, and not rows with the wrong number of fields.
    DataFixture f;
    auto d = read(f, "\xEF\xBB\xBFid,name,note\r\n1,\"Lê, Văn\",\"two\r\nlines\"\r\n,,\r\n\"\",\"\",\"\"\r\n2,B,\r\n   \r\n");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(f.diags.all().empty());
    ASSERT_EQ(d->record_count(), 2u);
    EXPECT_EQ(text(*d, 0, "name"), "Lê, Văn");
    EXPECT_EQ(text(*d, 1, "id"), "2");
    EXPECT_EQ(d->groups[0].records[1].id, "row-4");
}
