// The resident compiler: what a second build in the same process reuses, what a relayout pass
// reuses, and the files a build reports as its inputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include "driver/compiler.h"

using namespace reportc;

namespace {

// Reads real files and counts how often each path is read.
class CountingEnvironment : public Environment {
public:
    std::optional<std::string> read_file(const std::string& path, FileUse use) const override {
        ++reads[normalize_path(path)];
        return m_real.read_file(path, use);
    }
    bool file_exists(const std::string& path) const override { return m_real.file_exists(path); }
    int64_t now() const override { return 0; }
    mutable std::map<std::string, int> reads;

private:
    RealEnvironment m_real;
};

std::string root() { return REPORTC_SOURCE_ROOT; }

// A report of its own in a scratch folder: a tiny layout, one include, a CSV table, a contents
// page (so that page numbers need a second layout pass).
struct Project {
    std::string dir;
    Project() {
        dir = (std::filesystem::temp_directory_path() / ("reportc-driver-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        write("layout.xml", layout_text(12));
        write("report.xml",
              "<report layout=\"layout.xml\"><info><title>T</title></info>\n<contents/>\n"
              "<section id=\"a\" title=\"Alpha\"><p>See <ref to=\"b\" show=\"page\"/> for the table.</p>\n"
              "<p>A second paragraph of body text that is long enough to be set on more than one line "
              "of the page, so that its setting is worth keeping between passes.</p></section>\n"
              "<include href=\"b.xml\"/>\n</report>\n");
        write("b.xml", "<section id=\"b\" title=\"Beta\"><table template=\"rows\" data=\"rows.csv\"/></section>\n");
        write("rows.csv", "name,value\none,1\ntwo,2\n");
    }
    ~Project() { std::filesystem::remove_all(dir); }
    static std::string layout_text(int body_size) {
        const std::string fonts = root() + "/fonts/liberation/";
        return "<layout>\n"
               "<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
               "LiberationSans-Bold.ttf\"/>\n"
               "<hyphenation dictionary=\"" REPORTC_HYPHEN_DICTIONARY "\"/>\n"
               "<page-master name=\"body\" size=\"A4\"/>\n"
               "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"" + std::to_string(body_size) + "pt\"/>\n"
               "<paragraph-style name=\"heading-1\" based-on=\"body\" font-weight=\"bold\"/>\n"
               "<paragraph-style name=\"toc-1\" based-on=\"body\"/>\n"
               "<paragraph-style name=\"table-cell\" based-on=\"body\"/>\n"
               "<table-style name=\"table\"/>\n"
               "<table-template name=\"rows\"><column width=\"1fr\"/><column width=\"1fr\"/>"
               "<record-row><cell><p><field name=\"name\"/></p></cell><cell><p><field name=\"value\"/></p></cell></record-row>"
               "</table-template>\n"
               "</layout>\n";
    }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir + "/" + name) << text; }
    std::string path(const std::string& name) const { return dir + "/" + name; }
};

driver::Options check_of(const Project& p) {
    driver::Options o;
    o.input = p.path("report.xml");
    return o;
}

std::string all(const Diagnostics& diags, const SourceManager& sources) {
    std::string out;
    for (const auto& d : diags.all()) out += sources.render(d) + "\n";
    return out;
}

// A build of `p`'s report that is to succeed (its diagnostics shown when it does not).
driver::Outcome expect_built(driver::Compiler& compiler, const Project& p, const SourceManager& sources) {
    Diagnostics diags;
    auto outcome = compiler.build(check_of(p), diags);
    EXPECT_TRUE(outcome.success) << all(diags, sources);
    return outcome;
}

}  // namespace

TEST(driver_Compiler, SecondBuildReadsNoFontOrDictionaryAgain) {
    // Two builds with one compiler: the layout is parsed once; fonts and dictionary are read once.
    Project p;
    CountingEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    for (int i = 0; i < 2; ++i) {
        Diagnostics diags;
        auto outcome = compiler.build(check_of(p), diags);
        ASSERT_TRUE(outcome.success) << all(diags, sources);
    }
    auto counts = compiler.counts();
    EXPECT_EQ(counts.builds, 2u);
    EXPECT_EQ(counts.layouts_parsed, 1u);
    EXPECT_EQ(counts.layouts_reused, 1u);
    EXPECT_EQ(counts.dictionaries_loaded, 1u);
    EXPECT_EQ(env.reads[normalize_path(root() + "/fonts/liberation/LiberationSans-Regular.ttf")], 1);
    EXPECT_EQ(env.reads[normalize_path(root() + "/fonts/liberation/LiberationSans-Bold.ttf")], 1);
    EXPECT_EQ(env.reads[normalize_path(REPORTC_HYPHEN_DICTIONARY)], 1);
    // The sources are read by every build: they are what changes. Unchanged, they keep their
    // place in the source manager (four files: report, include, data, layout).
    EXPECT_EQ(env.reads[normalize_path(p.path("report.xml"))], 2);
    EXPECT_EQ(sources.size(), 4u);
}

