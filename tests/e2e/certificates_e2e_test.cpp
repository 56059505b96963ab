// End to end: `reportc certificates` on the driver tests' merge fixture (tests/driver/merge):
// the combined PDF's page N carries record N's name, the per-record PDFs and the manifest, the
// same bytes for 1, 2 and 8 threads, no progress line when stderr is not a terminal, usage
// errors, and --skip-bad.
#include <gtest/gtest.h>

#include <filesystem>

#include "run.h"

using namespace reportc::e2e;

namespace {

constexpr const char* kNames[] = {"Nguyễn Thị Minh Khai", "Siti Nur'aini binti Abdullah", "Jean-Pierre O'Brien"};

// A run file in `dir` over the fixture's source, layout and participants.
std::string write_run(const std::string& dir, const std::string& participants) {
    const std::string fixture = source_root() + "/tests/driver/merge";
    std::string run = read_file(fixture + "/run.xml");
    const std::string as_written = "source=\"certificate.xml\" layout=\"layout.xml\"";
    run.replace(run.find(as_written), as_written.size(), "source=\"" + fixture + "/certificate.xml\" layout=\"" + fixture + "/layout.xml\"");
    write_file(dir + "/run.xml", run);
    write_file(dir + "/participants.csv", participants);
    return dir + "/run.xml";
}

std::string certificates(const std::string& run_file, const std::string& options) {
    return "SOURCE_DATE_EPOCH=0 " + reportc_exe() + " certificates " + quote(run_file) + " " + options;
}

}  // namespace

TEST(CertificatesE2E, CombinedPageNCarriesRecordNsName) {
    const std::string dir = scratch_dir("certificates-pages");
    const std::string run_file = write_run(dir, read_file(source_root() + "/tests/driver/merge/participants.csv"));
    auto r = run(certificates(run_file, "--combined " + quote(dir + "/all.pdf") + " -o " + quote(dir + "/pdf")));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find('\r'), std::string::npos) << "a progress line on a pipe";
    EXPECT_NE(r.err.find("wrote 3 records"), std::string::npos) << r.err;
    for (int page = 1; page <= 3; ++page) {
        auto text = run("pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(dir + "/all.pdf") + " -").out;
        for (int other = 1; other <= 3; ++other)
            EXPECT_EQ(text.find(kNames[other - 1]) != std::string::npos, other == page) << "page " << page << ":\n" << text;
    }
    EXPECT_TRUE(std::filesystem::exists(dir + "/pdf/ROCB-2020-PCA-0001-Nguyễn.pdf"));
    EXPECT_TRUE(std::filesystem::exists(dir + "/pdf/ROCB-2020-PCA-0003-O'Brien.pdf"));
    auto one = run("pdftotext -q " + quote(dir + "/pdf/ROCB-2020-PCA-0002-Abdullah.pdf") + " -").out;
    EXPECT_NE(one.find(kNames[1]), std::string::npos) << one;
    EXPECT_EQ(read_file(dir + "/pdf/manifest.csv").substr(0, 28), "id,name,number,file,sha256\r\n");
}

TEST(CertificatesE2E, TheSameBytesForOneTwoAndEightThreads) {
    std::string csv = "id,name,given_name,family_name,country,organisation,email,distinction\n";
    for (int i = 1; i <= 20; ++i) csv += std::to_string(i) + ",Person " + std::to_string(i) + ",P,F" + std::to_string(i) + ",X,O,e," + (i % 2 ? "yes" : "") + "\n";
    std::vector<std::string> combined, manifests;
    for (const char* threads : {"1", "2", "8"}) {
        const std::string dir = scratch_dir(std::string("certificates-threads-") + threads);
        auto r = run(certificates(write_run(dir, csv), "-j " + std::string(threads) + " --combined " + quote(dir + "/all.pdf") + " -o " + quote(dir + "/pdf")));
        ASSERT_EQ(r.status, 0) << r.err;
        combined.push_back(read_file(dir + "/all.pdf"));
        manifests.push_back(read_file(dir + "/pdf/manifest.csv"));  // every file's SHA-256
    }
    EXPECT_EQ(combined[0], combined[1]);
    EXPECT_EQ(combined[0], combined[2]);
    EXPECT_EQ(manifests[0], manifests[1]);
    EXPECT_EQ(manifests[0], manifests[2]);
}

// A record's PDF from a run of three is the PDF a run of that record alone writes, byte for
// byte: what the writer keeps from one document to the next (each font's glyph lookups and
// deflated streams) changes nothing; its text and fonts are the same, and qpdf finds nothing
// wrong in any output.
TEST(CertificatesE2E, ASeparatePdfIsTheBytesOfItsOneRecordRun) {
    const std::string fixture = read_file(source_root() + "/tests/driver/merge/participants.csv");
    const std::string header = fixture.substr(0, fixture.find('\n') + 1);
    const size_t second = fixture.find("\n2,") + 1;
    const std::string row = fixture.substr(second, fixture.find('\n', second) + 1 - second);
    const std::string all = scratch_dir("certificates-one-of-three"), alone = scratch_dir("certificates-one-alone");
    ASSERT_EQ(run(certificates(write_run(all, fixture), "--combined " + quote(all + "/all.pdf") + " -o " + quote(all + "/pdf"))).status, 0);
    ASSERT_EQ(run(certificates(write_run(alone, header + row), "-o " + quote(alone + "/pdf"))).status, 0);
    const std::string name = "/pdf/ROCB-2020-PCA-0002-Abdullah.pdf";
    EXPECT_EQ(read_file(all + name), read_file(alone + name));
    EXPECT_EQ(run("pdffonts " + quote(all + name)).out, run("pdffonts " + quote(alone + name)).out);
    EXPECT_EQ(run("pdftotext -q " + quote(all + name) + " -").out, run("pdftotext -q " + quote(alone + name) + " -").out);
    for (const std::string& pdf : {all + "/all.pdf", all + "/pdf/ROCB-2020-PCA-0001-Nguyễn.pdf", all + name,
                                  all + "/pdf/ROCB-2020-PCA-0003-O'Brien.pdf", alone + name}) {
        auto check = run("qpdf --check " + quote(pdf));
        EXPECT_EQ(check.status, 0) << pdf << "\n" << check.out << check.err;
    }
}

