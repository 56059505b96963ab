// The project root (docs/cli.md): what a confined RealEnvironment reads, and why it refuses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "source/atomic_file.h"
#include "source/environment.h"

using namespace reportc;
namespace fs = std::filesystem;

namespace {

struct Folders {
    std::string base, root;
    Folders() {
        base = (fs::temp_directory_path() / ("reportc-scope-" + std::to_string(::getpid()))).string();
        fs::remove_all(base);
        root = base + "/root";
        fs::create_directories(root + "/sub");
        std::ofstream(root + "/sub/in.xml") << "inside";
        std::ofstream(base + "/out.xml") << "outside";
        fs::create_symlink(base + "/out.xml", root + "/link.xml");
    }
    ~Folders() { fs::remove_all(base); }
    RealEnvironment confined(const std::vector<std::string>& allowed = {}) const {
        std::string error;
        RealEnvironment env;
        env.confine(*ReadScope::make(root, allowed, error));
        return env;
    }
};

}  // namespace

TEST(ReadScope, ReadsInsideTheRootOnly) {
    Folders f;
    RealEnvironment env = f.confined();
    EXPECT_EQ(env.read_file(f.root + "/sub/in.xml").value_or(""), "inside");
    EXPECT_EQ(env.read_file(f.root + "/sub/../sub/in.xml").value_or(""), "inside");
    for (const std::string& path : {f.root + "/../out.xml", f.base + "/out.xml", f.root + "/link.xml", f.root + "/../missing.xml"}) {
        EXPECT_FALSE(env.read_file(path)) << path;
        EXPECT_EQ(env.why_unreadable(path), "outside the project root '" + f.root + "' (--root DIR or --allow-read PATH admit it)") << path;
    }
    EXPECT_EQ(env.why_unreadable(f.root + "/missing.xml"), kNoSuchFile);
}

TEST(ReadScope, AllowReadAdmitsAFileOrFolder) {
    Folders f;
    RealEnvironment env = f.confined({f.base + "/out.xml"});
    EXPECT_EQ(env.read_file(f.root + "/link.xml").value_or(""), "outside");
    EXPECT_EQ(env.read_file(f.base + "/out.xml").value_or(""), "outside");
}

TEST(ReadScope, SystemFoldersServeFontsAndDictionariesOnly) {
    Folders f;
    RealEnvironment env = f.confined();
    const std::string dictionary = "/usr/share/hyphen/hyph_en_US.dic";
    ASSERT_TRUE(fs::exists(dictionary));
    EXPECT_TRUE(env.read_file(dictionary, FileUse::FontOrDictionary));
    EXPECT_FALSE(env.read_file(dictionary, FileUse::Project));
    EXPECT_FALSE(env.read_file("/usr/share/hyphen/../../../etc/hostname", FileUse::FontOrDictionary));
}

TEST(ReadScope, MissingRootOrAllowedPathIsAnError) {
    Folders f;
    std::string error;
    EXPECT_FALSE(ReadScope::make(f.base + "/none", {}, error));
    EXPECT_EQ(error, "expected an existing folder after --root, found '" + f.base + "/none'");
    EXPECT_FALSE(ReadScope::make(f.root, {f.base + "/none"}, error));
    EXPECT_EQ(error, "expected an existing file or folder after --allow-read, found '" + f.base + "/none'");
}

TEST(ReadScope, DefaultRootIsTheNearestFolderWithTheMarker) {
    Folders f;
    EXPECT_EQ(default_root(f.root + "/sub/in.xml"), f.root + "/sub");
    std::ofstream(f.root + "/" + kRootMarker) << "";
    EXPECT_EQ(default_root(f.root + "/sub/in.xml"), f.root);
}

TEST(AtomicFile, TemporaryNamesAreBesideTheOutputAndUnpredictable) {
    const std::string a = temporary_name("dir/out.pdf"), b = temporary_name("dir/out.pdf");
    EXPECT_NE(a, b);
    EXPECT_EQ(a.rfind("dir/.out.pdf.tmp-", 0), 0u) << a;
    EXPECT_EQ(a.size(), std::string("dir/.out.pdf.tmp-").size() + 16);
    EXPECT_EQ(temporary_name("out.pdf").rfind(".out.pdf.tmp-", 0), 0u);
}

TEST(AtomicFile, WritesAndRefusesAnInput) {
    Folders f;
    const std::string out = f.base + "/out.xml";
    EXPECT_EQ(write_file_atomically(out, "new"), "");
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "new");
    EXPECT_EQ(write_file_atomically(out, "x", {f.root + "/link.xml"}),
              "cannot write '" + out + "': the build reads that file ('" + f.root + "/link.xml'); expected an output that is not an input");
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "new");
    EXPECT_EQ(write_file_atomically(f.root, "x"),
              "cannot write '" + f.root + "': not a regular file (a directory); expected a regular file or no file");
}

namespace {

// The names in `folder` that are temporary files of an atomic write.
std::vector<std::string> temporaries(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) names.push_back(entry.path().string());
    return names;
}

}  // namespace

TEST(AtomicFile, PiecesReachThePathOnlyWhenCommitted) {
    Folders f;
    const std::string out = f.base + "/out.xml";
    AtomicFile file(out);
    ASSERT_EQ(file.error(), "");
    EXPECT_TRUE(file.write("new "));
    EXPECT_TRUE(file.write("bytes"));
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "outside");
    ASSERT_EQ(temporaries(f.base).size(), 1u);
    EXPECT_EQ(RealEnvironment().read_file(temporaries(f.base)[0]).value_or(""), "new bytes");
    EXPECT_EQ(file.commit(), "");
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "new bytes");
    EXPECT_TRUE(temporaries(f.base).empty());
}

TEST(AtomicFile, FileNotCommittedIsRemovedAndTheOldOneKept) {
    // A build that fails half-way through its PDF: the pieces written so far go with it.
    Folders f;
    const std::string out = f.base + "/out.xml";
    {
        AtomicFile file(out);
        EXPECT_TRUE(file.write("half a file"));
        EXPECT_EQ(temporaries(f.base).size(), 1u);
    }
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "outside");
    EXPECT_TRUE(temporaries(f.base).empty());
}

TEST(AtomicFile, RefusedPathMakesNoFile) {
    Folders f;
    const std::string out = f.base + "/out.xml";
    AtomicFile file(out, {f.root + "/link.xml"});
    const std::string refusal =
        "cannot write '" + out + "': the build reads that file ('" + f.root + "/link.xml'); expected an output that is not an input";
    EXPECT_EQ(file.error(), refusal);
    EXPECT_FALSE(file.write("x"));
    EXPECT_EQ(file.commit(), refusal);
    EXPECT_TRUE(temporaries(f.base).empty());
    EXPECT_EQ(RealEnvironment().read_file(out).value_or(""), "outside");
}