TEST(driver_Compiler, EditedLayoutIsParsedAgain) {
    // A layout whose text changed between builds is not reused.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    Diagnostics first, second;
    ASSERT_TRUE(compiler.build(check_of(p), first).success) << all(first, sources);
    p.write("layout.xml", Project::layout_text(11));
    ASSERT_TRUE(compiler.build(check_of(p), second).success) << all(second, sources);
    EXPECT_EQ(compiler.counts().layouts_parsed, 2u);
    EXPECT_EQ(compiler.counts().layouts_reused, 0u);
}

TEST(driver_Compiler, SecondLayoutPassReusesUnchangedParagraphs) {
    // The contents need a second pass; of the paragraphs it sets, only those whose text changed
    // (the page reference, the contents' page numbers) are set again.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    Diagnostics diags;
    auto outcome = compiler.build(check_of(p), diags);
    ASSERT_TRUE(outcome.success) << all(diags, sources);
    EXPECT_EQ(outcome.layout_passes, 2);
    // Eight paragraphs a pass: the headings Alpha and Beta, two body paragraphs, four table
    // cells (the contents' entries are set apart). The second pass sets again only the one that
    // prints a page number; a table cell is set once though it is measured first.
    auto counts = compiler.counts();
    EXPECT_EQ(counts.paragraphs_set, 8u + 1u);
    EXPECT_EQ(counts.paragraphs_reused, 7u);
}

TEST(driver_Compiler, InputsListEveryFileTheBuildRead) {
    // Sources, includes, data, layout, fonts and dictionary: what watch mode must watch. A warm
    // build lists the resident files too, though it did not read them again.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    std::vector<std::string> expected{normalize_path(p.path("b.xml")),
                                      normalize_path(p.path("layout.xml")),
                                      normalize_path(p.path("report.xml")),
                                      normalize_path(p.path("rows.csv")),
                                      normalize_path(root() + "/fonts/liberation/LiberationSans-Bold.ttf"),
                                      normalize_path(root() + "/fonts/liberation/LiberationSans-Regular.ttf"),
                                      normalize_path(REPORTC_HYPHEN_DICTIONARY)};
    std::sort(expected.begin(), expected.end());
    for (int i = 0; i < 2; ++i) {
        Diagnostics diags;
        auto outcome = compiler.build(check_of(p), diags);
        ASSERT_TRUE(outcome.success) << all(diags, sources);
        EXPECT_EQ(outcome.inputs, expected) << "build " << i + 1;
    }
}

TEST(driver_Compiler, UnchangedSourcesAreNotParsedAgainAndAChangedIncludeIs) {
    // Watch mode's warm rebuild: while the report and its includes keep their bytes, a build takes
    // the report as read before (a changed data file alone does not matter: it is read later);
    // an edited include is read anew, and what it now says is what the build shows.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    expect_built(compiler, p, sources);
    p.write("rows.csv", "name,value\none,1\ntwo,2\nthree,3\n");
    expect_built(compiler, p, sources);
    EXPECT_EQ(compiler.counts().sources_reused, 1u);
    p.write("b.xml", "<blocks><section id=\"b\" title=\"Beta\"><table template=\"rows\" data=\"rows.csv\"/></section>\n"
                     "<section title=\"Gamma\"><p>New.</p></section></blocks>\n");
    frame::FrameDocument frames;
    driver::Options options = check_of(p);
    options.frames_out = &frames;
    Diagnostics diags;
    ASSERT_TRUE(compiler.build(options, diags).success) << all(diags, sources);
    EXPECT_EQ(compiler.counts().sources_reused, 1u);
    std::string text;
    for (const auto& page : frames.pages)
        for (const auto& item : page.items)
            if (const auto* t = std::get_if<frame::TextItem>(&item)) text += t->text + " ";
    EXPECT_NE(text.find("Gamma"), std::string::npos) << text;
    EXPECT_NE(text.find("three"), std::string::npos) << text;
}

