#include "source/source_compactor.h"

#include <utility>

#include "base/interrupts.h"
#include "source/source_manager.h"

namespace reportc {

SourceCompactor::SourceCompactor() : m_thread([this] { run(); }) {}

SourceCompactor::~SourceCompactor() {
    {
        std::lock_guard hold(m_lock);
        m_stop = true;
    }
    m_work.notify_one();
    m_thread.join();
}

void SourceCompactor::deflate(SourceFile* file) {
    {
        std::lock_guard hold(m_lock);
        m_queued.push_back(file);
    }
    m_work.notify_one();
}

std::vector<SourceFile*> SourceCompactor::take_done() {
    std::lock_guard hold(m_lock);
    return std::exchange(m_done, {});
}

void SourceCompactor::wait() {
    std::unique_lock hold(m_lock);
    m_idle.wait(hold, [&] { return m_queued.empty() && !m_busy; });
}

void SourceCompactor::run() {
    block_interrupts_in_this_thread();
    for (;;) {
        SourceFile* file = nullptr;
        {
            std::unique_lock hold(m_lock);
            m_work.wait(hold, [&] { return m_stop || !m_queued.empty(); });
            if (m_stop) return;
            file = m_queued.front();
            m_queued.pop_front();
            m_busy = true;
        }
        file->deflate();  // out of memory leaves it whole: compact() tries again, or keeps it so
        {
            std::lock_guard hold(m_lock);
            m_done.push_back(file);
            m_busy = false;
        }
        m_idle.notify_all();
    }
}

}  // namespace reportc
