// The resolved document kept as bytes during layout (doc/encoded_blocks.h; issue 16: memory that
// does not grow with the body): every pass decodes each top-level block as it reaches it, from
// memory or from the temporary file, so a pass that does not settle needs no reading again. The
// PDF is the same wherever the bytes are kept and for any -j, the files are read once, and a
// block that cannot be read back fails the build and leaves the old output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "driver/compiler.h"
#include "zip_writer.h"

using namespace reportc;

namespace {

// Real files, each read counted; once read, a file answers other bytes (as if edited on the disk
// meanwhile), so that a second read shows in the output.
class EditedAfterReading : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path, FileUse use) const override {
        if (++reads[normalize_path(path)] > 1 && editing && !path.ends_with("layout.xml")) {
            if (path.ends_with(".xml")) return std::string("<report layout=\"layout.xml\"><p>edited</p></report>\n");
            if (path.ends_with(".xlsx")) return std::string("not a spreadsheet");
        }
        return m_real.read_file(path, use);
    }
    bool file_exists(const std::string& path) const override { return m_real.file_exists(path); }
    int64_t now() const override { return 0; }
    mutable std::map<std::string, int> reads;
    bool editing = true;

private:
    RealEnvironment m_real;
};

std::string root() { return REPORTC_SOURCE_ROOT; }

