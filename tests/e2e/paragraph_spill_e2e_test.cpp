// End to end: the paragraph cache within its budget (issue 16). A build whose cache writes every
// entry to its temporary file (a budget of no bytes) reuses the paragraphs as one that keeps them
// in memory, with one thread or two, gives the same PDF bytes, and leaves no file behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "../bench/workload.h"
#include "run.h"

using namespace reportc::e2e;

namespace {

struct Built {
    std::string pdf, err;
};

Built build(const std::string& report, const std::string& pdf, const std::string& extra) {
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(report) + " -o " + quote(pdf) + extra +
                 " --stats --allow-read " + quote(source_root()));
    EXPECT_EQ(r.status, 0) << r.err;
    return {read_file(pdf), r.out + r.err};
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(ParagraphSpillE2E, EveryParagraphWrittenOutGivesTheSamePdf) {
    const std::string dir = scratch_dir("paragraph-spill-" + std::to_string(::getpid()));
    const std::string report = reportc::bench::write_workload(dir + "/source", reportc::bench::chapters_for(100));
    const std::string out = dir + "/out";
    std::filesystem::create_directories(out);
    const Built kept = build(report, out + "/kept.pdf", " -j 1");
    ASSERT_GT(kept.pdf.size(), 1000u);
    for (const std::string jobs : {" -j 1", " -j 2"}) {
        SCOPED_TRACE(jobs);
        const Built spilled = build(report, out + "/spilled.pdf", jobs + " --paragraph-cache-bytes 0");
        EXPECT_TRUE(spilled.pdf == kept.pdf) << "the PDF built with every paragraph written out differs";
        // The second pass reuses what the first set, read back from the file.
        const auto reused = kept.err.find("paragraphs reused from an earlier pass or build: ");
        ASSERT_NE(reused, std::string::npos) << kept.err;
        const std::string line = kept.err.substr(reused, kept.err.find('\n', reused) - reused);
        EXPECT_NE(spilled.err.find(line), std::string::npos) << spilled.err;
    }
    EXPECT_EQ(names_in(out), (std::vector<std::string>{"kept.pdf", "spilled.pdf"}));
}

// The pages' deflated content kept in a temporary file until the save (--page-content-bytes 0:
// every page's), with the pages drawn on the main thread or their own: the same PDF, every page
// counted as stored, and no file left behind.
TEST(PageContentE2E, KeptInATemporaryFileGivesTheSamePdf) {
    const std::string dir = scratch_dir("page-content-" + std::to_string(::getpid()));
    const std::string report = reportc::bench::write_workload(dir + "/source", reportc::bench::chapters_for(100));
    const std::string out = dir + "/out";
    std::filesystem::create_directories(out);
    const Built held = build(report, out + "/held.pdf", " -j 1");
    ASSERT_GT(held.pdf.size(), 1000u);
    EXPECT_EQ(held.err.find("pages whose content waited"), std::string::npos) << held.err;  // within the memory budget
    const auto pages = held.err.find("pages: ");
    ASSERT_NE(pages, std::string::npos);
    const std::string count = held.err.substr(pages + 7, held.err.find('\n', pages) - pages - 7);
    for (const std::string jobs : {" -j 1", " -j 2"}) {
        SCOPED_TRACE(jobs);
        const Built stored = build(report, out + "/stored.pdf", jobs + " --page-content-bytes 0");
        EXPECT_TRUE(stored.pdf == held.pdf) << "the PDF built with the pages' content in a file differs";
        EXPECT_NE(stored.err.find("pages whose content waited in a temporary file: " + count + "\n"), std::string::npos) << stored.err;
    }
    EXPECT_EQ(names_in(out), (std::vector<std::string>{"held.pdf", "stored.pdf"}));
}
