#pragma once
// Private to driver: work spread over threads, each index done once whatever the thread count.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "base/interrupts.h"

namespace reportc::driver {

// Calls fn(i) for every i in [0, n) on up to `threads` threads (the caller's among them). Each
// call writes only its own i's results, so the outcome is the same for any thread count.
template <typename Fn>
void parallel_for(size_t n, unsigned threads, Fn fn) {
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < std::min<size_t>(std::max(threads, 1u), n); ++t)
        pool.emplace_back([&] {
            block_interrupts_in_this_thread();
            work();
        });
    work();
}

}  // namespace reportc::driver