// A warm rebuild after an edit reads each source once: the files the check for changes read (up
// to the edited one) are parsed from those bytes, not read a second time.
TEST(driver_Compiler, AnEditedReportIsParsedFromTheBytesTheCheckRead) {
    Project p;
    CountingEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    expect_built(compiler, p, sources);
    std::string report = *RealEnvironment().read_file(p.path("report.xml"));
    report.replace(report.find("A second paragraph"), 8, "A second, edited");
    p.write("report.xml", report);
    env.reads.clear();
    expect_built(compiler, p, sources);
    EXPECT_EQ(compiler.counts().sources_reused, 0u);
    EXPECT_EQ(env.reads[normalize_path(p.path("report.xml"))], 1);
    EXPECT_EQ(env.reads[normalize_path(p.path("b.xml"))], 1);
}

TEST(driver_Compiler, FiftyRebuildsOfEditedFilesKeepTheCountOfStoredFiles) {
    // Watch mode re-reads every edited file: its new bytes take the old entry's place, so the
    // source manager holds one version of each file however long the session lasts, and what a
    // diagnostic shows is the file as it reads now.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    for (int i = 0; i < 50; ++i) {
        p.write("rows.csv", "name,value\none," + std::to_string(i) + "\ntwo,2\n");
        p.write("b.xml", "<section id=\"b\" title=\"Beta " + std::to_string(i) +
                             "\"><table template=\"rows\" data=\"rows.csv\"/></section>\n");
        Diagnostics diags;
        ASSERT_TRUE(compiler.build(check_of(p), diags).success) << all(diags, sources);
        ASSERT_EQ(sources.size(), 4u) << "after build " << i + 1;
    }
    p.write("b.xml", "<section id=\"b\" title=\"Beta\"><table template=\"rows\" data=\"rows.csv\"/><bad/></section>\n");
    Diagnostics diags;
    EXPECT_FALSE(compiler.build(check_of(p), diags).success);
    EXPECT_EQ(sources.size(), 4u);
    const std::string shown = all(diags, sources);
    EXPECT_NE(shown.find(p.path("b.xml") + ":1:"), std::string::npos) << shown;
    EXPECT_NE(shown.find("<bad/>"), std::string::npos) << shown;
}

TEST(driver_Compiler, TheSourcesAreKeptCompressedOnceReadAndWholeAgainForTheNextBuild) {
    // Once a build has read and resolved the report, the source texts serve diagnostics only:
    // the source manager keeps them compressed through layout. A next build compares and reads
    // them whole again, and finds them unchanged. With -j 2 they are deflated on a thread of
    // their own (source/source_compactor.h): the same bytes held.
    Project p;
    std::string body;
    for (int i = 0; i < 400; ++i) body += "<p>Paragraph " + std::to_string(i) + " of the long included section, set in the body style.</p>\n";
    p.write("b.xml", "<section id=\"b\" title=\"Beta\">\n" + body + "</section>\n");
    RealEnvironment env;
    std::vector<size_t> held;
    for (unsigned jobs : {1u, 2u}) {
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        for (int i = 0; i < 2; ++i) {
            Diagnostics diags;
            driver::Options options = check_of(p);
            options.jobs = jobs;
            ASSERT_TRUE(compiler.build(options, diags).success) << all(diags, sources);
            EXPECT_LT(sources.held_bytes(), body.size() / 2) << "-j " << jobs;
            EXPECT_EQ(sources.size(), 3u);  // report, include, layout: the same files
        }
        held.push_back(sources.held_bytes());
    }
    EXPECT_EQ(held[0], held[1]);
}

TEST(driver_Compiler, AFailedBuildLeavesWhatItReadCompressedWithAnyJobs) {
    // A build that stops while reading (the long report is not well-formed at its end) has what
    // it read compacted as one that succeeds: the thread deflating it is waited for, not left
    // with work.
    Project p;
    std::string body;
    for (int i = 0; i < 400; ++i) body += "<p>Paragraph " + std::to_string(i) + " of the long included section.</p>\n";
    p.write("report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n<section id=\"b\" title=\"Beta\">\n" +
                              body + "<p>Not closed</section>\n</report>\n");
    RealEnvironment env;
    for (unsigned jobs : {1u, 2u}) {
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        Diagnostics diags;
        driver::Options options = check_of(p);
        options.jobs = jobs;
        EXPECT_FALSE(compiler.build(options, diags).success);
        EXPECT_LT(sources.held_bytes(), body.size() / 2) << "-j " << jobs;
    }
}

