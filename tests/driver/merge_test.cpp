// A document made once per record (docs/merge.md): fields bound and formatted in text, slots and
// patterns; conditions; record checks with their exact messages; numbers that survive added
// rows; safe file names; the manifest's digests; the same bytes whatever the thread count.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "driver/certificates.h"
#include "driver/compiler.h"
#include "driver/fields.h"
#include "driver/file_names.h"
#include "driver/records.h"
#include "driver/sha256.h"
#include "image_files.h"
#include "rendered_diagnostics.h"

using namespace reportc;
using reportc::testing::rendered;

namespace {

std::string fixture() { return std::string(REPORTC_SOURCE_ROOT) + "/tests/driver/merge"; }

class PinnedEnvironment : public RealEnvironment {
public:
    int64_t now() const override { return 1604275200; }  // 2020-11-02, as SOURCE_DATE_EPOCH would pin it
};

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

constexpr const char* kHeader = "id,name,given_name,family_name,country,organisation,email,distinction\n";

// A run in a scratch folder: its own participant list, the fixture's source and layout.
struct MergeRun {
    std::string dir;
    PinnedEnvironment env;
    SourceManager sources;
    Diagnostics diags;

    explicit MergeRun(const std::string& csv, const std::string& extra = "") {
        static int n = 0;
        dir = (std::filesystem::temp_directory_path() / ("reportc-merge-" + std::to_string(::getpid()) + "-" + std::to_string(++n))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        write("participants.csv", csv);
        write("run.xml", "<certificates source=\"" + fixture() + "/certificate.xml\" layout=\"" + fixture() +
                             "/layout.xml\" pages=\"1\">\n"
                             "<workshop title=\"PCA Workshop\" start=\"2020-11-02\" end=\"2020-11-06\" place=\"online\"/>\n"
                             "<records src=\"participants.csv\"/>\n"
                             "<number pattern=\"ROCB-2020-PCA-{participant.id|0000}\"/>\n"
                             "<url pattern=\"https://example.org/verify/{certificate.number}\"/>\n"
                             "<files pattern=\"{certificate.number}-{participant.family_name}.pdf\"/>\n" +
                             extra + "</certificates>\n");
    }
    ~MergeRun() { std::filesystem::remove_all(dir); }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir + "/" + name, std::ios::binary) << text; }
    std::string path(const std::string& name) const { return dir + "/" + name; }

    driver::MergeOutcome make(unsigned threads = 1, bool skip_bad = false) {
        driver::MergeOptions o;
        o.run_file = path("run.xml");
        o.combined = path("all.pdf");
        o.out_dir = path("pdf");
        o.manifest = path("pdf/manifest.csv");
        o.threads = threads;
        o.skip_bad = skip_bad;
        return driver::make_certificates(o, env, sources, diags);
    }
    std::vector<std::string> messages() const { return rendered(diags, sources); }

    // The records as read and checked (numbers, file names), without building them.
    driver::RecordSet records() {
        auto run = input::read_run_file(path("run.xml"), env, sources, diags);
        return run ? driver::read_records(*run, "%-d %B %Y", env, sources, diags) : driver::RecordSet{};
    }
};

// Every text item of the page, in order, joined by spaces.
std::string page_text(const frame::Page& page) {
    std::string out;
    for (const auto& item : page.items)
        if (const auto* t = std::get_if<frame::TextItem>(&item)) out += (out.empty() ? "" : " ") + t->text;
    return out;
}

