// End to end: the annual report (links, an outline, images, turned landscape pages, page labels)
// laid out by the driver, then written with its pages frozen as they are finished
// (pdf::PageFreezing, docs/libharu-notes.md §L26) and without: the same bytes.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "../image/image_files.h"
#include "driver/compiler.h"
#include "pdf/pdf_writer.h"
#include "source/environment.h"

using namespace reportc;

namespace {

struct StringSink : pdf::ByteSink {
    std::string bytes;
    bool write(std::string_view piece) override {
        bytes.append(piece);
        return true;
    }
};

template <typename T>
size_t items_of(const frame::FrameDocument& doc) {
    size_t n = 0;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) n += std::holds_alternative<T>(item);
    return n;
}

// The document at `report` laid out, written with and without freezing (the same bytes), and
// page by page as a streamed build writes it, every page frozen (the same again).
frame::FrameDocument laid_out_and_compared(const std::string& report) {
    RealEnvironment env;
    SourceManager sources;
    driver::Compiler compiler(env, sources);
    frame::FrameDocument frames;
    driver::Options options;
    options.input = report;
    options.frames_out = &frames;
    Diagnostics diags;
    EXPECT_TRUE(compiler.build(options, diags).success) << [&] {
        std::string all;
        for (const auto& d : diags.all()) all += sources.render(d) + "\n";
        return all;
    }();
    frames.info.creation_epoch = 0;

    StringSink frozen, unfrozen;
    Diagnostics write_diags;
    EXPECT_TRUE(pdf::write_pdf(frames, write_diags, frozen, nullptr, pdf::kContentInMemory, pdf::PageFreezing::On));
    EXPECT_TRUE(pdf::write_pdf(frames, write_diags, unfrozen, nullptr, pdf::kContentInMemory, pdf::PageFreezing::Off));
    EXPECT_GT(frozen.bytes.size(), 10000u);
    EXPECT_TRUE(frozen.bytes == unfrozen.bytes) << frozen.bytes.size() << " bytes against " << unfrozen.bytes.size();

    pdf::PageWriter writer(write_diags);
    for (const auto& page : frames.pages) writer.add(page, frames.fonts);
    EXPECT_EQ(writer.pages_frozen(), frames.pages.size());
    StringSink streamed;
    EXPECT_TRUE(writer.finish(frames, streamed));
    EXPECT_TRUE(streamed.bytes == unfrozen.bytes);
    EXPECT_FALSE(write_diags.has_errors());
    return frames;
}

}  // namespace

TEST(PageFreezeE2E, AnnualReportFrozenIsTheSamePdf) {
    const frame::FrameDocument frames = laid_out_and_compared(std::string(REPORTC_SOURCE_ROOT) + "/sources/rocb-ap-annual-report-2020-21/report.xml");
    // What the freeze has to keep working around: landscape pages turned onto portrait sheets,
    // links (made after every page is frozen), the outline's destinations, page labels.
    ASSERT_GT(frames.pages.size(), 40u);
    size_t turned = 0;
    for (const auto& page : frames.pages) turned += page.turned;
    EXPECT_GT(turned, 0u);
    EXPECT_GT(items_of<frame::LinkItem>(frames), 10u);
    EXPECT_FALSE(frames.outline.empty());
    EXPECT_FALSE(frames.page_labels.empty());
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// A document with raster images (the all-features document of tests/e2e/authoring/, copied with
// its three images made here): each page's /XObject resources are in the kept bytes.
TEST(PageFreezeE2E, DocumentWithImagesFrozenIsTheSamePdf) {
    const std::string root = REPORTC_SOURCE_ROOT;
    const std::string dir = (std::filesystem::temp_directory_path() / ("reportc-freeze-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string from = root + "/tests/e2e/authoring/";
    write_file(dir + "/report.xml", read_file(from + "report.xml"));
    write_file(dir + "/layout.xml", std::regex_replace(read_file(from + "layout.xml"), std::regex("\\.\\./\\.\\./\\.\\./fonts"), root + "/fonts"));
    test::PngOptions logo;
    logo.kind = test::PngKind::Rgba;
    logo.width = 60;
    logo.height = 30;
    write_file(dir + "/logo.png", test::make_png(logo));
    test::PngOptions corner;
    corner.kind = test::PngKind::Palette;
    corner.width = corner.height = 16;
    write_file(dir + "/corner.png", test::make_png(corner));
    test::JpegOptions photo;
    photo.width = 80;
    photo.height = 50;
    write_file(dir + "/chart.jpg", test::make_jpeg(photo));
    const frame::FrameDocument frames = laid_out_and_compared(dir + "/report.xml");
    std::filesystem::remove_all(dir);
    EXPECT_GT(items_of<frame::ImageItem>(frames), 2u);
}
