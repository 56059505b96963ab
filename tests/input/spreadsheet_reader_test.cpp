// Spreadsheets as data files: .xlsx and .ods workbooks made here, cell type by cell type, and
// every kind of bad file, each reported once and located by cell or at the data attribute.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>

#include "input/sheet.h"
#include "input/sheet_values.h"
#include "input/spreadsheet_reader.h"
#include "zip_writer.h"

using namespace reportc;

namespace {

using Members = reportc::testing::ZipMembers;

using reportc::testing::zip_of;

const char* kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr %s/>)"
    R"(<sheets><sheet name="Notes" sheetId="1" r:id="rId2"/><sheet name="Data" sheetId="2" r:id="rId1" state="hidden"/></sheets></workbook>)";

const char* kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="…/worksheet"/>)"
    R"(<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="…/worksheet"/>)"
    R"(<Relationship Id="rId3" Target="sharedStrings.xml" Type="…/sharedStrings"/>)"
    R"(<Relationship Id="rId4" Target="styles.xml" Type="…/styles"/></Relationships>)";

const char* kShared =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>Action</t></si><si><t>Amount</t></si><si><t>Start</t></si><si><t>Share</t></si><si><t>Done</t></si>)"
    R"(<si><r><t xml:space="preserve">Train </t></r><r><rPr><b/></rPr><t>auditors</t></r></si>)"
    R"(<si><t>Pillar 1</t></si></sst>)";

// Styles: 0 general, 1 "#,##0.00", 2 date (built-in 14), 3 "0%".
const char* kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">)"
    R"(<numFmt numFmtId="164" formatCode="#,##0.00;[Red]\-#,##0.00"/></numFmts>)"
    R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs></styleSheet>)";

// The Data sheet: a header row (row 2, after an empty row), three records, a merge down column E.
std::string data_sheet(const std::string& extra_row = "") {
    return std::string(R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)") +
           R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>)"
           R"(<c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c></row>)"
           R"(<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" s="1"><v>1234.5</v></c><c r="C3" s="2"><v>44137</v></c>)"
           R"(<c r="D3" s="3"><v>0.456</v></c><c r="E3" t="b"><v>1</v></c></row>)"
           R"(<row r="4"><c r="A4" t="inlineStr"><is><t>Visit Fiji</t></is></c><c r="B4"><v>42</v></c>)"
           R"(<c r="C4" t="str"><f>TODAY()</f><v>soon</v></c><c r="E4" t="s"><v>6</v></c></row>)"
           R"(<row r="6"><c r="A6" t="inlineStr"><is><t>Review</t></is></c><c r="B6"><v>0.1</v></c></row>)" +
           extra_row + R"(</sheetData><mergeCells count="1"><mergeCell ref="E4:E6"/></mergeCells></worksheet>)";
}

std::string xlsx(const std::string& sheet = data_sheet(), const std::string& workbook_pr = "") {
    char workbook[1024];
    std::snprintf(workbook, sizeof workbook, kWorkbook, workbook_pr.c_str());
    return zip_of({{"xl/workbook.xml", workbook},
                   {"xl/_rels/workbook.xml.rels", kRels},
                   {"xl/sharedStrings.xml", kShared},
                   {"xl/styles.xml", kStyles},
                   {"xl/worksheets/sheet1.xml", sheet},
                   {"xl/worksheets/sheet2.xml", R"(<worksheet><sheetData/></worksheet>)"}});
}

struct Read {
    std::optional<doc::Dataset> data;
    std::vector<std::string> messages;
};

Read read(const std::string& bytes, const std::string& name, const std::string& sheet) {
    MemoryEnvironment env;
    env.set_file(name, bytes);
    SourceManager sources;
    Diagnostics diags;
    const uint32_t report = sources.add("report.xml", "<table data=\"x\"/>\n");
    Read r;
    r.data = input::read_spreadsheet(name, sheet, env, sources, diags, Span{report, 7, 15});
    for (const auto& d : diags.all()) r.messages.push_back(sources.render(d));
    return r;
}