// The records' pages' text, built through the resident compiler as the command does.
std::vector<std::string> built_pages(MergeRun& run) {
    auto records = run.records();
    driver::Compiler compiler(run.env, run.sources);
    driver::Options options;
    options.input = fixture() + "/certificate.xml";
    auto prepared = compiler.prepare(options, run.diags);
    std::vector<std::string> pages;
    if (!prepared) return pages;
    for (const auto& r : records.good) {
        options.variables = r.values;
        auto frames = compiler.build_record(*prepared, options, run.diags);
        pages.push_back(frames && !frames->pages.empty() ? page_text(frames->pages[0]) : "(failed)");
    }
    return pages;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Merge, FieldsAreBoundAndFormattedInTextAndSlots) {
    MergeRun run(std::string(kHeader) + "7,Nguyễn Thị Minh Khai,Minh Khai,Nguyễn,Viet Nam,GDVC,a@example.org,yes\n"
                                   "12,Jean-Pierre O'Brien,Jean-Pierre,O'Brien,philippines,,b@example.org,\n");
    auto pages = built_pages(run);
    EXPECT_TRUE(run.messages().empty()) << run.messages().front();
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_TRUE(contains(pages[0], "Nguyễn Thị Minh Khai")) << pages[0];
    EXPECT_TRUE(contains(pages[0], "(VIET NAM)")) << pages[0];  // case="upper"
    EXPECT_TRUE(contains(pages[0], "2 November 2020 to 6 November 2020")) << pages[0];  // format="date"
    EXPECT_TRUE(contains(pages[0], "ROCB-2020-PCA-0007")) << pages[0];
    EXPECT_TRUE(contains(pages[0], "https://example.org/verify/ROCB-2020-PCA-0007")) << pages[0];
    EXPECT_TRUE(contains(pages[1], "of no organisation given (PHILIPPINES)")) << pages[1];  // default=
    EXPECT_TRUE(contains(pages[1], "PHILIPPINES ROCB-2020-PCA-0012")) << pages[1];  // the header's {participant.country|upper}
}

// A heading is text too: a section's title (and short title, and an article's) takes fields
// in braces with their options; an unknown field there is an error at the heading.
TEST(Merge, ASectionsTitleTakesFields) {
    MergeRun run(std::string(kHeader) + "7,Nguyễn Thị Minh Khai,Minh Khai,Nguyễn,Viet Nam,GDVC,a@example.org,yes\n");
    const std::string source = run.path("titled.xml");
    run.write("titled.xml", "<report layout=\"" + fixture() + "/layout.xml\"><info><title>T</title></info>\n"
                            "<section title=\"For {participant.name|upper}\" style=\"body\"><p>x</p>\n"
                            "<section title=\"{participant.country} from {workshop.start|date}\" style=\"body\"><p>y</p></section></section>\n"
                            "<section title=\"{participant.nmae}\" style=\"body\"><p>z</p></section></report>\n");
    auto records = run.records();
    ASSERT_EQ(records.good.size(), 1u);
    driver::Compiler compiler(run.env, run.sources);
    driver::Options options;
    options.input = source;
    auto prepared = compiler.prepare(options, run.diags);
    ASSERT_TRUE(prepared) << run.messages().front();
    options.variables = records.good[0].values;
    auto frames = compiler.build_record(*prepared, options, run.diags);
    EXPECT_FALSE(frames);
    EXPECT_EQ(run.messages(), std::vector<std::string>{source + ":4:2: error: unknown field 'participant.nmae' in '{participant.nmae}'"});
    run.write("titled.xml", read(source).replace(read(source).find("{participant.nmae}"), 18, "Fixed"));
    driver::Compiler again(run.env, run.sources);
    Diagnostics diags;
    prepared = again.prepare(options, diags);
    ASSERT_TRUE(prepared);
    frames = again.build_record(*prepared, options, diags);
    ASSERT_TRUE(frames);
    EXPECT_TRUE(contains(page_text(frames->pages.at(0)), "For NGUYỄN THỊ MINH KHAI x Viet Nam from 2 November 2020 y Fixed z"))
        << page_text(frames->pages.at(0));
}

TEST(Merge, AConditionKeepsABlockOnlyForTheRecordsItHoldsFor) {
    MergeRun run(std::string(kHeader) + "1,A,A,A,X,O,e,yes\n2,B,B,B,X,O,e,no\n3,C,C,C,X,O,e,\n4,D,D,D,X,O,e,0\n5,E,E,E,X,O,e,false\n6,F,F,F,X,O,e,1\n");
    auto pages = built_pages(run);
    ASSERT_EQ(pages.size(), 6u);
    std::vector<bool> with;
    for (const auto& p : pages) with.push_back(contains(p, "With distinction."));
    EXPECT_EQ(with, (std::vector<bool>{true, false, false, false, false, true}));
    for (const auto& p : pages) EXPECT_NE(contains(p, "Without distinction."), contains(p, "With distinction.")) << p;  // unless=
}

