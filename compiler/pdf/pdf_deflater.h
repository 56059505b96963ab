#pragma once
// Internal to the pdf module: pages' content streams deflated on a thread of their own while the
// next pages are drawn (issue 16: both cores). Deflating is about two fifths of drawing a page
// (zlib's default level, as libharu saves, docs/libharu-notes.md §L19); on the thread that draws,
// it made the drawing the slowest stage of a streamed build while the thread that lays out the
// pages waited for room in the queue.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace reportc::pdf {

// One worker thread that deflates what it is given in the order given; the results are taken
// in that order too. zlib's output depends only on its input and settings, so the bytes are the
// same as deflating in place (deflate_like_libharu), whichever thread runs it.
class Deflater {
public:
    // `deflate`: deflate_like_libharu, or in tests one that fails (returns nothing).
    explicit Deflater(std::string (*deflate)(std::string_view plain));
    ~Deflater();  // the worker ends once what it has started is done; the rest is dropped
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    void submit(std::string plain);
    size_t pending() const;  // submitted and not yet taken
    bool oldest_done() const;
    // The oldest submission deflated, waiting for it if need be; nullopt when zlib failed or
    // memory ran out (the caller then leaves the stream for libharu to deflate at the save).
    // Only when pending() > 0. While the oldest is not done, the caller deflates the submissions
    // the worker has not started, in order, on its own thread, rather than wait.
    std::optional<std::string> take_oldest();
    size_t helped() const;  // submissions a caller of take_oldest deflated

private:
    struct Job {
        std::string plain;
        std::optional<std::string> deflated;
        bool done = false;
    };
    void run();
    void run_job(Job& job);

    std::string (*m_deflate)(std::string_view plain);
    mutable std::mutex m_lock;
    std::condition_variable m_work, m_finished;
    std::deque<Job> m_jobs;  // a reference stays valid while others are pushed or popped
    size_t m_started = 0;    // jobs taken (by the worker or a caller of take_oldest), counted from the front
    size_t m_helped = 0;     // of those, the ones a caller of take_oldest deflated
    bool m_stop = false;
    std::thread m_worker;  // last: started once the rest exists
};

}  // namespace reportc::pdf