// Ten pages of prose, then a paragraph of 60 page references to a section on page 10: printed
// "?" by the first pass, "10" by the second, whose longer lines push the section to page 11, so
// that the second pass (the first to stream) does not settle and a third lays out again.
struct Project {
    std::string dir;
    Project() {
        dir = (std::filesystem::temp_directory_path() / ("reportc-encoded-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const std::string fonts = root() + "/fonts/liberation/";
        write("layout.xml",
              "<layout>\n<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
                  "LiberationSans-Bold.ttf\"/>\n<hyphenation dictionary=\"" REPORTC_HYPHEN_DICTIONARY "\"/>\n"
                  "<page-master name=\"body\" size=\"A4\"/>\n"
                  "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"12pt\"/>\n"
                  "<paragraph-style name=\"heading-1\" based-on=\"body\" font-weight=\"bold\"/>\n"
                  "<paragraph-style name=\"table-cell\" based-on=\"body\"/>\n<table-style name=\"table\"/>\n"
                  "<setting name=\"abbreviation-register\" value=\"register\"/>\n"
                  "<table-template name=\"rows\"><column width=\"1fr\"/><column width=\"1fr\"/>"
                  "<record-row><cell><p><field name=\"name\"/></p></cell><cell><p><field name=\"value\"/></p></cell></record-row>"
                  "</table-template>\n</layout>\n");
        std::string sentence = "Filler text of the report that fills the page line after line.";
        std::string filler = "<p>" + sentence;
        for (int i = 1; i < 6; ++i) filler += " " + sentence;
        filler += "</p>\n";
        std::ostringstream report;
        report << "<report layout=\"layout.xml\"><info><title>T</title></info>\n<section id=\"a\" title=\"Alpha\">\n";
        for (int i = 0; i < 110; ++i) report << filler;
        report << "<p>See ";
        for (int i = 0; i < 60; ++i) report << (i ? ", " : "") << "<ref to=\"b\" show=\"page\"/>";
        report << ".</p>\n";
        for (int i = 0; i < 31; ++i) report << "<p>Line.</p>\n";
        report << "</section>\n<include href=\"b.xml\"/>\n</report>\n";
        write("report.xml", report.str());
        write("b.xml", "<section id=\"b\" title=\"Beta\"><p>Target <abbr>XYZ</abbr>.</p>\n"
                       "<table id=\"csv\" template=\"rows\" data=\"rows.csv\"/>\n<table id=\"xlsx\" template=\"rows\" data=\"rows.xlsx#Rows\"/>\n"
                       "<table id=\"register\"><row><cell>ABC</cell><cell>A B C</cell></row></table></section>\n");
        write("rows.csv", "name,value\none,1\ntwo,2\n");
        write("rows.xlsx", reportc::testing::xlsx_of("Rows", {{"name", "value"}, {"three", "3"}}));
    }
    ~Project() { std::filesystem::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir + "/" + name) << text; }
    std::string path(const std::string& name) const { return dir + "/" + name; }
    std::string read(const std::string& name) const {
        std::ifstream in(path(name), std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

struct Built {
    driver::Outcome outcome;
    std::string pdf;
    std::vector<std::string> messages;
};

Built build(driver::Compiler& compiler, const SourceManager& sources, const Project& p, unsigned jobs, bool keep_frames,
            std::optional<size_t> document_bytes = std::nullopt, ByteStore* store = nullptr,
            std::optional<uint32_t> kept_below_nodes = 0, std::optional<size_t> sources_bytes = std::nullopt) {
    driver::Options o;
    o.sources_bytes = sources_bytes;
    o.document_bytes = document_bytes;
    o.document_kept_below_nodes = kept_below_nodes;  // 0: encoded, however small (what these tests are about)
    o.document_store = store;
    o.input = p.path("report.xml");
    o.output = p.path("out.pdf");
    o.jobs = jobs;
    o.check_register = true;  // the register's check: warnings of the reading's resolve
    if (keep_frames) o.trace_output = p.path("out.trace");  // not streamed: the document is kept
    Diagnostics diags;
    Built b;
    b.outcome = compiler.build(o, diags);
    for (const auto& d : diags.all()) b.messages.push_back(sources.render(d));
    b.pdf = p.read("out.pdf");
    return b;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace


TEST(driver_EncodedDocument, StreamedPassThatDoesNotSettleGivesTheSamePdfFromTheFile) {
    Project p;
    for (unsigned jobs : {1u, 2u}) {
        EditedAfterReading env;
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        compiler.keep_sources(false);
        const Built streamed = build(compiler, sources, p, jobs, false, 0);  // every block in the file
        ASSERT_TRUE(streamed.outcome.success) << joined(streamed.messages);
        EXPECT_TRUE(streamed.outcome.streamed);
        EXPECT_EQ(streamed.outcome.layout_passes, 3);
        EXPECT_EQ(streamed.outcome.document_bytes_in_memory, 0u);
        EXPECT_GT(streamed.outcome.document_bytes_stored, 1000u);
        // With more than one thread each page's content is deflated on a thread of its own.
        EXPECT_EQ(streamed.outcome.pages_deflated_apart, jobs > 1 ? streamed.outcome.pages : 0u);
        EXPECT_GT(streamed.outcome.pages, 0u);
        // Each file read once: the passes after the first decode the blocks, they read nothing.
        EXPECT_EQ(env.reads[normalize_path(p.path("report.xml"))], 1);
        EXPECT_EQ(env.reads[normalize_path(p.path("b.xml"))], 1);
        EXPECT_EQ(env.reads[normalize_path(p.path("rows.csv"))], 1);
        EXPECT_EQ(env.reads[normalize_path(p.path("rows.xlsx"))], 1);
        // One message per cause.
        ASSERT_EQ(streamed.messages.size(), 2u) << joined(streamed.messages);
        EXPECT_NE(streamed.messages[0].find("abbreviation 'XYZ' is marked with <abbr>"), std::string::npos) << streamed.messages[0];
        EXPECT_NE(streamed.messages[1].find("abbreviation 'ABC' is defined in the register"), std::string::npos) << streamed.messages[1];

        EditedAfterReading kept_env;
        SourceManager kept_sources;
        driver::Compiler kept_compiler(kept_env, kept_sources);
        const Built kept = build(kept_compiler, kept_sources, p, jobs, true);  // in memory, frames kept
        ASSERT_TRUE(kept.outcome.success) << joined(kept.messages);
        EXPECT_FALSE(kept.outcome.streamed);
        EXPECT_EQ(kept.outcome.layout_passes, 3);
        EXPECT_GT(kept.outcome.document_bytes_in_memory, 1000u);
        EXPECT_EQ(kept.outcome.document_bytes_stored, 0u);
        EXPECT_EQ(kept.messages, streamed.messages);
        ASSERT_GT(streamed.pdf.size(), 1000u);
        EXPECT_TRUE(streamed.pdf == kept.pdf) << "-j " << jobs << ": the PDF of the document decoded from the file differs";
    }
}

TEST(driver_EncodedDocument, TheSourceTextsWaitInTheFileDuringLayoutAndQuoteTheSameLinesAfter) {
    // During layout the deflated source texts beyond a budget wait in the build's temporary file
    // (SourceManager::store_in); they are back in memory when the build is done, so that the
    // diagnostics printed after it (here one of layout's, in the report's second block, and the
    // register's) quote their lines as with every text in memory. The PDF is the same.
    Project p;
    std::string report = p.read("report.xml");
    report.insert(report.find("</section>"), "<p>x " + std::string(200, 'w') + " y</p>\n");
    p.write("report.xml", report);
    ASSERT_GT(report.size(), 40u * 1024);  // two blocks: the warning's line is in the second
    for (unsigned jobs : {1u, 2u}) {
        std::vector<Built> builds;
        for (std::optional<size_t> budget : {std::optional<size_t>(0), std::optional<size_t>()}) {
            EditedAfterReading env;
            env.editing = false;
            SourceManager sources;
            driver::Compiler compiler(env, sources);
            compiler.keep_sources(false);
            builds.push_back(build(compiler, sources, p, jobs, false, std::nullopt, nullptr, 0, budget));
            ASSERT_TRUE(builds.back().outcome.success) << joined(builds.back().messages);
            for (uint32_t id = 1; id <= sources.size(); ++id) EXPECT_FALSE(sources.file(id)->stored()) << id;
        }
        EXPECT_GE(builds[0].outcome.sources_stored, 1u);
        EXPECT_EQ(builds[1].outcome.sources_stored, 0u);  // a small report's texts stay within the budget
        ASSERT_EQ(builds[0].messages.size(), 3u) << joined(builds[0].messages);
        EXPECT_NE(builds[0].messages[2].find("warning: a line of this paragraph is wider than"), std::string::npos) << builds[0].messages[2];
        EXPECT_NE(builds[0].messages[2].find("\n  <p>x www"), std::string::npos) << builds[0].messages[2];
        EXPECT_EQ(builds[0].messages, builds[1].messages);
        EXPECT_TRUE(builds[0].pdf == builds[1].pdf) << "-j " << jobs;
    }
}

TEST(driver_EncodedDocument, ADocumentBelowTheThresholdIsKeptAsReadTheSameBytes) {
    // Below kDocumentKeptBelowNodes (this one is, by default) the blocks are laid out as read,
    // not encoded; a threshold at 0 encodes them, one at the most nodes keeps them. The same
    // PDF and messages either side, with -j 1 and -j 2.
    Project p;
    std::string first_pdf;
    std::vector<std::string> first_messages;
    for (unsigned jobs : {1u, 2u}) {
        for (std::optional<uint32_t> below : {std::optional<uint32_t>(0), std::optional<uint32_t>(UINT32_MAX),
                                              std::optional<uint32_t>()}) {
            EditedAfterReading env;
            env.editing = false;
            SourceManager sources;
            driver::Compiler compiler(env, sources);
            const Built b = build(compiler, sources, p, jobs, false, std::nullopt, nullptr, below);
            ASSERT_TRUE(b.outcome.success) << joined(b.messages);
            const bool kept = below != std::optional<uint32_t>(0);
            EXPECT_EQ(b.outcome.document_kept, kept) << jobs;
            if (kept) {
                EXPECT_EQ(b.outcome.document_bytes_in_memory + b.outcome.document_bytes_stored, 0u);
            } else {
                EXPECT_GT(b.outcome.document_bytes_in_memory, 1000u);
            }
            if (first_pdf.empty()) {
                first_pdf = b.pdf;
                first_messages = b.messages;
            } else {
                EXPECT_TRUE(b.pdf == first_pdf) << "-j " << jobs << (kept ? ", kept" : ", encoded");
                EXPECT_EQ(b.messages, first_messages);
            }
        }
    }
    ASSERT_GT(first_pdf.size(), 1000u);
}

TEST(driver_EncodedDocument, ResidentCompilerKeepsTheReportAsReadForItsNextBuild) {
    // Watch mode: the document cache keeps its own copy of the report as read; a build that
    // encoded its blocks leaves it whole for the next build.
    Project p;
    EditedAfterReading env;
    env.editing = false;  // the next build reads every file again, unchanged
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    const Built first = build(compiler, sources, p, 1, false, 0);
    const Built second = build(compiler, sources, p, 1, false, 0);
    ASSERT_TRUE(first.outcome.success) << joined(first.messages);
    ASSERT_TRUE(second.outcome.success) << joined(second.messages);
    EXPECT_EQ(compiler.counts().sources_reused, 1u);
    EXPECT_EQ(second.outcome.layout_passes, 3);
    EXPECT_EQ(second.outcome.document_bytes_stored, first.outcome.document_bytes_stored);
    EXPECT_EQ(second.messages, first.messages);
    EXPECT_TRUE(second.pdf == first.pdf);
}

// A store that keeps what it is given and gives it back `good_reads` times, then no more (the
// temporary file truncated under the build).
class ForgetfulStore final : public ByteStore {
public:
    explicit ForgetfulStore(size_t good_reads) : m_good_reads(good_reads) {}
    std::optional<Place> append(std::string_view bytes) override {
        const Place place{m_bytes.size(), uint32_t(bytes.size())};
        m_bytes.append(bytes);
        return place;
    }
    bool read(Place place, std::string& out) override {
        if (m_good_reads == 0) return false;
        --m_good_reads;
        out.assign(m_bytes, size_t(place.offset), place.size);
        return true;
    }

private:
    std::string m_bytes;
    size_t m_good_reads;
};

TEST(driver_EncodedDocument, ABlockThatCannotBeReadBackFailsTheBuildAndLeavesTheOldOutput) {
    // Read back when resolving (the references of a part once every target is known: here both
    // parts, the register being checked) or when a layout pass decodes it: either way one error,
    // no warning that a half-resolved document would give, and the old output stays.
    Project p;
    struct Case {
        size_t good_reads;
        std::string error;
    };
    for (const Case& c : {Case{0, "error: resolving could not read back top-level block 1 of the document from its temporary file"},
                          Case{1, "error: resolving could not read back top-level block 2 of the document from its temporary file"},
                          Case{2, "error: layout pass 1 could not read back top-level block 1 of the document from its temporary file"}}) {
        p.write("out.pdf", "old");
        RealEnvironment env;
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        ForgetfulStore store(c.good_reads);
        const Built b = build(compiler, sources, p, 1, false, 0, &store);
        EXPECT_FALSE(b.outcome.success);
        ASSERT_EQ(b.messages.size(), c.good_reads < 2 ? 1u : 3u) << joined(b.messages);
        EXPECT_NE(b.messages.back().find(c.error), std::string::npos) << b.messages.back();
        EXPECT_EQ(b.pdf, "old");
    }
}

TEST(driver_EncodedDocument, ThreadsSettingAheadDecodeTheirOwnBlocksTheSameBytesForAnyJobs) {
    // Enough numbered nodes for runs set ahead on other threads (driver/ahead.h, kNodesPerRun),
    // each decoding its blocks from the file while the caller decodes its own.
    Project p;
    std::ostringstream report;
    report << "<report layout=\"layout.xml\"><info><title>T</title></info>\n";
    for (int s = 0; s < 12; ++s) {
        report << "<section id=\"s" << s << "\" title=\"Part " << s << "\">\n";
        for (int i = 0; i < 250; ++i) report << "<p>Paragraph " << i << " of part " << s << ", see <ref to=\"s" << (s + 1) % 12 << "\" show=\"page\"/>.</p>\n";
        report << "</section>\n";
    }
    report << "</report>\n";
    p.write("report.xml", report.str());
    std::string first;
    for (unsigned jobs : {1u, 2u, 8u}) {
        EditedAfterReading env;  // the same time for every build
        env.editing = false;
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        const Built b = build(compiler, sources, p, jobs, false, 0);
        ASSERT_TRUE(b.outcome.success) << joined(b.messages);
        EXPECT_GT(b.outcome.document_bytes_stored, 50000u);
        if (jobs == 1) first = b.pdf;
        else EXPECT_TRUE(b.pdf == first) << "-j " << jobs;
    }
    ASSERT_GT(first.size(), 10000u);
}
