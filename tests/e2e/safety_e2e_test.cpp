// End to end: what a build may read (the project root, docs/cli.md) and how it writes its
// outputs (never over an input, never through a planted symlink, no temporary file left).
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "image_files.h"
#include "run.h"

using namespace reportc::e2e;
namespace fs = std::filesystem;

namespace {

const char* kSecret = "TOPSECRET-7f3a";  // never printed by reportc

// A project under a scratch folder: project/report.xml with `body`, using the repository's
// layout and fonts through --allow-read; secret/ beside the project holds a readable include.
struct Project {
    std::string base, root, report, secret;
    explicit Project(const std::string& name, const std::string& body) {
        base = scratch_dir(name);
        root = base + "/project";
        report = root + "/report.xml";
        secret = base + "/secret/notes.xml";
        write_file(secret, std::string("<p>") + kSecret + "</p>\n");
        write_file(report, "<report layout=\"" + source_root() + "/layouts/annual-report.xml\">\n"
                           "  <info><title>Test</title></info>\n" + body + "</report>\n");
    }
    // The command with --root and the layout's folders allowed.
    std::string command(const std::string& verb, const std::string& extra = "") const {
        return reportc_exe() + " " + verb + " " + quote(report) + " --root " + quote(root) + " --allow-read " +
               quote(source_root() + "/layouts") + " --allow-read " + quote(source_root() + "/fonts") + extra;
    }
};

std::string refusal(const std::string& written, const std::string& root) {
    return "error: cannot read file '" + written + "': outside the project root '" + root +
           "' (--root DIR or --allow-read PATH admit it)";
}

mode_t mode_of(const std::string& path) {
    struct stat st {};
    ::lstat(path.c_str(), &st);
    return st.st_mode;
}

}  // namespace

