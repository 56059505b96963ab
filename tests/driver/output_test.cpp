// The PDF written to its output as it is saved: atomically, in pieces (driver/output.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "../pdf/pdf_test_support.h"
#include "driver/output.h"

using namespace reportc;
namespace fs = std::filesystem;

namespace {

struct Folder {
    std::string dir = (fs::temp_directory_path() / ("reportc-output-" + std::to_string(::getpid()))).string();
    std::string out = dir + "/out.pdf";
    Folder() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(out) << "old";
    }
    ~Folder() { fs::remove_all(dir); }
    std::string read(const std::string& path) const {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    size_t files() const { return size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
};

std::string errors(const Diagnostics& diags) {
    std::string s;
    for (const Diagnostic& d : diags.all()) s += d.message + "\n";
    return s;
}

TEST(DriverOutput, PiecesReplaceTheFileOnceAllAreWritten) {
    Folder f;
    Diagnostics diags;
    bool old_while_writing = false;
    auto write = [&](pdf::ByteSink& out) {
        const bool ok = out.write("%PDF-1.3\n") && out.write("rest");
        old_while_writing = f.read(f.out) == "old";
        return ok;
    };
    EXPECT_TRUE(driver::write_pdf_file(f.out, {}, diags, write)) << errors(diags);
    EXPECT_TRUE(old_while_writing);
    EXPECT_EQ(f.read(f.out), "%PDF-1.3\nrest");
    EXPECT_EQ(f.files(), 1u);  // no temporary file left
}

TEST(DriverOutput, PdfThatFailsHalfWayLeavesTheOldFileAndNothingElse) {
    Folder f;
    Diagnostics diags;
    auto write = [&](pdf::ByteSink& out) {
        out.write("%PDF-1.3\n");
        diags.error({}, "pdf: libharu error while writing");
        return false;
    };
    EXPECT_FALSE(driver::write_pdf_file(f.out, {}, diags, write));
    EXPECT_EQ(errors(diags), "pdf: libharu error while writing\n");
    EXPECT_EQ(f.read(f.out), "old");
    EXPECT_EQ(f.files(), 1u);
}

TEST(DriverOutput, RefusedOutputIsReportedOnceAndTheSaveStops) {
    Folder f;
    Diagnostics diags;
    size_t refused = 0;
    auto write = [&](pdf::ByteSink& out) {
        for (int i = 0; i < 3; ++i) refused += out.write("piece") ? 0 : 1;
        return refused == 0;
    };
    EXPECT_FALSE(driver::write_pdf_file(f.out, {f.out}, diags, write));
    EXPECT_EQ(refused, 3u);
    EXPECT_EQ(errors(diags), "cannot write '" + f.out + "': the build reads that file ('" + f.out +
                                 "'); expected an output that is not an input\n");
    EXPECT_EQ(f.read(f.out), "old");
    EXPECT_EQ(f.files(), 1u);
}

}  // namespace

namespace {

// A page's content kept in a store whose bytes cannot be read back (the temporary file lost).
class UnreadableStore final : public ByteStore {
public:
    std::optional<Place> append(std::string_view bytes) override { return Place{0, uint32_t(bytes.size())}; }
    bool read(Place, std::string&) override { return false; }
};

frame::FrameDocument one_square() {
    frame::FrameDocument doc;
    doc.info.creation_epoch = 0;
    frame::Page page{Size{Length::from_pt(200), Length::from_pt(200)}, {}};
    frame::ShapeItem square;
    const auto at = [](double x, double y) { return Point{Length::from_pt(x), Length::from_pt(y)}; };
    square.path = {{frame::PathCommand::Kind::MoveTo, {at(10, 10)}},
                   {frame::PathCommand::Kind::LineTo, {at(90, 10)}},
                   {frame::PathCommand::Kind::LineTo, {at(90, 90)}},
                   {frame::PathCommand::Kind::Close, {}}};
    square.fill = Color{};
    page.items.push_back(square);
    doc.pages.push_back(page);
    return doc;
}

}  // namespace

TEST(DriverOutput, PageContentThatCannotBeReadBackLeavesTheOldFile) {
    Folder f;
    Diagnostics diags;
    const frame::FrameDocument doc = one_square();
    UnreadableStore store;
    auto write = [&](pdf::ByteSink& out) { return pdf::write_pdf(doc, diags, out, &store, 0); };
    EXPECT_FALSE(driver::write_pdf_file(f.out, {}, diags, write));
    EXPECT_EQ(errors(diags), "pdf: page 1: its content could not be read back from the temporary file\n");
    EXPECT_EQ(f.read(f.out), "old");
    EXPECT_EQ(f.files(), 1u);  // no temporary file left
}

TEST(DriverOutput, PdfPagesWritesTheSameFileWithAThreadAndAgainAfterAFinish) {
    // With threads, the pages are drawn and deflated on threads of their own, and libharu's
    // objects are freed on one once the file is written (PdfPages::finish): the same bytes as
    // without, the writer's counts kept, and a next start() after the last finish() is as good.
    const frame::FrameDocument doc = pdf::testing::text_pages(12, 40);
    std::vector<std::string> files;
    for (unsigned threads : {1u, 2u}) {
        driver::PdfPages pages(threads);
        for (int round = 0; round < 2; ++round) {
            pages.start();
            for (const auto& page : doc.pages) pages.page(frame::Page(page), doc.fonts);
            pdf::testing::StringSink out;
            Diagnostics diags;
            ASSERT_TRUE(pages.finish(doc, diags, out)) << errors(diags);
            EXPECT_EQ(pages.pages_deflated_apart(), threads > 1 ? doc.pages.size() : 0u) << threads;
            files.push_back(out.bytes);
        }
    }
    ASSERT_EQ(files.size(), 4u);
    for (const auto& file : files) EXPECT_EQ(file, files[0]);
    EXPECT_TRUE(files[0].starts_with("%PDF-"));
}
