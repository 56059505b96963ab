// Golden trace: a fixed sample's positioned items must not change unnoticed. The sample has its
// own frozen layout (tests/e2e/golden/sample-layout.xml), so changes to the product layouts
// never touch it; a difference means the engine's output changed. The comparison follows the
// rule of tests/support/golden.h (UPDATE_GOLDEN=1 rewrites sample.trace).
#include <gtest/gtest.h>

#include "golden.h"
#include "run.h"

using namespace reportc::e2e;

TEST(GoldenE2E, SampleTraceMatches) {
    std::string dir = scratch_dir("golden");
    auto r = run("SOURCE_DATE_EPOCH=1600000000 " + reportc_exe() + " build " + quote(source_root() + "/tests/e2e/golden/sample.xml") + " -o " +
                 quote(dir + "/sample.pdf") + " --trace " + quote(dir + "/sample.trace"));
    ASSERT_EQ(r.status, 0) << r.err;
    std::string actual = read_file(dir + "/sample.trace");
    ASSERT_FALSE(actual.empty());
    reportc::golden::expect_matches(actual, "tests/e2e/golden/sample.trace");
}
