#include "pdf/pdf_deflater.h"

#include "base/interrupts.h"
#include "pdf/pdf_page_stream.h"

namespace reportc::pdf {

Deflater::Deflater(std::string (*deflate)(std::string_view plain)) : m_deflate(deflate), m_worker([this] { run(); }) {}

Deflater::~Deflater() {
    {
        std::lock_guard hold(m_lock);
        m_stop = true;
    }
    m_work.notify_one();
    m_worker.join();
}

void Deflater::submit(std::string plain) {
    {
        std::lock_guard hold(m_lock);
        m_jobs.push_back(Job{std::move(plain), std::nullopt, false});
    }
    m_work.notify_one();
}

size_t Deflater::pending() const {
    std::lock_guard hold(m_lock);
    return m_jobs.size();
}

bool Deflater::oldest_done() const {
    std::lock_guard hold(m_lock);
    return !m_jobs.empty() && m_jobs.front().done;
}

std::optional<std::string> Deflater::take_oldest() {
    std::unique_lock hold(m_lock);
    // Rather than wait, the caller deflates a job the worker has not started: the drawing thread
    // waited for the deflater while a core sat idle (zlib's output is the same on any thread).
    while (!m_jobs.front().done && m_started < m_jobs.size()) {
        Job& job = m_jobs[m_started++];
        hold.unlock();
        run_job(job);
        hold.lock();
        ++m_helped;
    }
    m_finished.wait(hold, [&] { return m_jobs.front().done; });
    std::optional<std::string> out = std::move(m_jobs.front().deflated);
    m_jobs.pop_front();
    --m_started;
    return out;
}

void Deflater::run() {
    block_interrupts_in_this_thread();
    for (;;) {
        Job* job = nullptr;
        {
            std::unique_lock hold(m_lock);
            m_work.wait(hold, [&] { return m_stop || m_started < m_jobs.size(); });
            if (m_stop) return;
            job = &m_jobs[m_started++];
        }
        run_job(*job);
    }
}

// The job is not popped before it is done, and nobody else touches it meanwhile: whoever took it
// from the queue (the worker or a caller of take_oldest) counted it started under the lock.
void Deflater::run_job(Job& job) {
    std::optional<std::string> out;
    try {
        out = m_deflate(job.plain);
        if (out->empty()) out.reset();
    } catch (const std::bad_alloc&) {
        out.reset();
    }
    std::string().swap(job.plain);  // not needed any more: its memory goes now
    {
        std::lock_guard hold(m_lock);
        job.deflated = std::move(out);
        job.done = true;
    }
    m_finished.notify_one();
}

size_t Deflater::helped() const {
    std::lock_guard hold(m_lock);
    return m_helped;
}

}  // namespace reportc::pdf
