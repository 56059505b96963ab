// A resident compiler keeps the paragraphs it set for its next build (issue 16: the relayout
// reusing what did not change, in watch mode across builds): the next build sets only what
// changed, gives the same PDF as a new process would, and reports what a kept paragraph found
// where the paragraph is now.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <optional>
#include <vector>

#include "driver/compiler.h"

using namespace reportc;

namespace {

class FixedTime : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path, FileUse use) const override { return m_real.read_file(path, use); }
    bool file_exists(const std::string& path) const override { return m_real.file_exists(path); }
    int64_t now() const override { return 0; }

private:
    RealEnvironment m_real;
};

// A scratch project: a tiny layout, a report whose body is in the main file, with a contents
// page (two layout passes).
struct Project {
    std::string dir;
    Project() {
        dir = (std::filesystem::temp_directory_path() / ("reportc-kept-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        write("layout.xml", layout_text(12));
    }
    ~Project() { std::filesystem::remove_all(dir); }
    static std::string layout_text(int body_size) {
        const std::string fonts = REPORTC_SOURCE_ROOT "/fonts/liberation/";
        return "<layout>\n<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
               "LiberationSans-Bold.ttf\"/>\n<hyphenation dictionary=\"" REPORTC_HYPHEN_DICTIONARY "\"/>\n"
               "<page-master name=\"body\" size=\"A5\"/>\n"
               "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"" + std::to_string(body_size) + "pt\"/>\n"
               "<paragraph-style name=\"heading-1\" based-on=\"body\" font-weight=\"bold\"/>\n"
               "<paragraph-style name=\"toc-1\" based-on=\"body\"/>\n</layout>\n";
    }
    // `first`: the first paragraph's text; `extra`: a paragraph put after it.
    void report(const std::string& first, const std::string& extra = "") const {
        std::string body;
        for (int i = 0; i < 12; ++i)
            body += "<p>Paragraph " + std::to_string(i) + " of the body, long enough to be set on more than one line of an A5 "
                    "page, so that its lines are worth keeping from one build to the next.</p>\n";
        write("report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n<contents/>\n"
                            "<section id=\"a\" title=\"Alpha\"><p>" + first + "</p>\n" + extra + body +
                            "</section>\n<section id=\"b\" title=\"Beta\">" + body + "</section>\n</report>\n");
    }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir + "/" + name) << text; }
    std::string path(const std::string& name) const { return dir + "/" + name; }
};

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string all(const Diagnostics& diags, const SourceManager& sources) {
    std::string out;
    for (const auto& d : diags.all()) out += sources.render(d) + "\n";
    return out;
}

struct Built {
    driver::Outcome outcome;
    std::string pdf, diagnostics;
};

// `budget`: the paragraph cache's bytes in memory (driver::Options::paragraph_cache_bytes).
Built build(driver::Compiler& compiler, const SourceManager& sources, const Project& p, const std::string& pdf, unsigned jobs = 1,
            std::optional<size_t> budget = std::nullopt) {
    driver::Options o;
    o.input = p.path("report.xml");
    o.output = p.path(pdf);
    o.jobs = jobs;
    o.paragraph_cache_bytes = budget;
    Diagnostics diags;
    Built b;
    b.outcome = compiler.build(o, diags);
    b.diagnostics = all(diags, sources);
    b.pdf = bytes_of(o.output);
    return b;
}

// What a new process gives for the same files: a compiler of its own that keeps nothing.
Built fresh(const Project& p, const std::string& pdf, unsigned jobs = 1, std::optional<size_t> budget = std::nullopt) {
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    compiler.keep_sources(false);
    return build(compiler, sources, p, pdf, jobs, budget);
}

// The project built by one compiler, then again after a word was added to its first paragraph
// (with -j `jobs` and the paragraph cache's `budget`), and what a new process builds from the
// edited files.
struct Rebuilt {
    Built first, second, expected;
};

Rebuilt edit_and_rebuild(unsigned jobs, std::optional<size_t> budget = std::nullopt) {
    Project p;
    p.report("Opening words.");
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    Rebuilt r;
    r.first = build(compiler, sources, p, "first.pdf", jobs, budget);
    p.report("Opening words, revised.");
    r.second = build(compiler, sources, p, "second.pdf", jobs, budget);
    r.expected = fresh(p, "expected.pdf", jobs, budget);
    return r;
}

}  // namespace

