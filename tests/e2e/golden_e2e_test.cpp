// Golden trace: a fixed sample's positioned items must not change unnoticed. On a mismatch the
// actual trace is written next to the build's copy; UPDATE_GOLDEN=1 rewrites the expected file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "run.h"

using namespace reportc::e2e;

TEST(GoldenE2E, SampleTraceMatches) {
    std::string dir = scratch_dir("golden");
    std::string expected_path = source_root() + "/tests/e2e/golden/sample.trace";
    auto r = run("SOURCE_DATE_EPOCH=1600000000 " + reportc_exe() + " build " + quote(source_root() + "/tests/e2e/golden/sample.xml") + " -o " +
                 quote(dir + "/sample.pdf") + " --trace " + quote(dir + "/sample.trace"));
    ASSERT_EQ(r.status, 0) << r.err;
    std::string actual = read_file(dir + "/sample.trace");
    ASSERT_FALSE(actual.empty());
    if (std::getenv("UPDATE_GOLDEN")) {
        write_file(expected_path, actual);
        GTEST_SKIP() << "rewrote " << expected_path;
    }
    std::string expected = read_file(expected_path);
    EXPECT_TRUE(actual == expected) << "trace differs from " << expected_path << "; actual written to " << dir
                                    << "/sample.trace (diff them; UPDATE_GOLDEN=1 accepts the change)";
}