TEST(driver_Compiler, TheOutcomeNamesEachPhaseInOrderWithItsTime) {
    // A check (no output): read, resources, resolve, then each layout pass; a second build of
    // the same compiler starts its clock again.
    Project p;
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    for (int build = 0; build < 2; ++build) {
        Diagnostics diags;
        auto outcome = compiler.build(check_of(p), diags);
        ASSERT_TRUE(outcome.success) << all(diags, sources);
        std::vector<std::string> names;
        for (const auto& phase : outcome.phases) {
            names.push_back(phase.name);
            EXPECT_GE(phase.micros, 0) << phase;
        }
        EXPECT_EQ(names, (std::vector<std::string>{"read", "resources", "resolve", "layout prepared", "layout pass 1", "layout pass 2", "written"}));
    }
}

TEST(driver_Compiler, DictionaryIsParsedOnAThreadOfItsOwnOnlyWithJobs) {
    // -j 2 parses the dictionary while the build goes on; -j 1, the single-threaded build, does
    // not start a thread. Either way the build hyphenates with it (the same settings: the same
    // paragraphs set and reused).
    Project p;
    RealEnvironment env;
    std::vector<driver::Counts> counts;
    for (unsigned jobs : {1u, 2u}) {
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        driver::Options o = check_of(p);
        o.jobs = jobs;
        Diagnostics diags;
        ASSERT_TRUE(compiler.build(o, diags).success) << all(diags, sources);
        counts.push_back(compiler.counts());
    }
    EXPECT_EQ(counts[0].dictionaries_loaded, 1u);
    EXPECT_EQ(counts[0].dictionaries_on_thread, 0u);
    EXPECT_EQ(counts[1].dictionaries_loaded, 1u);
    EXPECT_EQ(counts[1].dictionaries_on_thread, 1u);
    EXPECT_EQ(counts[0].paragraphs_set, counts[1].paragraphs_set);
}

TEST(driver_Compiler, ARefusedDictionaryIsReportedOnceWhereItWasWhateverTheThreads) {
    // The dictionary is read and checked before its parse goes to a thread: its error comes once,
    // after the fonts' and before the page master's and the report's (a dangling reference),
    // with -j 1 and -j 2 alike, and in a second build of the same compiler too.
    Project p;
    p.write("odd.dic", "UTF-8\nab1c\nab2c\n");
    std::string layout = Project::layout_text(12);
    layout.replace(layout.find(REPORTC_HYPHEN_DICTIONARY), std::string(REPORTC_HYPHEN_DICTIONARY).size(), p.path("odd.dic"));
    layout.replace(layout.find("LiberationSans-Bold.ttf"), 23, "NoSuchFont-Bold.ttf");
    layout.replace(layout.find("name=\"body\" size"), 11, "name=\"other\"");
    p.write("layout.xml", layout);
    p.write("report.xml", "<report layout=\"layout.xml\"><info><title>T</title></info>\n"
                          "<section id=\"a\" title=\"Alpha\"><p>See <ref to=\"nowhere\"/>.</p></section>\n</report>\n");
    RealEnvironment env;
    std::vector<std::vector<std::string>> runs;
    for (unsigned jobs : {1u, 2u}) {
        SourceManager sources;
        driver::Compiler compiler(env, sources);
        driver::Options o = check_of(p);
        o.jobs = jobs;
        for (int build = 0; build < 2; ++build) {
            Diagnostics diags;
            EXPECT_FALSE(compiler.build(o, diags).success);
            std::vector<std::string> messages;
            for (const auto& d : diags.all()) messages.push_back(d.message);
            runs.push_back(messages);
        }
    }
    const auto& first = runs[0];
    for (const auto& run : runs) EXPECT_EQ(run, first);
    auto at = [&first](const std::string& part) {
        size_t found = first.size(), count = 0;
        for (size_t i = 0; i < first.size(); ++i)
            if (first[i].find(part) != std::string::npos) found = i, ++count;
        EXPECT_EQ(count, 1u) << part;
        return found;
    };
    const size_t font = at("NoSuchFont-Bold.ttf"), dictionary = at("line 3 repeats the pattern 'abc'"),
                 master = at("page master"), reference = at("nowhere");
    EXPECT_LT(font, dictionary);
    EXPECT_LT(dictionary, master);
    EXPECT_LT(master, reference);
}

TEST(driver_PhaseClock, DescribesThePhasesInOrderInMilliseconds) {
    EXPECT_EQ(driver::describe({{"read", 12345}, {"layout pass 1", 800}}), "read 12.3 ms, layout pass 1 0.8 ms");
    EXPECT_EQ(driver::describe({}), "");
    driver::PhaseClock clock;
    clock.lap("one");
    clock.lap("two");
    ASSERT_EQ(clock.phases().size(), 2u);
    EXPECT_EQ(clock.phases()[1].name, "two");
}