TEST(driver_KeptParagraphs, TheNextBuildSetsOnlyTheEditedParagraphAndGivesTheSamePdf) {
    // A word added to the first paragraph moves every later paragraph of the file: they are the
    // same paragraphs and are not set again; the PDF is the one a new process writes.
    for (unsigned jobs : {1u, 2u}) {
        const auto [first, second, expected] = edit_and_rebuild(jobs);
        ASSERT_TRUE(first.outcome.success) << first.diagnostics;
        EXPECT_EQ(first.outcome.layout_passes, 2);
        ASSERT_TRUE(second.outcome.success) << second.diagnostics;
        ASSERT_TRUE(expected.outcome.success) << expected.diagnostics;
        EXPECT_FALSE(second.pdf.empty());
        EXPECT_EQ(second.pdf, expected.pdf) << "-j " << jobs;
        // The edited paragraph, set in the first pass; the contents' entries are set apart.
        EXPECT_EQ(second.outcome.paragraphs_set, 1u) << "-j " << jobs;
        EXPECT_GT(second.outcome.paragraphs_reused, 2 * 26u) << "-j " << jobs;
        EXPECT_GE(expected.outcome.paragraphs_set, 26u);
    }
}

TEST(driver_KeptParagraphs, ParagraphsSetAheadAreKeptForTheNextBuildToo) {
    // Long enough for -j 2 to set the second half ahead on another thread, and for that run's
    // cache to pass the 1 MiB a one-shot build keeps of it in memory (driver::kAheadCacheBytes):
    // a resident compiler's run keeps its share, so the next build finds every paragraph.
    Project p;
    auto report = [&p](const std::string& first) {
        std::string body;
        for (int i = 0; i < 1200; ++i)
            body += "<p>Paragraph " + std::to_string(i) + " of the body, long enough to be set on more than one line of an A5 "
                    "page, so that its lines are worth keeping from one build to the next.</p>\n";
        p.write("report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n<contents/>\n"
                              "<section id=\"a\" title=\"Alpha\"><p>" + first + "</p>\n" + body + "</section>\n"
                              "<section id=\"b\" title=\"Beta\">" + body + "</section>\n</report>\n");
    };
    report("Opening words.");
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    const Built first = build(compiler, sources, p, "first.pdf", 2);
    ASSERT_TRUE(first.outcome.success) << first.diagnostics;
    EXPECT_GE(first.outcome.paragraphs_set, 2400u);
    report("Opening words, revised.");
    const Built second = build(compiler, sources, p, "second.pdf", 2);
    ASSERT_TRUE(second.outcome.success) << second.diagnostics;
    EXPECT_EQ(second.outcome.paragraphs_set, 1u);
    EXPECT_GT(second.outcome.paragraphs_reused, 2400u);
}

TEST(driver_KeptParagraphs, ParagraphsBeyondTheBudgetAreKeptInTheirFileForTheNextBuild) {
    // A budget of one byte: every paragraph set goes to the cache's file as soon as it is set.
    // The file is kept with the cache, so the next build finds every paragraph there, not only
    // those left in memory (before, it set all but those again), and writes a new process's PDF.
    for (unsigned jobs : {1u, 2u}) {
        const auto [first, second, expected] = edit_and_rebuild(jobs, 1);
        ASSERT_TRUE(first.outcome.success) << first.diagnostics;
        EXPECT_GT(first.outcome.kept_paragraph_file_bytes, 0u) << "-j " << jobs;
        ASSERT_TRUE(second.outcome.success) << second.diagnostics;
        ASSERT_TRUE(expected.outcome.success) << expected.diagnostics;
        EXPECT_EQ(second.pdf, expected.pdf) << "-j " << jobs;
        EXPECT_EQ(second.outcome.paragraphs_set, 1u) << "-j " << jobs;
        EXPECT_GT(second.outcome.paragraphs_reused, 2 * 26u) << "-j " << jobs;
    }
}