TEST(Merge, FieldOptionsAndTheirErrors) {
    std::string error;
    auto spec = driver::parse_field("workshop.start|date|upper", error);
    ASSERT_TRUE(spec);
    EXPECT_EQ(driver::format_field("workshop.start", "2020-11-02", spec->format, "%-d %B %Y", error), "2 NOVEMBER 2020");
    spec = driver::parse_field("participant.organisation|default=independent | none", error);
    ASSERT_TRUE(spec);
    EXPECT_EQ(driver::format_field("x", "", spec->format, "", error), "independent | none");
    EXPECT_EQ(driver::format_field("x", "đặng văn ơn", driver::FieldFormat{"title"}, "", error), "Đặng Văn Ơn");
    EXPECT_FALSE(driver::parse_field("participant.name|bold", error));
    EXPECT_EQ(error, "expected a field option (upper, lower, title, date, zeros such as 0000, default=TEXT) after '|' in "
                     "'{participant.name|bold}', found 'bold'");
    spec = driver::parse_field("workshop.start|date", error);
    EXPECT_FALSE(driver::format_field("workshop.start", "2/11/2020", spec->format, "%Y", error));
    EXPECT_EQ(error, "expected an ISO date (YYYY-MM-DD) in 'workshop.start', found '2/11/2020'");
    EXPECT_FALSE(driver::expand_pattern("{participant.nmae}.pdf", {{"participant.name", "A"}}, "", error));
    EXPECT_EQ(error, "unknown field 'participant.nmae' in '{participant.nmae}.pdf'");
}

TEST(Merge, NumbersStayTheSameWhenRowsAreAdded) {
    MergeRun before(std::string(kHeader) + "3,A,A,Alpha,X,O,e,\n17,B,B,Beta,X,O,e,\n");
    MergeRun after(std::string(kHeader) + "40,New,N,New,X,O,e,\n3,A,A,Alpha,X,O,e,\n5,Mid,M,Mid,X,O,e,\n17,B,B,Beta,X,O,e,\n");
    std::map<std::string, std::string> first, second;
    for (const auto& r : before.records().good) first[r.id] = r.number + " " + r.file;
    for (const auto& r : after.records().good) second[r.id] = r.number + " " + r.file;
    EXPECT_EQ(first.at("3"), "ROCB-2020-PCA-0003 ROCB-2020-PCA-0003-Alpha.pdf");
    EXPECT_EQ(first.at("3"), second.at("3"));
    EXPECT_EQ(first.at("17"), second.at("17"));
    EXPECT_EQ(second.at("40"), "ROCB-2020-PCA-0040 ROCB-2020-PCA-0040-New.pdf");
}

TEST(Merge, FileNamesAreSafeOnEveryFileSystem) {
    EXPECT_EQ(driver::safe_file_name("a/b\\c:d*e?f\"g<h>i|j.pdf"), "a_b_c_d_e_f_g_h_i_j.pdf");
    EXPECT_EQ(driver::safe_file_name("../../etc/passwd"), "_._etc_passwd");
    EXPECT_EQ(driver::safe_file_name(".."), "_");
    EXPECT_EQ(driver::safe_file_name("CON.pdf"), "_CON.pdf");
    EXPECT_EQ(driver::safe_file_name("nul"), "_nul");
    EXPECT_EQ(driver::safe_file_name("com7.tar.pdf"), "_com7.tar.pdf");
    EXPECT_EQ(driver::safe_file_name("Console.pdf"), "Console.pdf");
    EXPECT_EQ(driver::safe_file_name("tab\there\x01.pdf"), "tab_here_.pdf");
    EXPECT_EQ(driver::safe_file_name(" .hidden. "), "hidden");
    EXPECT_EQ(driver::safe_file_name("bad\xFFutf8.pdf"), "bad_utf8.pdf");
    EXPECT_EQ(driver::safe_file_name("Nguyễn 🎓.pdf"), "Nguyễn 🎓.pdf");
    const std::string name = driver::safe_file_name(std::string(300, 'x') + "é.pdf");
    EXPECT_EQ(name.size(), driver::kMaxFileNameBytes);
    EXPECT_TRUE(name.ends_with("x.pdf"));
    const std::string emoji = driver::safe_file_name(std::string(115, 'x') + "🎓🎓.pdf");  // cut before a character, never inside
    EXPECT_EQ(emoji, std::string(115, 'x') + ".pdf");
    driver::UniqueNames names;
    EXPECT_EQ(names.take("A.pdf"), "A.pdf");
    EXPECT_EQ(names.take("a.pdf"), "a-2.pdf");
    EXPECT_EQ(names.take("A.pdf"), "A-3.pdf");
}