TEST(RootE2E, IncludeThroughDotDotIsRefusedWithoutShowingTheFile) {
    Project p("root-dotdot", "  <include href=\"../secret/notes.xml\"/>\n");
    for (const char* verb : {"check", "build"}) {
        auto r = run(std::string(verb) == "build" ? p.command(verb, " -o " + quote(p.base + "/out.pdf")) : p.command(verb));
        EXPECT_EQ(r.status, 1) << verb;
        EXPECT_NE(r.err.find(p.report + ":3:12: " + refusal(p.base + "/secret/notes.xml", p.root)), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
    }
    EXPECT_FALSE(fs::exists(p.base + "/out.pdf"));
}

TEST(RootE2E, AbsoluteIncludeIsRefused) {
    Project p("root-absolute", "");
    write_file(p.report, "<report layout=\"" + source_root() + "/layouts/annual-report.xml\">\n"
                         "  <info><title>Test</title></info>\n  <include href=\"" + p.secret + "\"/>\n</report>\n");
    auto r = run(p.command("check"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(refusal(p.secret, p.root)), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
}

TEST(RootE2E, SymlinkLeadingOutsideIsRefused) {
    // A symlink inside the root to a file outside: judged by where the file really is.
    Project p("root-symlink", "  <include href=\"notes.xml\"/>\n");
    fs::create_symlink(p.secret, p.root + "/notes.xml");
    auto r = run(p.command("check"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(refusal(p.root + "/notes.xml", p.root)), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
}

TEST(RootE2E, AllowReadAdmitsAFolderOutsideTheRoot) {
    Project p("root-allowed", "  <include href=\"../secret/notes.xml\"/>\n");
    auto r = run(p.command("build", " -o " + quote(p.base + "/out.pdf") + " --allow-read " + quote(p.base + "/secret")));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(p.base + "/out.pdf"));
}

TEST(RootE2E, LayoutOutsideTheRootIsRefused) {
    // Without --allow-read for the layouts folder, the layout itself is outside.
    Project p("root-layout", "  <p>fine</p>\n");
    auto r = run(reportc_exe() + " check " + quote(p.report) + " --root " + quote(p.root));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(refusal(source_root() + "/layouts/annual-report.xml", p.root)), std::string::npos) << r.err;
}

TEST(RootE2E, DefaultRootIsTheReportsFolderWithoutAMarker) {
    // /tmp holds no .reportc-root: the root is the report's folder, so ../ leads outside.
    const std::string base = (fs::temp_directory_path() / ("reportc-root-" + std::to_string(::getpid()))).string();
    fs::remove_all(base);
    write_file(base + "/secret.xml", std::string("<p>") + kSecret + "</p>\n");
    write_file(base + "/project/report.xml", "<report layout=\"layout.xml\">\n  <info><title>T</title></info>\n"
                                             "  <include href=\"../secret.xml\"/>\n</report>\n");
    auto r = run(reportc_exe() + " check " + quote(base + "/project/report.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(refusal(base + "/secret.xml", base + "/project")), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
    // A marker file above makes its folder the root: the include is read (and the missing
    // layout is what fails).
    write_file(base + "/.reportc-root", "");
    r = run(reportc_exe() + " check " + quote(base + "/project/report.xml"));
    EXPECT_EQ(r.err.find("outside the project root"), std::string::npos) << r.err;
    fs::remove_all(base);
}

TEST(RootE2E, MissingRootIsAUsageError) {
    Project p("root-missing", "");
    auto r = run(reportc_exe() + " check " + quote(p.report) + " --root " + quote(p.base + "/nowhere"));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("reportc: error: expected an existing folder after --root, found '" + p.base + "/nowhere'"), std::string::npos) << r.err;
}

TEST(OutputE2E, OutputEqualToAnInputIsRefusedAndTheInputKept) {
    Project p("out-input", "  <p>fine</p>\n");
    const std::string before = read_file(p.report);
    auto r = run(p.command("build", " -o " + quote(p.report)));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: cannot write '" + p.report + "': the build reads that file"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(p.report), before);
    // The trace too, and by another name of the same file (a hard link to the report).
    fs::create_hard_link(p.report, p.root + "/again.xml");
    r = run(p.command("build", " -o " + quote(p.base + "/out.pdf") + " --trace " + quote(p.root + "/again.xml")));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: cannot write '" + p.root + "/again.xml': the build reads that file"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(p.report), before);
}

TEST(OutputE2E, TraceEqualToTheOutputIsAUsageErrorAndNothingIsWritten) {
    // Before, the trace was written, then the PDF replaced it: exit 0 and no trace.
    Project p("out-trace", "  <p>fine</p>\n");
    const std::string pdf = p.base + "/out.pdf";
    write_file(pdf, "old");
    auto r = run(p.command("build", " -o " + quote(pdf) + " --trace " + quote(p.base + "/./out.pdf")));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--trace '" + p.base + "/./out.pdf' names the PDF output too; expected a file other than the PDF's"),
              std::string::npos) << r.err;
    EXPECT_EQ(read_file(pdf), "old");
}

TEST(OutputE2E, SymlinkAtTheOutputIsRefused) {
    Project p("out-symlink", "  <p>fine</p>\n");
    write_file(p.base + "/victim.txt", "keep me");
    fs::create_symlink(p.base + "/victim.txt", p.base + "/out.pdf");
    auto r = run(p.command("build", " -o " + quote(p.base + "/out.pdf")));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: cannot write '" + p.base + "/out.pdf': it is a symbolic link; expected a regular file or no file"),
              std::string::npos) << r.err;
    EXPECT_EQ(read_file(p.base + "/victim.txt"), "keep me");
}

TEST(OutputE2E, SymlinkPlantedAtTheOldTemporaryNameIsNotFollowed) {
    // The temporary name was OUT.tmp<pid>: `exec` keeps the shell's pid, so the planted link is
    // where the old code wrote. Now the name is random and made with O_EXCL|O_NOFOLLOW.
    Project p("out-planted", "  <p>fine</p>\n");
    write_file(p.base + "/victim.txt", "keep me");
    const std::string out = p.base + "/out.pdf";
    auto r = run("ln -s " + quote(p.base + "/victim.txt") + " " + quote(out) + ".tmp$$ && exec " + p.command("build", " -o " + quote(out)));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_file(p.base + "/victim.txt"), "keep me");
    EXPECT_TRUE(S_ISREG(mode_of(out)));
    EXPECT_EQ(read_file(out).rfind("%PDF-", 0), 0u);
}

TEST(OutputE2E, DeviceAndFifoOutputsAreRefused) {
    Project p("out-device", "  <p>fine</p>\n");
    auto r = run(p.command("build", " -o /dev/null"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: cannot write '/dev/null': not a regular file (a device); expected a regular file or no file"),
              std::string::npos) << r.err;
    EXPECT_TRUE(S_ISCHR(mode_of("/dev/null")));
    const std::string fifo = p.base + "/out.pdf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    r = run(p.command("build", " -o " + quote(fifo)));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: cannot write '" + fifo + "': not a regular file (a FIFO)"), std::string::npos) << r.err;
    EXPECT_TRUE(S_ISFIFO(mode_of(fifo)));
}