TEST(driver_KeptParagraphs, TheKeptFileIsLetGoOnceMostOfItIsDead) {
    // Every paragraph changed by every build (a word of the same length swapped): each build
    // writes the whole cache again and the old bytes are dead. The file is let go once its dead
    // bytes pass its live ones, so it never holds much more than two builds' worth; kept whole,
    // it would grow by one build's worth each time. The builds write a new process's PDF.
    Project p;
    auto report = [&p](const std::string& word) {
        std::string body;
        for (int i = 0; i < 30; ++i)
            body += "<p>Paragraph " + std::to_string(i) + " of the " + word + " body, long enough to be set on more than one "
                    "line of an A5 page.</p>\n";
        p.write("report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n<contents/>\n"
                              "<section id=\"a\" title=\"Alpha\">" + body + "</section>\n</report>\n");
    };
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    std::vector<uint64_t> file_bytes;
    bool let_go = false;
    for (int i = 0; i < 8; ++i) {
        report(i % 2 ? "first" : "other");
        const Built b = build(compiler, sources, p, "out.pdf", 1, 1);
        ASSERT_TRUE(b.outcome.success) << b.diagnostics;
        EXPECT_GE(b.outcome.paragraphs_set, 30u) << "build " << i;
        file_bytes.push_back(b.outcome.kept_paragraph_file_bytes);
        let_go = let_go || b.outcome.kept_paragraph_file_bytes == 0;
        if (i == 7) {
            EXPECT_EQ(b.pdf, fresh(p, "expected.pdf", 1, 1).pdf);
        }
    }
    ASSERT_GT(file_bytes.front(), 0u);
    EXPECT_TRUE(let_go);
    for (size_t i = 0; i < file_bytes.size(); ++i) EXPECT_LE(file_bytes[i], 3 * file_bytes.front()) << "after build " << i;
}

TEST(driver_KeptParagraphs, WhatAKeptParagraphFoundIsReportedWhereItIsNow) {
    // A paragraph with a character no font has, moved down two lines by an edit above it (the
    // paragraph before it grew): the error the kept setting carries points at its new line, as
    // a new process's does.
    Project p;
    const std::string bad = "<p>A character no font has: \xe4\xb8\x80.</p>\n";
    p.report("Opening words.", bad);
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    const Built first = build(compiler, sources, p, "first.pdf");
    ASSERT_NE(first.diagnostics.find("no font has the character"), std::string::npos) << first.diagnostics;
    p.report("Opening words,\nand more of them\non lines of their own.", bad);
    const Built second = build(compiler, sources, p, "second.pdf");
    const Built expected = fresh(p, "expected.pdf");
    EXPECT_NE(first.diagnostics, expected.diagnostics);  // it moved
    EXPECT_EQ(second.diagnostics, expected.diagnostics);
    EXPECT_EQ(second.outcome.paragraphs_set, 1u);  // the paragraph edited; the one moved is kept
}

TEST(driver_KeptParagraphs, AnEditedLayoutStartsAfresh) {
    // Paragraphs set with another layout's fonts and styles are not reused: the build after the
    // layout changed sets everything, as a new process does, and writes the same PDF.
    Project p;
    p.report("Opening words.");
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    ASSERT_TRUE(build(compiler, sources, p, "first.pdf").outcome.success);
    p.write("layout.xml", Project::layout_text(11));
    const Built second = build(compiler, sources, p, "second.pdf");
    const Built expected = fresh(p, "expected.pdf");
    ASSERT_TRUE(second.outcome.success) << second.diagnostics;
    EXPECT_EQ(second.pdf, expected.pdf);
    EXPECT_EQ(second.outcome.paragraphs_set, expected.outcome.paragraphs_set);
    EXPECT_EQ(second.outcome.paragraphs_reused, expected.outcome.paragraphs_reused);
}

TEST(driver_KeptParagraphs, ACompilerThatKeepsNothingSetsEverythingAgain) {
    Project p;
    p.report("Opening words.");
    FixedTime env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    compiler.keep_sources(false);
    const Built first = build(compiler, sources, p, "first.pdf");
    const Built second = build(compiler, sources, p, "second.pdf");
    ASSERT_TRUE(second.outcome.success) << second.diagnostics;
    EXPECT_EQ(second.outcome.paragraphs_set, first.outcome.paragraphs_set);
    EXPECT_EQ(second.pdf, first.pdf);
}
