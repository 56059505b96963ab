// The PDF written as the last layout pass makes its pages (PdfPages), on a thread of its own when
// the build may use more than one: pagination hands over each finished page and goes on while the
// page is drawn, and the writer deflates each page's content on a thread of its own meanwhile.
// A small queue bounds the pages in flight.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "base/interrupts.h"
#include "driver/output.h"

namespace reportc::driver {

namespace {
// Pages waiting to be drawn, at most. With the drawing cheaper per word (pdf/pdf_text_ops.h),
// 8 pages here and 4 in the deflater's queue left both cores partly idle in the streamed pass
// while one thread waited for another; 16 and 8 keep them busier (803 pages, medians of 21 and
// 31 interleaved builds: 395.5 -> 389.0 and 422.1 -> 410.1 ms; docs/performance.md).
constexpr size_t kQueued = 16;
}

// One drawing thread and its queue: pages with the fonts that appeared since the last one.
struct PdfPages::Drawer {
    struct Job {
        frame::Page page;
        std::vector<frame::FontFile> new_fonts;
    };

    Drawer(pdf::PageWriter& writer, Diagnostics& diags) : thread([this, &writer, &diags] { run(writer, diags); }) {}
    ~Drawer() { close(); }

    void push(Job job) {
        std::unique_lock hold(lock);
        room.wait(hold, [&] { return failed || jobs.size() < kQueued; });
        if (failed) return;
        jobs.push_back(std::move(job));
        ready.notify_one();
    }

    // Draws what is queued, then ends the thread.
    void close() {
        {
            std::lock_guard hold(lock);
            closed = true;
        }
        ready.notify_one();
        if (thread.joinable()) thread.join();
    }

    // Out of memory while drawing is reported as an error of the build, not as the end of the
    // process (an exception may not leave a thread).
    void run(pdf::PageWriter& writer, Diagnostics& diags) {
        block_interrupts_in_this_thread();
        try {
            draw(writer);
        } catch (const std::exception& e) {
            diags.error({}, std::string("pdf: drawing the pages stopped: ").append(e.what()));
            std::lock_guard hold(lock);
            failed = true;
            jobs.clear();
            room.notify_all();
        }
    }

    void draw(pdf::PageWriter& writer) {
        std::vector<frame::FontFile> fonts;
        for (;;) {
            Job job;
            {
                std::unique_lock hold(lock);
                ready.wait(hold, [&] { return closed || !jobs.empty(); });
                if (jobs.empty()) return;
                job = std::move(jobs.front());
                jobs.pop_front();
                room.notify_one();
            }
            for (auto& font : job.new_fonts) fonts.push_back(std::move(font));
            writer.add(job.page, fonts);
        }
    }

    std::mutex lock;
    std::condition_variable ready, room;
    std::deque<Job> jobs;
    bool closed = false;
    bool failed = false;  // the thread stopped on an exception: later pages are dropped
    std::thread thread;  // last: started once the queue exists
};

PdfPages::PdfPages(unsigned threads, ByteStore* contents, size_t in_memory)
    : m_threads(threads), m_contents(contents), m_in_memory(in_memory) {}

size_t PdfPages::pages_stored() const { return m_writer ? m_writer->pages_stored() : m_stored; }
size_t PdfPages::pages_deflated_apart() const { return m_writer ? m_writer->pages_deflated_apart() : m_deflated_apart; }

PdfPages::~PdfPages() {
    stop();
    if (m_freeing.joinable()) m_freeing.join();
}

void PdfPages::stop() { m_drawer.reset(); }

// The file is written: libharu's objects (tens of thousands of small blocks, 5 ms to free at
// 803 pages) are freed on a thread of their own while the caller makes the file durable and
// renames it (driver/output.h), and waited for when this goes.
void PdfPages::let_go_of_writer() {
    m_stored = m_writer->pages_stored();
    m_deflated_apart = m_writer->pages_deflated_apart();
    if (m_threads < 2) return m_writer.reset();
    m_freeing = std::thread([writer = std::move(m_writer)]() mutable {
        block_interrupts_in_this_thread();
        writer.reset();
    });
}

void PdfPages::start() {
    stop();
    if (m_freeing.joinable()) m_freeing.join();
    m_writer.reset();  // before the diagnostics it reports to
    m_diags = Diagnostics();
    m_fonts.clear();
    m_writer = std::make_unique<pdf::PageWriter>(m_diags, m_contents, m_in_memory);
    if (m_threads > 1) {
        m_writer->deflate_on_a_thread();
        m_drawer = std::make_unique<Drawer>(*m_writer, m_diags);
    }
}

void PdfPages::page(frame::Page&& page, const std::vector<frame::FontFile>& fonts) {
    std::vector<frame::FontFile> new_fonts(fonts.begin() + std::ptrdiff_t(std::min(m_fonts.size(), fonts.size())), fonts.end());
    m_fonts.insert(m_fonts.end(), new_fonts.begin(), new_fonts.end());
    if (m_drawer) m_drawer->push({std::move(page), std::move(new_fonts)});
    else m_writer->add(page, m_fonts);
}

bool PdfPages::finish(const frame::FrameDocument& rest, Diagnostics& diags, pdf::ByteSink& out) {
    stop();  // every page drawn
    const bool written = m_writer->finish(rest, out);
    let_go_of_writer();
    for (const auto& d : m_diags.all()) diags.add(d);
    return written;
}

}  // namespace reportc::driver