TEST(Merge, AFamilyNameWithSlashesAndDotsMakesASafeUniqueFile) {
    MergeRun run(std::string(kHeader) + "1,A,A,../x,X,O,e,\n2,B,B,CON,X,O,e,\n");
    run.write("run.xml", read(run.path("run.xml")).replace(read(run.path("run.xml")).find("{certificate.number}-"), 21, ""));
    auto set = run.records();
    ASSERT_EQ(set.good.size(), 2u);
    EXPECT_EQ(set.good[0].file, "_x.pdf");
    EXPECT_EQ(set.good[1].file, "_CON.pdf");
}

TEST(Merge, EachBadRowIsReportedWhereItIs) {
    MergeRun run(std::string(kHeader) + "1,A,A,A,X,O,e,\n"
                                   "2,,B,B,X,O,e,\n"       // empty name
                                   ",C,C,C,X,O,e,\n"       // empty id
                                   "1,D,D,D,X,O,e,\n"      // the id again
                                   "5,E,E,E,X,O\n"         // too few fields
                                   "A7,F,F,F,X,O,e,\n");   // not digits for {participant.id|0000}
    auto outcome = run.make();
    EXPECT_FALSE(outcome.success);
    EXPECT_EQ(outcome.bad, 5u);
    const std::string csv = run.path("participants.csv");
    auto m = run.messages();
    ASSERT_EQ(m.size(), 6u);
    EXPECT_TRUE(m[0].starts_with(csv + ":6:1: error: expected 8 fields, found 6")) << m[0];
    EXPECT_TRUE(m[1].starts_with(csv + ":3:3: error: expected a value in column 'name', found an empty field")) << m[1];
    EXPECT_TRUE(m[2].starts_with(csv + ":4:1: error: expected a value in column 'id', found an empty field")) << m[2];
    EXPECT_TRUE(m[3].starts_with(csv + ":5:1: error: expected a participant id used once, found '1' again")) << m[3];
    EXPECT_TRUE(m[4].starts_with(csv + ":2:1: note: '1' is first used here")) << m[4];
    EXPECT_TRUE(m[5].starts_with(csv + ":7:1: error: expected digits in 'participant.id' to pad to 4, found 'A7'")) << m[5];
    EXPECT_FALSE(std::filesystem::exists(run.path("all.pdf")));  // nothing written
    EXPECT_FALSE(std::filesystem::exists(run.path("pdf")));
}

TEST(Merge, ACharacterNoFontSetsIsNamedAtItsColumnInEveryRowThatHasIt) {
    // Each name is the row's own fault: both are reported in one run, each with a note at the
    // field that holds the character (issue: the note named only the row, and the run stopped at
    // the first such record).
    MergeRun run(std::string(kHeader) + "1,A,A,A,X,O,e,\n"
                                        "2,Anna \xEE\x80\x80 Berg,Anna,Berg,X,O,e,\n"
                                        "3,\xE0\xB8\xAA\xE0\xB8\xA1,\xE0\xB8\xAA,S,X,O,e,\n");  // given_name holds it too
    auto outcome = run.make();
    EXPECT_FALSE(outcome.success);
    const std::string csv = run.path("participants.csv");
    const std::string all = [&] {
        std::string joined;
        for (const auto& m : run.messages()) joined += m + "\n";
        return joined;
    }();
    EXPECT_NE(all.find("error: no font has the character U+E000"), std::string::npos) << all;
    EXPECT_NE(all.find(csv + ":3:3: note: the character U+E000 is in column 'name' of this record (2)"), std::string::npos) << all;
    EXPECT_NE(all.find("error: the character U+0E2A"), std::string::npos) << all;
    EXPECT_NE(all.find(csv + ":4:3: note: the character U+0E2A is in column 'name' of this record (3)"), std::string::npos) << all;
    EXPECT_EQ(all.find("while building the document"), std::string::npos) << all;
    EXPECT_FALSE(std::filesystem::exists(run.path("all.pdf")));
}

