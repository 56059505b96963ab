// Fonts and the hyphenation dictionary are read only as regular files of bounded size (issue 15):
// a device, a FIFO or a huge file is an error saying why, at once (no hang, no unbounded memory).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "text/font_registry.h"
#include "text/hyphenator.h"

using namespace reportc;
using namespace reportc::text;

namespace {

// A scratch folder with a FIFO and a sparse file one byte past the size limit (no disk used).
struct Scratch {
    std::string dir;
    Scratch() {
        char name[] = "/tmp/reportc-unreadable-XXXXXX";
        dir = ::mkdtemp(name);
        ::mkfifo(fifo().c_str(), 0600);
        int fd = ::open(huge().c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        EXPECT_EQ(::ftruncate(fd, off_t(kMaxInputFileBytes) + 1), 0);
        ::close(fd);
    }
    ~Scratch() {
        ::unlink(fifo().c_str());
        ::unlink(huge().c_str());
        ::rmdir(dir.c_str());
    }
    std::string fifo() const { return dir + "/font.ttf"; }
    std::string huge() const { return dir + "/huge.ttf"; }
};

std::string font_error(const std::string& path) {
    RealEnvironment disk;
    FontRegistry fonts(read_fonts_through(disk));
    std::string error;
    EXPECT_FALSE(fonts.add_family("F", path, "", "", "", error));
    return error;
}

std::string dictionary_error(const std::string& path) {
    RealEnvironment disk;
    std::string error;
    EXPECT_EQ(Hyphenator::read(disk, path, error), nullptr);
    return error;
}

}  // namespace

TEST(text_UnreadableFiles, FontAtADeviceIsAnError) {
    // /dev/zero named no such file; before the regular-file check it took memory without bound.
    EXPECT_EQ(font_error("/dev/zero"), "cannot read font file '/dev/zero': not a regular file (a device)");
    EXPECT_EQ(font_error("/dev/urandom"), "cannot read font file '/dev/urandom': not a regular file (a device)");
}

TEST(text_UnreadableFiles, FontAtAFifoIsAnErrorWithoutWaiting) {
    Scratch scratch;
    EXPECT_EQ(font_error(scratch.fifo()), "cannot read font file '" + scratch.fifo() + "': not a regular file (a FIFO)");
}

TEST(text_UnreadableFiles, FontPastTheSizeLimitIsAnError) {
    Scratch scratch;
    EXPECT_EQ(font_error(scratch.huge()), "cannot read font file '" + scratch.huge() + "': larger than the limit of 256 MiB");
}

TEST(text_UnreadableFiles, DictionaryAtADeviceFifoOrHugeFileIsAnError) {
    Scratch scratch;
    EXPECT_EQ(dictionary_error("/dev/zero"), "cannot read hyphenation dictionary '/dev/zero': not a regular file (a device)");
    EXPECT_EQ(dictionary_error(scratch.fifo()),
              "cannot read hyphenation dictionary '" + scratch.fifo() + "': not a regular file (a FIFO)");
    EXPECT_EQ(dictionary_error(scratch.huge()),
              "cannot read hyphenation dictionary '" + scratch.huge() + "': larger than the limit of 256 MiB");
}

TEST(text_UnreadableFiles, TheEnvironmentRefusesWhatIsNotARegularFile) {
    Scratch scratch;
    RealEnvironment disk;
    EXPECT_FALSE(disk.read_file(scratch.fifo()).has_value());
    EXPECT_FALSE(disk.read_file("/dev/zero").has_value());
    EXPECT_FALSE(disk.read_file(scratch.dir).has_value());
    EXPECT_EQ(disk.why_unreadable(scratch.dir), "not a regular file (a directory)");
    EXPECT_FALSE(disk.read_file(scratch.huge()).has_value());
    EXPECT_EQ(disk.why_unreadable(scratch.dir + "/none"), "no such file");
}
