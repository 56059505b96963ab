// The paragraph cache's spill file (driver/spill_file.h): bytes kept and read back by place, no
// file left in the folder, and a folder it cannot write in named in the error.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <string>
#include <vector>

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

// Small places are gathered before they are written and read through a window of the file: read
// forward, or back (as the main thread reads what a thread setting paragraphs ahead wrote from its
// end), or in no order, every read gives its own bytes, neighbours come from one read of the file,
// and what is not written yet is read from memory.
TEST(driver_SpillFile, NeighboursAreReadWithOneReadOfTheFile) {
    const auto dir = std::filesystem::temp_directory_path() / ("spill-window-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        FileSpillStore store(dir.string());
        std::vector<FileSpillStore::Place> places;
        std::vector<std::string> texts;
        for (int i = 0; i < 200; ++i) {  // 200 entries of about 4 KB: 12 or 13 windows' worth
            texts.push_back(std::string(4000 + size_t(i), char('a' + i % 26)) + std::to_string(i));
            const auto place = store.append(texts.back());
            ASSERT_TRUE(place) << store.error();
            places.push_back(*place);
        }
        EXPECT_LE(store.file_writes(), 13u);  // gathered a window at a time, not written one by one
        std::string out;
        const auto read_in = [&](const std::vector<int>& order) {
            const size_t before = store.file_reads();
            for (int i : order) {
                EXPECT_TRUE(store.read(places[size_t(i)], out));
                EXPECT_EQ(out, texts[size_t(i)]) << i;
            }
            return store.file_reads() - before;
        };
        std::vector<int> forward(200), back(200), scattered;
        for (int i = 0; i < 200; ++i) forward[size_t(i)] = i, back[size_t(i)] = 199 - i;
        for (int i = 0; i < 200; ++i) scattered.push_back((i * 73) % 200);
        EXPECT_LE(read_in(forward), 14u);
        EXPECT_LE(read_in(back), 15u);
        EXPECT_LE(read_in(scattered), 200u);  // no order to follow: a read each at most
        // Two streams of reads taking turns (the main thread going forward, a thread setting
        // ahead going back): each keeps a window of its own.
        std::vector<int> both;
        for (int i = 0; i < 100; ++i) both.push_back(i), both.push_back(199 - i);
        EXPECT_LE(read_in(both), 16u);
        // A place larger than half a window is read alone, and the window stays as it was.
        const std::string large(FileSpillStore::kWindowBytes, 'z');
        const auto big = store.append(large);
        ASSERT_TRUE(big);
        read_in({100});
        const size_t before = store.file_reads();
        EXPECT_TRUE(store.read(*big, out));
        EXPECT_EQ(out, large);
        EXPECT_EQ(store.file_reads(), before + 1);
        EXPECT_EQ(read_in({100}), 0u);
    }
    std::filesystem::remove_all(dir);
}

// A write that fails once bytes were gathered (the file may not grow past 100 KB here:
// RLIMIT_FSIZE, with SIGXFSZ ignored so that the write fails with EFBIG): every place already
// given still reads back, from memory, and later appends are refused, so their callers keep them.
TEST(driver_SpillFile, AFailedWriteKeepsWhatItGatheredReadableAndRefusesMore) {
    const auto dir = std::filesystem::temp_directory_path() / ("spill-full-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    rlimit before{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = before;
    small.rlim_cur = 100 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    {
        FileSpillStore store(dir.string());
        std::vector<std::pair<FileSpillStore::Place, std::string>> kept;
        size_t refused = 0;
        for (int i = 0; i < 60; ++i) {  // 240 KB offered
            std::string text = std::string(4000, char('a' + i % 26)) + std::to_string(i);
            if (const auto place = store.append(text)) kept.emplace_back(*place, std::move(text));
            else ++refused;
        }
        EXPECT_GT(refused, 0u);
        EXPECT_GT(kept.size(), 16u);  // more than the 64 KiB the file took
        std::string out;
        for (const auto& [place, text] : kept) {
            EXPECT_TRUE(store.read(place, out)) << place.offset;
            EXPECT_EQ(out, text) << place.offset;
        }
        EXPECT_NE(store.error().find("cannot write the temporary file for the paragraph cache in '"), std::string::npos)
            << store.error();
    }
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, old_handler);
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