// A record's field as plain text, with [b] around bold runs and | for line breaks.
std::string field(const doc::Record& r, const std::string& name) {
    std::string out;
    for (const auto& run : r.fields.at(name).items.at(0)) {
        if (run.line_break) out += "|";
        else if (!run.char_styles.empty() && run.char_styles[0] == "strong") out += "[b]" + run.text + "[/b]";
        else out += run.text;
    }
    return out;
}

}  // namespace

TEST(input_Spreadsheet, XlsxCellTypesAsTheSheetShowsThem) {
    auto r = read(xlsx(), "plan.xlsx", "Data");
    ASSERT_TRUE(r.data) << (r.messages.empty() ? "" : r.messages[0]);
    EXPECT_TRUE(r.messages.empty());
    EXPECT_EQ(r.data->columns, (std::vector<std::string>{"Action", "Amount", "Start", "Share", "Done"}));
    const auto& records = r.data->groups.at(0).records;
    ASSERT_EQ(records.size(), 3u);  // row 5 has no value of its own (only the merge's)
    EXPECT_EQ(records[0].id, "row-3");
    EXPECT_EQ(field(records[0], "Action"), "Train [b]auditors[/b]");
    EXPECT_EQ(field(records[0], "Amount"), "1,234.50");
    EXPECT_EQ(field(records[0], "Start"), "2020-11-02");
    EXPECT_EQ(field(records[0], "Share"), "46%");
    EXPECT_EQ(field(records[0], "Done"), "TRUE");
    EXPECT_EQ(field(records[1], "Action"), "Visit Fiji");
    EXPECT_EQ(field(records[1], "Amount"), "42");
    EXPECT_EQ(field(records[1], "Start"), "soon");  // a formula by its cached value
    EXPECT_EQ(field(records[1], "Share"), "");      // an empty cell is an empty value
    EXPECT_EQ(records[2].id, "row-6");
    EXPECT_EQ(field(records[2], "Amount"), "0.1");
    EXPECT_EQ(field(records[2], "Done"), "Pillar 1");  // from the merge E4:E6
}

TEST(input_Spreadsheet, SheetByNameNumberOrFirst) {
    EXPECT_TRUE(read(xlsx(), "plan.xlsx", "2").data);  // the hidden Data sheet, by number
    auto first = read(xlsx(), "plan.xlsx", "");
    EXPECT_FALSE(first.data);  // "Notes" is empty
    ASSERT_EQ(first.messages.size(), 1u);
    EXPECT_EQ(first.messages[0].substr(0, first.messages[0].find('\n')),
              "report.xml:1:8: error: expected a header row naming the fields in sheet 'Notes' of 'plan.xlsx', found an empty sheet");
    auto missing = read(xlsx(), "plan.xlsx", "Budget");
    ASSERT_EQ(missing.messages.size(), 1u);
    EXPECT_NE(missing.messages[0].find("error: cannot read the spreadsheet 'plan.xlsx': it has no sheet named 'Budget'; its sheets: "
                                       "'Notes', 'Data'"),
              std::string::npos)
        << missing.messages[0];
}

TEST(input_Spreadsheet, Dates1904) {
    auto r = read(xlsx(data_sheet(), "date1904=\"1\""), "plan.xlsx", "Data");
    ASSERT_TRUE(r.data);
    EXPECT_EQ(field(r.data->groups[0].records[0], "Start"), "2024-11-03");  // 44137 days after 1904-01-01
}

TEST(input_Spreadsheet, ErrorsAreLocatedByCell) {
    auto r = read(xlsx(data_sheet(R"(<row r="7"><c r="A7" t="e"><v>#DIV/0!</v></c><c r="G7"><v>1</v></c><c r="H7"><v>2</v></c></row>)")),
                  "plan.xlsx", "Data");
    EXPECT_FALSE(r.data);
    ASSERT_EQ(r.messages.size(), 3u);
    EXPECT_EQ(r.messages[0], "plan.xlsx:Data!A7: error: expected a value, found the formula error #DIV/0!\n  Data!A7: #DIV/0!\n           ^\n");
    EXPECT_EQ(r.messages[1].substr(0, r.messages[1].find('\n')),
              "plan.xlsx:Data!G7: error: expected a field name in the header row above this value (Data!G2), found an empty cell");
    EXPECT_NE(r.messages[2].find("plan.xlsx:Data!H7: error"), std::string::npos);
}