TEST(Merge, AMissingRequiredColumnIsOneErrorPerColumn) {
    MergeRun run("id,given_name,family_name\n1,A,B\n", "");
    run.write("run.xml", read(run.path("run.xml")).replace(read(run.path("run.xml")).find("<records src=\"participants.csv\"/>"), 33,
                                                          "<records src=\"participants.csv\" required=\"email country\"/>"));
    auto outcome = run.make();
    EXPECT_FALSE(outcome.success);
    auto m = run.messages();
    ASSERT_EQ(m.size(), 3u);
    const std::string at = run.path("participants.csv") + ":1:1: error: expected a column '";
    EXPECT_TRUE(m[0].starts_with(at + "name' in the header row, found id, given_name, family_name")) << m[0];
    EXPECT_TRUE(m[1].starts_with(at + "email' in the header row")) << m[1];
    EXPECT_TRUE(m[2].starts_with(at + "country' in the header row")) << m[2];
}

TEST(Merge, SkipBadWritesTheGoodRecordsAndAFailedRunKeepsEarlierFiles) {
    MergeRun run(std::string(kHeader) + "1,A,A,Alpha,X,O,e,\n2,B,B,Beta,X,O,e,\n");
    ASSERT_TRUE(run.make().success) << run.messages().front();
    const std::string earlier = read(run.path("all.pdf"));
    run.write("participants.csv", std::string(kHeader) + "1,A,A,Alpha,X,O,e,\n2,,B,Beta,X,O,e,\n3,C,C,Gamma,X,O,e,\n");
    EXPECT_FALSE(run.make().success);
    EXPECT_EQ(read(run.path("all.pdf")), earlier);  // the failed run wrote nothing
    EXPECT_FALSE(std::filesystem::exists(run.path("pdf/ROCB-2020-PCA-0003-Gamma.pdf")));
    auto outcome = run.make(1, true);
    EXPECT_TRUE(outcome.success) << run.messages().back();
    EXPECT_EQ(outcome.written, 2u);
    EXPECT_EQ(outcome.bad, 1u);
    EXPECT_TRUE(std::filesystem::exists(run.path("pdf/ROCB-2020-PCA-0003-Gamma.pdf")));
}

