// Worker threads leave SIGINT and SIGTERM to the thread that runs the build (base/interrupts.h).
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "base/interrupts.h"

namespace reportc {
namespace {

bool blocked(int signal) {
    sigset_t now;
    ::pthread_sigmask(SIG_BLOCK, nullptr, &now);
    return sigismember(&now, signal) == 1;
}

TEST(base_Interrupts, AThreadThatBlocksThemHasThemBlockedAndNoOtherThread) {
    bool int_blocked = false, term_blocked = false, before = true;
    std::thread([&] {
        before = blocked(SIGINT);
        block_interrupts_in_this_thread();
        int_blocked = blocked(SIGINT);
        term_blocked = blocked(SIGTERM);
    }).join();
    EXPECT_FALSE(before);
    EXPECT_TRUE(int_blocked);
    EXPECT_TRUE(term_blocked);
    EXPECT_FALSE(blocked(SIGINT));  // the calling thread's mask is its own
}

}  // namespace
}  // namespace reportc