TEST(input_Spreadsheet, DuplicateFieldNames) {
    std::string sheet = R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>)"
                        R"(<c r="B1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>)";
    auto r = read(xlsx(sheet), "plan.xlsx", "Data");
    EXPECT_FALSE(r.data);
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_EQ(r.messages[0].substr(0, r.messages[0].find('\n')),
              "plan.xlsx:Data!B1: error: expected unique field names in the header row, found 'Name' again");
}

TEST(input_Spreadsheet, BadFilesAreOneErrorAtTheDataAttribute) {
    auto first_line = [](const Read& r) { return r.messages.empty() ? std::string() : r.messages[0].substr(0, r.messages[0].find('\n')); };
    auto text = read("Action,Amount\n", "plan.xlsx", "");
    EXPECT_EQ(first_line(text),
              "report.xml:1:8: error: expected an Office Open XML workbook in 'plan.xlsx', found a file that is not a zip archive");
    auto empty = read("", "plan.ods", "");
    EXPECT_EQ(first_line(empty), "report.xml:1:8: error: expected an OpenDocument spreadsheet in 'plan.ods', found an empty file");
    auto ole = read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "plan.xlsx", "");
    EXPECT_NE(first_line(ole).find("found an encrypted workbook or an old .xls file"), std::string::npos) << first_line(ole);
    auto truncated = xlsx();
    truncated.resize(truncated.size() / 2);
    EXPECT_NE(first_line(read(truncated, "plan.xlsx", "Data")).find("error: expected an Office Open XML workbook in 'plan.xlsx'"),
              std::string::npos);
    auto not_xml = zip_of({{"xl/workbook.xml", "<workbook><sheets>"}});
    EXPECT_NE(first_line(read(not_xml, "plan.xlsx", "")).find("its part 'xl/workbook.xml' is not well-formed XML"), std::string::npos);
    auto no_workbook = zip_of({{"hello.txt", "hi"}});
    EXPECT_NE(first_line(read(no_workbook, "plan.xlsx", "")).find("it has no workbook part"), std::string::npos);
    for (const auto& r : {text, empty, ole}) EXPECT_EQ(r.messages.size(), 1u);
}

TEST(input_Spreadsheet, NulReferenceInACellIsAnError) {
    // &#0; cut the cell's text off silently, as in the other data files.
    auto r = read(xlsx(data_sheet(R"(<row r="7"><c r="A7" t="inlineStr"><is><t>a&#0;b</t></is></c></row>)")), "plan.xlsx", "Data");
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_EQ(r.messages[0].substr(0, r.messages[0].find('\n')),
              "report.xml:1:8: error: cannot read the spreadsheet 'plan.xlsx': its part 'xl/worksheets/sheet1.xml' is not valid: "
              "expected a character reference to a character, found '&#0;' (U+0000, NUL)");
}

TEST(input_Spreadsheet, AZipBombStopsAtTheBound) {
    // A sheet part that inflates past 64 MiB (it compresses to a few dozen kilobytes).
    std::string huge = "<worksheet><sheetData>" + std::string(input::kMaxSpreadsheetMember, ' ') + "</sheetData></worksheet>";
    auto r = read(xlsx(huge), "plan.xlsx", "Data");
    EXPECT_FALSE(r.data);
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_NE(r.messages[0].find("its member 'xl/worksheets/sheet1.xml' inflates"), std::string::npos) << r.messages[0];
}

TEST(input_Spreadsheet, EncryptedMembersAreRefused) {
    if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) GTEST_SKIP() << "this libzip cannot encrypt";
    auto r = read(zip_of({{"xl/workbook.xml", "<workbook/>"}}, "secret"), "plan.xlsx", "");
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_NE(r.messages[0].find("its member 'xl/workbook.xml' is encrypted"), std::string::npos) << r.messages[0];
}