TEST(CertificatesE2E, BadRowsStopTheRunUnlessSkipped) {
    const std::string dir = scratch_dir("certificates-bad");
    const std::string run_file = write_run(dir, "id,name,given_name,family_name,country,organisation,email,distinction\r\n"
                                                "1,A,A,Alpha,X,O,e,\r\n2,,B,Beta,X,O,e,\r\n");
    auto r = run(certificates(run_file, "--combined " + quote(dir + "/all.pdf") + " --quiet"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(dir + "/participants.csv:3:3: error: expected a value in column 'name', found an empty field"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("reportc: 1 of 2 records are bad; nothing written (--skip-bad writes the others)"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/all.pdf"));
    r = run(certificates(run_file, "--combined " + quote(dir + "/all.pdf") + " --skip-bad"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("wrote 1 record (1 bad left out)"), std::string::npos) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir + "/all.pdf"));
}

TEST(CertificatesE2E, UsageErrors) {
    auto r = run(reportc_exe() + " certificates");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("reportc: error: expected a run file after 'certificates'"), std::string::npos) << r.err;
    r = run(reportc_exe() + " certificates run.xml -j 0");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("reportc: error: expected a number of threads from 1 to 256 after -j, found '0'"), std::string::npos) << r.err;
    r = run(reportc_exe() + " certificates run.xml --colour");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("reportc: error: unknown option '--colour' of 'certificates'"), std::string::npos) << r.err;
    EXPECT_NE(run(reportc_exe() + " --help").out.find("reportc certificates RUN.xml [--combined FILE.pdf] [-o DIR]"), std::string::npos);
}

// `reportc certificates --help` prints the usage and succeeds, as `reportc build --help` does.
TEST(CertificatesE2E, HelpPrintsTheUsage) {
    for (const char* help : {" certificates --help", " certificates run.xml -h"}) {
        auto r = run(reportc_exe() + help);
        EXPECT_EQ(r.status, 0) << help << ": " << r.err;
        EXPECT_NE(r.out.find("reportc certificates RUN.xml [--combined FILE.pdf] [-o DIR]"), std::string::npos) << r.out;
        EXPECT_EQ(r.err, "");
    }
}

TEST(CertificatesE2E, AProgressLineOnATerminalOnly) {
    // script(1) (util-linux) runs the command on a pseudo-terminal: the progress line is drawn and
    // erased there; --quiet turns it off.
    if (run("command -v script").status != 0) GTEST_SKIP() << "script(1) is not installed";
    const std::string dir = scratch_dir("certificates-progress");
    const std::string command = certificates(write_run(dir, read_file(source_root() + "/tests/driver/merge/participants.csv")),
                                             "--combined " + quote(dir + "/all.pdf"));
    auto shown = run("script -qec " + quote(command) + " /dev/null");
    ASSERT_EQ(shown.status, 0) << shown.out;
    EXPECT_NE(shown.out.find("\r\033[Kbuilding 3/3"), std::string::npos) << shown.out;
    auto quiet = run("script -qec " + quote(command + " --quiet") + " /dev/null");
    EXPECT_EQ(quiet.out.find("building"), std::string::npos) << quiet.out;
}

TEST(CertificatesE2E, TheShippedWorkshopRunWritesEveryOutputAndItsQrCodesReadBack) {
    // The example of the README: sources/workshop-certificates/run.xml, its 12 sample participants.
    // Every certificate's QR code, rendered at 200 dpi and read by zbarimg, is its own
    // verification URL; page N carries participant N's name and certificate number.
    const std::string dir = scratch_dir("certificates-shipped");
    auto r = run("cd " + quote(source_root()) + " && " +
                 certificates("sources/workshop-certificates/run.xml",
                              "--combined " + quote(dir + "/all.pdf") + " -o " + quote(dir + "/each") + " --manifest " +
                                  quote(dir + "/manifest.csv")));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
    const std::string manifest = read_file(dir + "/manifest.csv");
    EXPECT_NE(manifest.find("1,Nguyễn Thị Minh Khai,ROCB-2020-PCA-0001,ROCB-2020-PCA-0001-Nguyễn.pdf,"), std::string::npos) << manifest;
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/each")) files += entry.path().extension() == ".pdf";
    EXPECT_EQ(files, 12u);
    for (int page : {1, 11}) {
        const std::string number = std::string("ROCB-2020-PCA-00").append(page < 10 ? "0" : "").append(std::to_string(page));
        const std::string png = dir + "/page-" + std::to_string(page);
        ASSERT_EQ(run("pdftoppm -png -r 200 -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                      quote(dir + "/all.pdf") + " " + quote(png)).status, 0);
        auto decoded = run("zbarimg -q --raw " + quote(png + ".png"));
        EXPECT_EQ(decoded.out, "https://www.rocb-ap.org/certificates/" + number + "\n") << decoded.err;
        auto text = run("pdftotext -q -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(dir + "/all.pdf") + " -").out;
        EXPECT_NE(text.find(number), std::string::npos) << text;
    }
}
