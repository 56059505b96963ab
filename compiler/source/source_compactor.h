#pragma once
// Deflates parsed source texts on a thread of its own (SourceManager::compact_on). Deflating
// every text a build reads is serial work on the main thread otherwise: 16 ms of an 803-page
// build, 80 ms at 4,009 pages, while the other core waits for layout to start. The thread only
// deflates (SourceFile::deflate); the text is let go on the main thread, where its readers are
// (SourceManager::compact_parsed), so a reference a parser holds into it never dangles.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace reportc {

class SourceFile;

class SourceCompactor {
public:
    SourceCompactor();
    ~SourceCompactor();  // what is still queued is dropped (those texts stay whole)
    SourceCompactor(const SourceCompactor&) = delete;
    SourceCompactor& operator=(const SourceCompactor&) = delete;

    // Queues `file` to be deflated. Its owner keeps it alive until take_done() gave it back or
    // wait() returned.
    void deflate(SourceFile* file);
    // The files deflated since the last call, in the order they were queued.
    std::vector<SourceFile*> take_done();
    // Until every queued file is deflated; they are then in take_done().
    void wait();

private:
    void run();

    std::mutex m_lock;
    std::condition_variable m_work, m_idle;
    std::deque<SourceFile*> m_queued;
    std::vector<SourceFile*> m_done;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;  // last: started once the rest exists
};

}  // namespace reportc