TEST(OutputE2E, ReplacedOutputKeepsItsPermissions) {
    Project p("out-mode", "  <p>fine</p>\n");
    const std::string out = p.base + "/out.pdf";
    ASSERT_EQ(run(p.command("build", " -o " + quote(out))).status, 0);
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    auto r = run(p.command("build", " -o " + quote(out)));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(mode_of(out) & 07777, 0640u);
    for (const auto& entry : fs::directory_iterator(p.base))  // no temporary file left
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

namespace {

// Starts `argv` and sends SIGINT as soon as a file whose name holds ".tmp" appears in `dir`
// (inotify); returns the child's wait status, and in `caught` whether the signal went while
// a temporary file existed.
int interrupt_while_writing(const std::vector<std::string>& argv, const std::string& dir, bool& caught) {
    int watch = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    ::inotify_add_watch(watch, dir.c_str(), IN_CREATE);
    pid_t child = ::fork();
    if (child == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::freopen("/dev/null", "w", stderr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    caught = false;
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        pollfd p{watch, POLLIN, 0};
        if (::poll(&p, 1, 5) <= 0) continue;
        alignas(inotify_event) char buffer[4096];
        ssize_t n = ::read(watch, buffer, sizeof buffer);
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
            if (e->len && std::string(e->name).find(".tmp") != std::string::npos && !caught) {
                ::kill(child, SIGINT);
                caught = true;
            }
            at += ssize_t(sizeof(inotify_event) + e->len);
        }
    }
    ::close(watch);
    return status;
}

}  // namespace

TEST(OutputE2E, InterruptedWriteLeavesNoTemporaryFile) {
    // Large images make a PDF of tens of MB, long enough to write that SIGINT lands while the
    // temporary file exists; the handler removes it and the process ends by the signal.
    std::string body;
    std::vector<std::pair<std::string, std::string>> images;
    for (uint32_t i = 0; i < 4; ++i) {
        const std::string name = "big" + std::to_string(i) + ".png";
        images.push_back({name, reportc::test::make_png({reportc::test::PngKind::Rgb16, 2000 + i, 2000})});
        body += "<image src=\"" + name + "\" width=\"100mm\"/>\n";
    }
    Project p("out-sigint", body);
    for (const auto& [name, bytes] : images) write_file(p.root + "/" + name, bytes);
    const std::string out_dir = p.base + "/out";
    fs::create_directories(out_dir);
    std::string exe = REPORTC_EXE;
    bool caught = false;
    int status = 0;
    for (int attempt = 0; attempt < 3 && !caught; ++attempt)
        status = interrupt_while_writing({exe, "build", p.report, "--root", p.root, "--allow-read", source_root() + "/layouts",
                                          "--allow-read", source_root() + "/fonts", "-o", out_dir + "/out.pdf"},
                                         out_dir, caught);
    ASSERT_TRUE(caught) << "the build ended before its temporary file was seen";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << status;
    for (const auto& entry : fs::directory_iterator(out_dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

namespace {

// The project's own copy of the repository's layout, with `from` replaced by `to`, its fonts
// named where they are (the command allows their folder).
void write_layout(const Project& p, const std::string& from, const std::string& to) {
    std::string layout = read_file(source_root() + "/layouts/annual-report.xml");
    for (size_t at; (at = layout.find("\"../fonts/")) != std::string::npos;) layout.replace(at + 1, 2, source_root());
    const size_t at = layout.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    write_file(p.root + "/layout.xml", layout.replace(at, from.size(), to));
    std::string report = read_file(p.report);
    report.replace(report.find("layout=\"") + 8, report.find('"', report.find("layout=\"") + 8) - report.find("layout=\"") - 8, "layout.xml");
    write_file(p.report, report);
}

// What a command printed, without the line saying what was written.
std::string diagnostics(const Run& r) {
    std::string out;
    for (size_t start = 0; start < r.err.size();) {
        size_t end = std::min(r.err.find('\n', start), r.err.size());
        if (r.err.compare(start, 6, "wrote ") != 0) out.append(r.err, start, end - start + 1);
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST(CheckE2E, CheckReportsEveryLimitBuildWouldReport) {
    // Font sizes above 600pt, words of 64 KB and pages over 14,400pt passed check, then failed
    // build with no location (issue 15). Each case: the same located errors from both, exit 1.
    std::string records = "term,expansion\n";
    for (int i = 0; i < 100001; ++i) records += "T,x\n";
    struct Case {
        std::string name, body, layout_from, layout_to, expected;
    };
    const std::vector<Case> cases = {
        {"font-size", "<p>x</p>\n", "font-size=\"20pt\"", "font-size=\"700pt\"",
         "layout.xml:127:53: error: expected a font size of at most 600pt for font-size, found '700pt'"},
        {"page-size", "<p>x</p>\n", "name=\"body\" size=\"A4\"", "name=\"body\" size=\"20000pt 20000pt\"",
         "layout.xml:83:28: error: expected A4, A5, A3, letter, or 'WIDTH HEIGHT' such as '210mm 297mm' for size, found '20000pt 20000pt'"},
        {"word", "<p>a " + std::string(70000, 'x') + " b</p>\n", "", "",
         "report.xml:3:4: error: expected words of at most 32767 bytes, found one of 70000"},
        {"cell", "<table><row><cell>" + std::string(70000, 'x') + "</cell></row></table>\n", "", "",
         "report.xml:3:19: error: expected words of at most 32767 bytes, found one of 70000"},
        {"records", "<table template=\"abbreviations\" data=\"big.csv\"/>\n", "", "",
         "big.csv:100002:1: error: expected at most 100000 records in a CSV file, found more"},
        {"length", "<table><column width=\"1e308pt\"/><row><cell>x</cell></row></table>\n", "", "",
         "report.xml:3:16: error: expected a column width such as 30mm, 2fr or auto, found '1e308pt'"},
    };
    for (const Case& c : cases) {
        Project p("check-" + c.name, c.body);
        if (!c.layout_from.empty()) write_layout(p, c.layout_from, c.layout_to);
        write_file(p.root + "/big.csv", records);
        const auto checked = run(p.command("check"));
        const auto built = run(p.command("build", " -o " + quote(p.base + "/out.pdf")));
        EXPECT_EQ(checked.status, 1) << c.name << checked.err;
        EXPECT_EQ(built.status, 1) << c.name << built.err;
        EXPECT_EQ(diagnostics(checked), diagnostics(built)) << c.name;
        EXPECT_NE(checked.err.find(p.root + "/" + c.expected), std::string::npos) << c.name << "\n" << checked.err.substr(0, 2000);
        EXPECT_FALSE(fs::exists(p.base + "/out.pdf")) << c.name;
    }
}