namespace {

std::string ods(const std::string& rows, const std::string& manifest = "") {
    std::string content =
        R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
        R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
        R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">)"
        R"(<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>)"
        R"(</style:style></office:automatic-styles><office:body><office:spreadsheet>)"
        R"(<table:table table:name="Plan">)" +
        rows + R"(</table:table></office:spreadsheet></office:body></office:document-content>)";
    Members members{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}};
    if (!manifest.empty()) members.push_back({"META-INF/manifest.xml", manifest});
    return zip_of(members);
}

}  // namespace

TEST(input_Spreadsheet, OdsCellsRepeatsSpansAndStyles) {
    auto r = read(ods(R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell>)"
                      R"(<table:table-cell office:value-type="string"><text:p>Amount</text:p></table:table-cell>)"
                      R"(<table:table-cell office:value-type="string"><text:p>Start</text:p></table:table-cell>)"
                      R"(<table:table-cell office:value-type="string"><text:p>Pillar</text:p></table:table-cell></table:table-row>)"
                      R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Train<text:s text:c="2"/>)"
                      R"(<text:span text:style-name="T1">auditors</text:span></text:p><text:p>twice</text:p></table:table-cell>)"
                      R"(<table:table-cell office:value-type="float" office:value="1234.5"><text:p>1,234.50</text:p></table:table-cell>)"
                      R"(<table:table-cell office:value-type="date" office:date-value="2020-11-02"><text:p>02/11/20</text:p></table:table-cell>)"
                      R"(<table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>P1</text:p></table:table-cell>)"
                      R"(</table:table-row>)"
                      R"(<table:table-row><table:table-cell table:number-columns-repeated="2" office:value-type="boolean" )"
                      R"(office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell><table:table-cell/>)"
                      R"(<table:covered-table-cell/></table:table-row>)"
                      R"(<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/>)"
                      R"(</table:table-row>)"),
                  "plan.ods", "Plan");
    ASSERT_TRUE(r.data) << (r.messages.empty() ? "" : r.messages[0]);
    const auto& records = r.data->groups.at(0).records;
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(field(records[0], "Action"), "Train  [b]auditors[/b]|twice");
    EXPECT_EQ(field(records[0], "Amount"), "1,234.50");
    EXPECT_EQ(field(records[0], "Start"), "2020-11-02");
    EXPECT_EQ(field(records[1], "Action"), "TRUE");
    EXPECT_EQ(field(records[1], "Amount"), "TRUE");
    EXPECT_EQ(field(records[1], "Pillar"), "P1");  // spanned down from the row above
}

TEST(input_Spreadsheet, EncryptedOdsIsRefused) {
    auto r = read(ods("", "<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"),
                  "plan.ods", "");
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_NE(r.messages[0].find("it is encrypted (saved with a password)"), std::string::npos) << r.messages[0];
}

TEST(input_NumberFormat, ShowsNumbersAsTheirFormatSays) {
    using input::format_number;
    using input::parse_number_format;
    EXPECT_EQ(format_number(1234.5, parse_number_format("General"), false), "1234.5");
    EXPECT_EQ(format_number(42, parse_number_format("General"), false), "42");
    EXPECT_EQ(format_number(0.30000000000000004, parse_number_format("General"), false), "0.3");
    EXPECT_EQ(format_number(-1234567.891, parse_number_format("#,##0.00"), false), "-1,234,567.89");
    EXPECT_EQ(format_number(-0.001, parse_number_format("0.00"), false), "0.00");
    EXPECT_EQ(format_number(0.4567, parse_number_format("0.0%"), false), "45.7%");
    EXPECT_EQ(format_number(59, parse_number_format("dd/mm/yyyy"), false), "1900-02-28");
    EXPECT_EQ(format_number(60, parse_number_format("dd/mm/yyyy"), false), "1900-02-29");
    EXPECT_EQ(format_number(61, parse_number_format("dd/mm/yyyy"), false), "1900-03-01");
    EXPECT_EQ(format_number(44137.75, parse_number_format("yyyy-mm-dd hh:mm"), false), "2020-11-02 18:00");
    EXPECT_EQ(format_number(0.5, parse_number_format("[h]:mm"), false), "12:00");
    EXPECT_EQ(format_number(7, parse_number_format("\"Day \"0"), false), "7");
    EXPECT_EQ(input::iso_date(0), "1970-01-01");
}
