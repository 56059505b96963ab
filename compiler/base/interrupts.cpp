#include "base/interrupts.h"

#include <signal.h>

namespace reportc {

void block_interrupts_in_this_thread() {
    sigset_t interrupts;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &interrupts, nullptr);
}

}  // namespace reportc