TEST(Merge, TheManifestListsEveryFileWithItsDigest) {
    EXPECT_EQ(driver::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");  // FIPS 180-2, B.1
    EXPECT_EQ(driver::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(driver::sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    MergeRun run(std::string(kHeader) + "1,\"O'Brien, Jean\",J,OBrien,X,O,e,\n2,B,B,Beta,X,O,e,\n");
    ASSERT_TRUE(run.make().success) << run.messages().front();
    const std::string manifest = read(run.path("pdf/manifest.csv"));
    const std::string a = driver::sha256_hex(read(run.path("pdf/ROCB-2020-PCA-0001-OBrien.pdf")));
    const std::string b = driver::sha256_hex(read(run.path("pdf/ROCB-2020-PCA-0002-Beta.pdf")));
    EXPECT_EQ(manifest, "id,name,number,file,sha256\r\n"
                        "1,\"O'Brien, Jean\",ROCB-2020-PCA-0001,ROCB-2020-PCA-0001-OBrien.pdf," + a + "\r\n"
                        "2,B,ROCB-2020-PCA-0002,ROCB-2020-PCA-0002-Beta.pdf," + b + "\r\n");
}

// A record's file may not take the name of the combined PDF or the manifest when they are
// written into the same folder (ignoring the case of ASCII letters, as for two records): it
// gets the next free name, and every file listed in the manifest has the digest it lists.
TEST(Merge, ARecordsFileNeverTakesTheNameOfTheCombinedPdfOrTheManifest) {
    MergeRun run(std::string(kHeader) + "1,A,A,All,X,O,e,\n2,B,B,manifest,X,O,e,\n3,C,C,Gamma,X,O,e,\n");
    std::string xml = read(run.path("run.xml"));
    run.write("run.xml", xml.replace(xml.find("{certificate.number}-{participant.family_name}.pdf"), 50, "{participant.family_name}.csv"));
    driver::MergeOptions o;
    o.run_file = run.path("run.xml");
    o.out_dir = run.path("out");
    o.combined = run.path("out/all.csv");
    o.manifest = run.path("out/./MANIFEST.csv");
    auto outcome = driver::make_certificates(o, run.env, run.sources, run.diags);
    ASSERT_TRUE(outcome.success) << run.messages().front();
    const std::string manifest = read(run.path("out/MANIFEST.csv"));
    const std::string a = driver::sha256_hex(read(run.path("out/All-2.csv")));
    const std::string b = driver::sha256_hex(read(run.path("out/manifest-2.csv")));
    EXPECT_EQ(manifest, "id,name,number,file,sha256\r\n"
                        "1,A,ROCB-2020-PCA-0001,All-2.csv," + a + "\r\n"
                        "2,B,ROCB-2020-PCA-0002,manifest-2.csv," + b + "\r\n"
                        "3,C,ROCB-2020-PCA-0003,Gamma.csv," + driver::sha256_hex(read(run.path("out/Gamma.csv"))) + "\r\n");
    EXPECT_TRUE(read(run.path("out/all.csv")).starts_with("%PDF"));
    o.combined.clear();  // the folder alone, without a combined PDF: nothing else to avoid
    o.manifest.clear();
    o.out_dir = run.path("only");
    EXPECT_TRUE(driver::make_certificates(o, run.env, run.sources, run.diags).success) << run.messages().front();
    EXPECT_TRUE(std::filesystem::exists(run.path("only/All.csv")));
}

TEST(Merge, TheBytesAreTheSameWhateverTheThreadCount) {
    std::string csv = kHeader;
    for (int i = 1; i <= 12; ++i) csv += std::to_string(i) + ",Person " + std::to_string(i) + ",P,Family" + std::to_string(i) + ",X,O,e,\n";
    std::vector<std::string> combined, first;
    for (unsigned threads : {1u, 2u, 8u}) {
        MergeRun run(csv);
        auto outcome = run.make(threads);
        ASSERT_TRUE(outcome.success);
        combined.push_back(read(run.path("all.pdf")));
        first.push_back(read(run.path("pdf/manifest.csv")));
    }
    EXPECT_EQ(combined[0], combined[1]);
    EXPECT_EQ(combined[0], combined[2]);
    EXPECT_EQ(first[0], first[1]);  // the manifest holds every file's digest
    EXPECT_EQ(first[0], first[2]);
}

TEST(Merge, TheCombinedPdfEmbedsEachFontOnce) {
    std::string csv = kHeader;
    for (int i = 1; i <= 5; ++i) csv += std::to_string(i) + ",Person " + std::to_string(i) + ",P,F" + std::to_string(i) + ",X,O,e,yes\n";
    MergeRun run(csv);
    ASSERT_TRUE(run.make().success);
    const std::string pdf = read(run.path("all.pdf"));
    size_t files = 0;
    for (size_t at = pdf.find("/FontFile2"); at != std::string::npos; at = pdf.find("/FontFile2", at + 1)) ++files;
    EXPECT_EQ(files, 2u);  // regular and bold, for five records
}

TEST(Merge, XmlRecordsTakeTheirIdFromTheRecord) {
    MergeRun run("");
    run.write("participants.xml", "<records>\n<record id=\"8\"><field name=\"name\">Lý <b>Thường</b> Kiệt</field>"
                                  "<field name=\"family_name\">Lý</field></record>\n"
                                  "<record id=\"9\"><field name=\"family_name\">X</field></record>\n</records>\n");
    run.write("run.xml", read(run.path("run.xml")).replace(read(run.path("run.xml")).find("participants.csv"), 16, "participants.xml"));
    auto set = run.records();
    ASSERT_EQ(set.good.size(), 1u);
    EXPECT_EQ(set.good[0].number, "ROCB-2020-PCA-0008");
    EXPECT_EQ(set.good[0].name, "Lý Thường Kiệt");
    auto m = run.messages();
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].starts_with(run.path("participants.xml") + ":3:2: error: expected a field 'name' in the record, found none")) << m[0];
}

TEST(Merge, AFieldThatRunsOntoASecondPageIsAnErrorAtItsRow) {
    std::string long_name;
    for (int i = 0; i < 150; ++i) long_name += "Organisation ";
    MergeRun run(std::string(kHeader) + "1,A,A,A,X,O,e,\n2,B,B,B,X," + long_name + ",e,\n");
    auto outcome = run.make();
    EXPECT_FALSE(outcome.success);
    auto m = run.messages();
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].starts_with(run.path("participants.csv") + ":3:1: error: expected the document of this record on 1 page, found 2; "
                                 "a field is too long for the layout")) << m[0];
    EXPECT_FALSE(std::filesystem::exists(run.path("all.pdf")));
}

