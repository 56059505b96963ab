// Command-line parsing: --set NAME=VALUE (the last one of a name wins; a malformed one or a
// built-in name is a usage error) and the `new` command's folder and --title.
#include <gtest/gtest.h>

#include "cli/arguments.h"
#include "cli/certificates_command.h"
#include "cli/data_command.h"
#include "cli/new_command.h"

using namespace reportc::cli;

namespace {
std::optional<Arguments> parse(const std::vector<std::string>& args, std::string& error) { return parse_arguments(args, error); }
}  // namespace

TEST(Arguments, SetGivesVariablesTheLastOneWins) {
    std::string error;
    auto a = parse({"build", "r.xml", "--set", "edition=2", "--set", "note=a=b", "--set", "edition=3", "--set", "empty="}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->variables, (std::map<std::string, std::string>{{"edition", "3"}, {"note", "a=b"}, {"empty", ""}}));
    auto c = parse({"check", "r.xml", "--set", "x=1"}, error);
    ASSERT_TRUE(c) << error;
    EXPECT_EQ(c->variables.at("x"), "1");
}

TEST(Arguments, MalformedSetIsAUsageError) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"edition", "expected NAME=VALUE after --set, found 'edition'"},
        {"=2", "expected a variable name (a letter, then letters, digits, '-' or '_') before '=' in --set, found ''"},
        {"2nd=x", "expected a variable name (a letter, then letters, digits, '-' or '_') before '=' in --set, found '2nd'"},
        {"page=3", "--set cannot change the built-in variable 'page'"},
    };
    for (const auto& [value, message] : cases) {
        std::string error;
        EXPECT_FALSE(parse({"build", "r.xml", "--set", value}, error));
        EXPECT_EQ(error, message);
    }
    std::string error;
    EXPECT_FALSE(parse({"build", "r.xml", "--set"}, error));
    EXPECT_EQ(error, "expected NAME=VALUE after --set");
}

TEST(Arguments, NewTakesAFolderAndATitle) {
    std::string error;
    auto a = parse({"new", "my-report", "--title", "Annual Report 2026"}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->command, Command::New);
    EXPECT_EQ(a->input, "my-report");
    EXPECT_EQ(a->title, "Annual Report 2026");
    EXPECT_FALSE(parse({"new"}, error));
    EXPECT_EQ(error, "expected a folder after 'new'");
    EXPECT_FALSE(parse({"new", "d", "--stats"}, error));
    EXPECT_EQ(error, "--stats is not an option of 'new'; expected --title");
    EXPECT_FALSE(parse({"build", "r.xml", "--title", "x"}, error));
    EXPECT_EQ(error, "--title is an option of 'new' only");
}

TEST(Starter, TheLayoutIsShortAndTheTitleIsEscaped) {
    const std::string layout = starter_layout();
    EXPECT_LT(std::count(layout.begin(), layout.end(), '\n'), 80);
    EXPECT_NE(starter_report("R&D <2026>").find("<title>R&amp;D &lt;2026&gt;</title>"), std::string::npos);
}

TEST(Arguments, PartAndChangesAreOptionsOfBuild) {
    std::string error;
    auto a = parse({"build", "r.xml", "--part", "annex-i", "--changes-since", "HEAD~1", "--changes-csv", "c.csv"}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->part, "annex-i");
    EXPECT_EQ(a->changes_since, "HEAD~1");
    EXPECT_EQ(a->changes_csv, "c.csv");
    EXPECT_FALSE(parse({"check", "r.xml", "--part", "annex-i"}, error));
    EXPECT_EQ(error, "--part is an option of 'build' only");
    EXPECT_FALSE(parse({"build", "r.xml", "--changes-csv", "c.csv"}, error));
    EXPECT_EQ(error, "--changes-csv needs --changes-since");
    EXPECT_FALSE(parse({"build", "r.xml", "--changes-since"}, error));
    EXPECT_EQ(error, "expected a folder or a git revision after --changes-since");
}

TEST(Arguments, WatchTakesTheBuildOptions) {
    std::string error;
    auto a = parse({"watch", "r.xml", "-o", "x.pdf", "--trace", "x.trace", "--werror", "--set", "n=1"}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->command, Command::Watch);
    EXPECT_EQ(a->output, "x.pdf");
    EXPECT_EQ(a->trace, "x.trace");
    EXPECT_TRUE(a->werror);
    auto d = parse({"watch", "sources/annual/report.xml"}, error);
    ASSERT_TRUE(d) << error;
    EXPECT_EQ(d->output, "out/annual.pdf");
    EXPECT_TRUE(d->default_output);
    EXPECT_FALSE(parse({"check", "r.xml", "-o", "x.pdf"}, error));
    EXPECT_EQ(error, "-o is an option of 'build' and 'watch' only");
}

