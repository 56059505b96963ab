// The paragraph cache's spill file (driver/spill_file.h): bytes kept and read back by place, no
// file left in the folder, and a folder it cannot write in named in the error.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "driver/spill_file.h"

using namespace reportc;
using namespace reportc::driver;

TEST(driver_SpillFile, KeepsBytesByPlaceInAFileWithNoName) {
    const auto dir = std::filesystem::temp_directory_path() / ("spill-file-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        FileSpillStore store(dir.string());
        const auto a = store.append("regional");
        const auto b = store.append("cooperation");
        ASSERT_TRUE(a && b) << store.error();
        EXPECT_EQ(b->offset, 8u);
        std::string out;
        ASSERT_TRUE(store.read(*b, out));
        EXPECT_EQ(out, "cooperation");
        ASSERT_TRUE(store.read(*a, out));
        EXPECT_EQ(out, "regional");
        EXPECT_FALSE(store.read({b->offset, 12}, out));  // past what was written
        EXPECT_TRUE(std::filesystem::is_empty(dir));     // open, but with no name
        EXPECT_EQ(store.error(), "");
    }
    std::filesystem::remove_all(dir);
}

TEST(driver_SpillFile, AFolderItCannotWriteInIsTheError) {
    FileSpillStore store("/nonexistent-folder");
    EXPECT_FALSE(store.append("regional"));
    EXPECT_EQ(store.error(), "cannot make a temporary file in '/nonexistent-folder' for the paragraph cache: No such file or directory");
}

TEST(driver_SpillFile, WithNoOutputTheTemporaryFolder) {
    EXPECT_EQ(spill_directory("out/report.pdf"), "out");
    EXPECT_EQ(spill_directory("report.pdf"), ".");
    EXPECT_FALSE(spill_directory("").empty());
}
