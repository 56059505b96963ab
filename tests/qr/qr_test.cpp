// QR encoding: the smallest version that holds the data at each level (byte-mode capacities of
// ISO/IEC 18004 table 7), the symbol's fixed patterns, the errors for empty and too-long data,
// and the dark modules merged into rectangles that cover exactly the dark modules.
#include <gtest/gtest.h>

#include <string>

#include "qr/qr.h"

using namespace reportc;

namespace {

qr::Matrix encoded(const std::string& data, qr::Level level) {
    auto result = qr::encode(data, level);
    if (auto* e = std::get_if<qr::EncodeError>(&result)) {
        ADD_FAILURE() << e->message;
        return {};
    }
    return std::get<qr::Matrix>(result);
}

std::string error_of(const std::string& data, qr::Level level) {
    auto result = qr::encode(data, level);
    if (auto* e = std::get_if<qr::EncodeError>(&result)) return e->message;
    return "encoded as version " + std::to_string(std::get<qr::Matrix>(result).version);
}

}  // namespace

TEST(qr_Encode, SmallestVersionForTheDataAndLevel) {
    // Version 1 holds 17, 14, 11 and 7 bytes at L, M, Q and H; one byte more needs version 2.
    const std::pair<qr::Level, size_t> version1[] = {{qr::Level::L, 17}, {qr::Level::M, 14}, {qr::Level::Q, 11}, {qr::Level::H, 7}};
    for (auto [level, bytes] : version1) {
        SCOPED_TRACE(qr::level_name(level));
        auto fits = encoded(std::string(bytes, 'a'), level);
        EXPECT_EQ(fits.version, 1);
        EXPECT_EQ(fits.size, 21);
        EXPECT_EQ(fits.dark.size(), 21u * 21u);
        auto more = encoded(std::string(bytes + 1, 'a'), level);
        EXPECT_EQ(more.version, 2);
        EXPECT_EQ(more.size, 25);
    }
}

TEST(qr_Encode, SizeIs17PlusFourModulesPerVersionUpTo40) {
    auto url = encoded("https://www.rocb-ap.org", qr::Level::M);  // 23 bytes: version 2 at M
    EXPECT_EQ(url.version, 2);
    EXPECT_EQ(url.size, 25);
    auto largest = encoded(std::string(qr::max_bytes(qr::Level::L), 'x'), qr::Level::L);
    EXPECT_EQ(largest.version, 40);
    EXPECT_EQ(largest.size, 177);
}

TEST(qr_Encode, FinderPatternsInThreeCorners) {
    auto m = encoded("reportc", qr::Level::Q);
    const int n = m.size;
    for (auto [cx, cy] : {std::pair{0, 0}, std::pair{n - 7, 0}, std::pair{0, n - 7}}) {
        // A dark ring, a light ring, a dark 3 x 3 centre.
        EXPECT_TRUE(m.at(cx, cy));
        EXPECT_TRUE(m.at(cx + 6, cy + 6));
        EXPECT_FALSE(m.at(cx + 1, cy + 1));
        EXPECT_FALSE(m.at(cx + 5, cy + 1));
        EXPECT_TRUE(m.at(cx + 2, cy + 2));
        EXPECT_TRUE(m.at(cx + 3, cy + 3));
        EXPECT_TRUE(m.at(cx + 4, cy + 4));
    }
    EXPECT_FALSE(m.at(n - 7, n - 7) && m.at(n - 6, n - 6) && !m.at(n - 5, n - 5));  // no fourth finder
}

TEST(qr_Encode, Utf8IsKeptAsBytes) {
    // The byte count decides the version, not the character count: 5 characters in 13 bytes fit
    // version 1-L (17 bytes); 16 characters in 25 bytes do not.
    EXPECT_EQ(encoded("é日本語ü", qr::Level::L).version, 1);
    const std::string text = "Hà Nội – Đà Nẵng";
    ASSERT_EQ(text.size(), 25u);
    EXPECT_EQ(encoded(text, qr::Level::L).version, 2);
}

TEST(qr_Encode, EmptyAndTooLongDataAreErrors) {
    EXPECT_EQ(error_of("", qr::Level::M), "expected data for the QR code, found an empty data attribute");
    EXPECT_EQ(error_of(std::string(2331, 'x'), qr::Level::M), "encoded as version 40");
    EXPECT_EQ(error_of(std::string(2332, 'x'), qr::Level::M),
              "expected data of at most 2331 bytes for a QR code at level M, found 2332 bytes");
    EXPECT_EQ(error_of(std::string(1274, 'x'), qr::Level::H),
              "expected data of at most 1273 bytes for a QR code at level H, found 1274 bytes");
    EXPECT_EQ(error_of(std::string(2953, 'x'), qr::Level::L), "encoded as version 40");
    EXPECT_EQ(error_of(std::string(1664, 'x'), qr::Level::Q),
              "expected data of at most 1663 bytes for a QR code at level Q, found 1664 bytes");
}

TEST(qr_Rectangles, RunsMergedAlongRowsAndDownColumns) {
    // ##.#
    // ##.#
    // .###
    // ....
    qr::Matrix m{1, 4, {1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0}};
    const std::vector<qr::ModuleRect> expected = {{0, 0, 2, 2}, {3, 0, 1, 2}, {1, 2, 3, 1}};
    EXPECT_EQ(qr::dark_rectangles(m), expected);
}

TEST(qr_Rectangles, CoverEveryDarkModuleOnceAndNoLightOne) {
    for (const auto& data : std::vector<std::string>{"https://www.rocb-ap.org", "Hà Nội", std::string(300, 'z')}) {
        auto m = encoded(data, qr::Level::M);
        std::vector<int> covered(m.dark.size(), 0);
        auto rects = qr::dark_rectangles(m);
        size_t dark = 0;
        for (auto d : m.dark) dark += d;
        EXPECT_LT(rects.size(), dark / 2) << "runs are merged";
        for (const auto& r : rects)
            for (int y = r.y; y < r.y + r.height; ++y)
                for (int x = r.x; x < r.x + r.width; ++x) ++covered[static_cast<size_t>(y) * m.size + x];
        for (size_t i = 0; i < m.dark.size(); ++i) ASSERT_EQ(covered[i], m.dark[i]) << "module " << i % m.size << "," << i / m.size;
    }
}
