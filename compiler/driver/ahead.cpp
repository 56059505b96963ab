#include "driver/ahead.h"

#include <algorithm>
#include <cstdint>
#include <thread>

#include "base/interrupts.h"
#include "layout/block_layout.h"

namespace reportc::driver {

// One run of top-level blocks, laid out on its own thread. Its fonts and hyphenator are its own
// (the parsed dictionary is the resources'): they die with the run, after the thread is joined
// and its cache's entries were adopted.
struct ParagraphsAhead::Run {
    const doc::EncodedBlocks* blocks = nullptr;  // the document's, decoded one at a time
    size_t begin = 0, end = 0;                   // the run's blocks in it
    std::unique_ptr<Meeting> meeting;  // where the thread, from `end` down, meets the caller
    std::unique_ptr<text::FontRegistry> fonts;
    std::unique_ptr<text::Hyphenator> hyphenator;
    std::unique_ptr<layout::ParagraphCache> paragraphs;
    std::jthread thread;
};

namespace {

// The run's own fonts (from the bytes the resources read: no file is read again) and hyphenator
// (the resources' dictionary, a cache of its own).
void load_text(ParagraphsAhead::Run& run, const Resources& res) {
    const auto& files = res.font_files;
    run.fonts = std::make_unique<text::FontRegistry>([&files](const std::string& path, std::string& error) -> FontBytes {
        if (auto it = files.find(path); it != files.end()) return it->second;
        error = std::string("cannot read font file '").append(path).append("'");
        return nullptr;
    });
    Diagnostics ignored;  // reported when the resources were made
    register_fonts(res.layout, *run.fonts, ignored);
    if (const text::Hyphenator* shared = res.hyphenator.get()) run.hyphenator = shared->another();  // not parsed again
}

// The run laid out as the caller lays it out; its vertical list, frame fonts and diagnostics are
// dropped (the caller's pass makes its own), its paragraph cache kept.
void lay_out_run(ParagraphsAhead::Run& run, const Resources& res, const layout::LayoutInputs& in, layout::BlockEnv env,
                 layout::ParagraphSpill* spill, size_t in_memory) {
    load_text(run, res);
    layout::LayoutInputs inputs{res.styles, *run.fonts, run.hyphenator.get(), in.anchor_pages, in.toc, in.footnote_numbers};
    inputs.survey = true;  // its vertical list is dropped: only its paragraphs' settings are kept
    inputs.variable_texts = in.variable_texts;
    inputs.figure_lists = in.figure_lists;
    inputs.ties = in.ties;
    run.paragraphs = std::make_unique<layout::ParagraphCache>(*run.fonts, run.hyphenator.get());
    run.paragraphs->spill_to(spill);  // the caller's: what it writes out is adopted with its place
    run.paragraphs->limit_share(in_memory);  // the rest written out as set, read back by the caller
    layout::FontTable font_table(*run.fonts);
    Diagnostics dropped;
    layout::LayoutResults results{font_table, dropped, {}, 0};
    layout::LayoutContext ctx{inputs, results, *run.paragraphs};
    // Block by block, each dropped once laid out: the run is laid out only to fill its cache,
    // and its whole vertical list held beside the caller's would add a share of the document to
    // the pass's peak memory. A paragraph set differently outside its neighbours' context
    // (an entry whose input does not match) is set again by the caller.
    for (size_t i = run.end; i-- > run.begin;) {
        if (!run.meeting->thread_may_take(i)) return;  // the caller is there: it sets the rest
        std::vector<doc::Block> one;
        auto block = run.blocks->block(i);
        if (!block) return;  // the caller reports it when it reaches the block
        one.push_back(block.take());
        layout::layout_blocks(one, env, ctx);
        run.meeting->thread_did(i);
    }
}

}  // namespace

unsigned runs_worth_starting(uint32_t node_count, unsigned jobs) {
    return std::max(1u, std::min(jobs, unsigned(node_count / kNodesPerRun)));
}

std::vector<size_t> split_blocks(const std::vector<doc::NodeId>& first_nodes, uint32_t node_count, unsigned parts) {
    std::vector<size_t> starts;
    if (parts < 2 || first_nodes.size() < 2) return starts;
    // A block's size: the nodes numbered from it to the next block (document order).
    const uint32_t begin = first_nodes.front().value, end = node_count + 1;
    if (!first_nodes.front().assigned() || end <= begin) return starts;
    const double share = double(end - begin) / parts;
    for (size_t b = 1; b < first_nodes.size() && starts.size() + 1 < parts; ++b) {
        const doc::NodeId node = first_nodes[b];
        if (!node.assigned() || node.value <= first_nodes[b - 1].value) continue;  // order unknown: keep together
        if (double(node.value - begin) >= share * double(starts.size() + 1)) starts.push_back(b);
    }
    return starts;
}

ParagraphsAhead::ParagraphsAhead(const doc::EncodedBlocks& blocks, uint32_t node_count, const Resources& res,
                                 const layout::LayoutInputs& inputs, const layout::BlockEnv& env, unsigned jobs,
                                 layout::ParagraphCache& paragraphs)
    : m_paragraphs(paragraphs) {
    auto starts = split_blocks(blocks.first_nodes(), node_count, runs_worth_starting(node_count, jobs));
    if (!starts.empty()) starts.front() = 1;  // the first thread meets the caller wherever they meet
    for (size_t r = 0; r < starts.size(); ++r) m_runs.push_back(std::make_unique<Run>());
    for (size_t r = 0; r < starts.size(); ++r) {
        Run& run = *m_runs[r];
        run.blocks = &blocks;
        run.begin = starts[r];
        run.end = r + 1 < starts.size() ? starts[r + 1] : blocks.size();
        run.meeting = std::make_unique<Meeting>(run.end);
        // What a run writes out is adopted with its place, in a resident compiler's kept cache
        // too, whose file is kept with it (driver/kept_paragraphs.h).
        run.thread = std::jthread([&mine = run, &res, &inputs, env, spill = paragraphs.spill(), in_memory = kAheadCacheBytes] {
            block_interrupts_in_this_thread();
            try {
                lay_out_run(mine, res, inputs, env, spill, in_memory);
            } catch (...) {
                mine.paragraphs.reset();  // nothing set ahead: the caller sets the run itself
            }
        });
    }
}

ParagraphsAhead::~ParagraphsAhead() {
    for (auto& run : m_runs) run->meeting->stop();  // before the next block
    for (auto& run : m_runs)
        if (run->thread.joinable()) run->thread.join();
}

// The caller is at `block`: the run it is in stops before that block, and once the thread has
// done that block (or the caller is past the run) the run is waited for and adopted. A last run
// the caller sets to its end itself is never adopted: its thread is stopped when this goes.
void ParagraphsAhead::reached(size_t block) {
    while (m_adopted < m_runs.size() && m_runs[m_adopted]->begin <= block) {
        Run& run = *m_runs[m_adopted];
        if (!run.meeting->caller_reached(block)) return;  // not met yet: the caller sets this block
        ++m_adopted;
        run.thread.join();
        if (!run.paragraphs) continue;
        m_paragraphs.adopt(std::move(*run.paragraphs));
        run.paragraphs->spill_to(nullptr);  // emptied: the caller's share of the budget grows (ParagraphSpill::share)
    }
}

}  // namespace reportc::driver