TEST(Arguments, TraceNamingThePdfOutputIsAUsageError) {
    // The trace is written first: the PDF would replace it without a word.
    std::string error;
    EXPECT_FALSE(parse({"build", "r.xml", "-o", "out/r.pdf", "--trace", "out/r.pdf"}, error));
    EXPECT_EQ(error, "--trace 'out/r.pdf' names the PDF output too; expected a file other than the PDF's");
    EXPECT_FALSE(parse({"watch", "r.xml", "-o", "out/r.pdf", "--trace", "./out/../out/r.pdf"}, error));
    EXPECT_EQ(error, "--trace './out/../out/r.pdf' names the PDF output too; expected a file other than the PDF's");
    EXPECT_FALSE(parse({"build", "sources/annual/report.xml", "--trace", "out/annual.pdf"}, error));  // the default output
    EXPECT_EQ(error, "--trace 'out/annual.pdf' names the PDF output too; expected a file other than the PDF's");
    EXPECT_TRUE(parse({"build", "r.xml", "-o", "out/r.pdf", "--trace", "out/r.trace"}, error)) << error;
}

TEST(Arguments, DataExportAndImport) {
    std::string error;
    auto e = parse_data_arguments({"export", "plan.xml", "-o", "plan.xlsx", "--sheet", "Plan"}, error);
    ASSERT_TRUE(e) << error;
    EXPECT_TRUE(e->export_);
    EXPECT_EQ(e->input, "plan.xml");
    EXPECT_EQ(e->output, "plan.xlsx");
    EXPECT_EQ(e->sheet, "Plan");
    auto i = parse_data_arguments({"import", "plan.xlsx", "-o", "plan.xml"}, error);
    ASSERT_TRUE(i) << error;
    EXPECT_FALSE(i->export_);
    EXPECT_FALSE(parse_data_arguments({"import", "plan.xlsx"}, error));
    EXPECT_EQ(error, "expected -o FILE.xml after 'data import'");
    EXPECT_FALSE(parse_data_arguments({"import", "a.xlsx", "b.xlsx"}, error));
    EXPECT_EQ(error, "expected one data file, found a second one: 'b.xlsx'");
    EXPECT_FALSE(parse_data_arguments({"export", "a.xml", "--to", "x"}, error));
    EXPECT_EQ(error, "unknown option '--to' of 'data export'");
}

TEST(Arguments, JobsIsAnOptionOfBuildCheckAndWatch) {
    std::string error;
    for (const char* command : {"build", "check", "watch"}) {
        auto a = parse({command, "r.xml", "-j", "3"}, error);
        ASSERT_TRUE(a) << error;
        EXPECT_EQ(a->jobs, 3u);
    }
    auto d = parse({"build", "r.xml"}, error);
    ASSERT_TRUE(d) << error;
    EXPECT_EQ(d->jobs, 0u);  // the machine's cores
    EXPECT_GE(jobs_or_cores(0), 1u);
    EXPECT_EQ(jobs_or_cores(1), 1u);
    EXPECT_FALSE(parse({"build", "r.xml", "--jobs", "0"}, error));
    EXPECT_EQ(error, "expected a number of threads from 1 to 256 after --jobs, found '0'");
    EXPECT_FALSE(parse({"build", "r.xml", "-j"}, error));
    EXPECT_EQ(error, "expected a number of threads after -j");
}

TEST(Arguments, JobsMayBeAttachedToItsOption) {
    std::string error;
    auto a = parse({"build", "r.xml", "-j2"}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->jobs, 2u);
    auto b = parse({"check", "--jobs=5", "r.xml"}, error);
    ASSERT_TRUE(b) << error;
    EXPECT_EQ(b->jobs, 5u);
    EXPECT_FALSE(parse({"build", "r.xml", "-j0"}, error));
    EXPECT_EQ(error, "expected a number of threads from 1 to 256 after -j, found '0'");
    EXPECT_FALSE(parse({"build", "r.xml", "--jobs="}, error));
    EXPECT_EQ(error, "expected a number of threads from 1 to 256 after --jobs, found ''");
    EXPECT_FALSE(parse({"build", "r.xml", "-jx"}, error));
    EXPECT_EQ(error, "expected a number of threads from 1 to 256 after -j, found 'x'");
    auto c = parse_certificate_arguments({"run.xml", "-j3", "--combined", "all.pdf"}, error);
    ASSERT_TRUE(c) << error;
    EXPECT_EQ(c->threads, 3u);
}

TEST(Arguments, ParagraphCacheBytesIsAHiddenOptionOfBuild) {
    // For tests (docs/performance.md): the paragraph cache's budget in bytes, 0 writing out every entry.
    std::string error;
    auto a = parse({"build", "r.xml", "--paragraph-cache-bytes", "0"}, error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->paragraph_cache_bytes, 0u);
    EXPECT_FALSE(parse({"build", "r.xml"}, error)->paragraph_cache_bytes.has_value());
    EXPECT_FALSE(parse({"build", "r.xml", "--paragraph-cache-bytes", "16M"}, error));
    EXPECT_EQ(error, "expected a number of bytes after --paragraph-cache-bytes, found '16M'");
    EXPECT_FALSE(parse({"check", "r.xml", "--paragraph-cache-bytes", "1"}, error));
    EXPECT_EQ(error, "--paragraph-cache-bytes is an option of 'build' only");
}