TEST(Merge, AnImagePathTakesFieldsAndIsDecodedOnceForAllRecords) {
    MergeRun run("");
    run.write("logo.png", test::make_png({}));
    run.write("photo-2.png", test::make_png({test::PngKind::Gray}));
    run.write("doc.xml", "<report layout=\"" + fixture() + "/layout.xml\"><info><title>T</title></info>\n"
                         "<image src=\"{workshop.logo}\" width=\"20mm\" if=\"workshop.logo\"/>\n"
                         "<image src=\"photo-{participant.id}.png\" width=\"20mm\" unless=\"participant.no_photo\"/>\n<p>x</p>\n</report>\n");
    driver::Compiler compiler(run.env, run.sources);
    driver::Options options;
    options.input = run.path("doc.xml");
    auto prepared = compiler.prepare(options, run.diags);
    ASSERT_TRUE(prepared);
    std::vector<std::vector<const image::Image*>> images;
    std::vector<frame::FrameDocument> kept;
    for (const auto& [logo, no_photo] : {std::pair{"logo.png", "yes"}, {"logo.png", ""}, {"", "yes"}}) {
        options.variables = {{"workshop.logo", logo}, {"participant.id", "2"}, {"participant.no_photo", no_photo},
                             {"participant.country", "X"}, {"certificate.number", "N"}};  // the layout's header prints these
        Diagnostics diags;
        auto frames = compiler.build_record(*prepared, options, diags);
        ASSERT_TRUE(frames) << rendered(diags, run.sources).front();
        images.emplace_back();
        for (const auto& item : frames->pages.at(0).items)
            if (const auto* i = std::get_if<frame::ImageItem>(&item)) images.back().push_back(i->image().get());
        kept.push_back(std::move(*frames));
    }
    ASSERT_EQ(images[0].size(), 1u);
    ASSERT_EQ(images[1].size(), 2u);
    EXPECT_EQ(images[2].size(), 0u);
    EXPECT_EQ(images[0][0], images[1][0]);  // the logo decoded once, shared by every record
    // Without a condition, an empty path is an error at the src.
    run.write("doc.xml", "<report layout=\"" + fixture() + "/layout.xml\"><info><title>T</title></info>\n"
                         "<image src=\"{workshop.logo}\" width=\"20mm\"/>\n</report>\n");
    auto again = compiler.prepare(options, run.diags);
    ASSERT_TRUE(again);
    options.variables = {{"workshop.logo", ""}, {"participant.country", "X"}, {"certificate.number", "N"}};
    Diagnostics diags;
    EXPECT_FALSE(compiler.build_record(*again, options, diags));
    auto m = rendered(diags, run.sources);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].starts_with(run.path("doc.xml") + ":2:8: error: expected an image file in src '{workshop.logo}', found an empty value; "
                                 "add if=\"…\" to leave the image out")) << m[0];
}

TEST(Merge, AListWithoutRecordsIsAnError) {
    MergeRun run(kHeader);
    EXPECT_FALSE(run.make().success);
    auto m = run.messages();
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].starts_with(run.path("run.xml") + ":3:10: error: expected records in '" + run.path("participants.csv") + "', found none")) << m[0];
}

TEST(Merge, TheRunFilesLogoIsAnImageBesideTheSource) {
    MergeRun run(std::string(kHeader) + "1,A,A,A,X,O,e,\n2,B,B,B,X,O,e,\n3,C,C,C,X,O,e,\n");
    run.write("logo.png", test::make_png({}));
    run.write("doc.xml", "<report layout=\"" + fixture() + "/layout.xml\"><info><title>T</title></info>\n"
                         "<image src=\"{workshop.logo}\" width=\"20mm\" if=\"workshop.logo\"/>\n<p><var name=\"participant.name\"/></p>\n</report>\n");
    run.write("run.xml", "<certificates source=\"doc.xml\"><workshop logo=\"logo.png\"/><records src=\"participants.csv\"/>"
                         "<number pattern=\"N-{participant.id}\"/></certificates>\n");
    ASSERT_TRUE(run.make().success) << run.messages().front();
    const std::string pdf = read(run.path("all.pdf"));
    // One image for the three pages of the combined PDF (issue 11 item 7).
    size_t images = 0;
    for (size_t at = pdf.find("/Subtype /Image"); at != std::string::npos; at = pdf.find("/Subtype /Image", at + 1)) ++images;
    EXPECT_EQ(images, 1u);
    EXPECT_NE(pdf.find("/Count 3"), std::string::npos);
}
