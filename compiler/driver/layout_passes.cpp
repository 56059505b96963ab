#include "driver/layout_passes.h"

#include <map>
#include <optional>
#include <set>
#include <string>

#include "driver/ahead.h"
#include "driver/heap_trim.h"
#include "layout/block_layout.h"
#include "pages/marginals.h"

namespace reportc::driver {
namespace {

constexpr int kMaxPasses = 5;

struct Pass {
    LaidOut result;
    Diagnostics diags;
};

// Each top-level block is decoded as the pass reaches it and dropped once laid out: nothing made
// from it refers back to it (the vertical list, the pages and the paragraph cache hold copies and
// shared images). False when a block could not be read back (the error is in `pass.diags`).
bool run_pass(const doc::Document& document, const doc::EncodedBlocks& blocks, const Resources& res,
              const layout::LayoutInputs& inputs, const std::map<std::string, std::string>& variables,
              layout::ParagraphCache& paragraphs, unsigned jobs, pages::PageOutput output, int n, Pass& pass) {
    layout::FontTable font_table(*res.fonts);
    layout::LayoutResults results{font_table, pass.diags, {}, 0};
    layout::LayoutContext ctx{inputs, results, paragraphs};
    const std::string& master = res.styles.settings().page_master;
    layout::BlockEnv env;
    env.width = res.body_master->body().width;
    env.master = master;
    pages::PageContext page_ctx{res.styles, *res.fonts, font_table, pass.diags, document.info.title, &variables};
    // Pages are broken as the blocks are laid out, so the document's vertical list is never held whole.
    pages::Paginator paginator(master, page_ctx, std::move(output));
    {
        // Later passes find their paragraphs in the cache: only the first sets ahead.
        std::optional<ParagraphsAhead> ahead;
        if (jobs > 1 && !inputs.anchor_pages) ahead.emplace(blocks, document.node_count, res, inputs, env, jobs, paragraphs);
        layout::BlockStream stream(env, ctx, [&paginator](std::vector<layout::VItem> items) { paginator.add(std::move(items)); });
        HeapTrim trim;
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (ahead) ahead->reached(i);
            const doc::BlockRef block = blocks.block(i);
            if (!block) {
                pass.diags.error({}, "layout pass " + std::to_string(n) + " could not read back top-level block " +
                                         std::to_string(i + 1) + " of the document from its temporary file");
                return false;
            }
            paginator.add(stream.add(*block));
            trim.laid_out(blocks.bytes_of(i));
        }
        paginator.add(stream.finish());
    }
    pass.result.pages = paginator.finish();
    pass.result.fonts = font_table.fonts();
    pass.result.stats = results.stats;
    return true;
}

bool shows_page_count(const style::Stylesheet& styles) {
    for (const auto& master : styles.page_masters())
        if (pages::shows_page_count(master)) return true;
    return false;
}

// What pass n does with its pages. The first pass cannot be the last when the text prints page
// numbers: it only notes where things fall. A pass that may be the last hands its pages to the
// sink as they are made, when there is one; headers and footers showing the page count take it
// from the pass before, so the first pass keeps its pages when they show it.
pages::PageOutput output_of(int n, const Navigation& navigation, const LaidOut* previous, const Resources& res, PageSink* sink,
                            const std::set<std::string>& noted_anchors) {
    pages::PageOutput output;
    output.noted_anchors = &noted_anchors;
    if (n == 1 && !navigation.page_targets.empty()) output.mode = pages::PageOutput::Mode::Survey;
    else if (sink && (previous || !shows_page_count(res.styles))) {
        output.mode = pages::PageOutput::Mode::Stream;
        output.previous = previous ? &previous->pages : nullptr;
        sink->start();
        output.on_page = [sink](frame::Page&& page, const std::vector<frame::FontFile>& fonts) { sink->page(std::move(page), fonts); };
    }
    return output;
}

// The anchors whose pages the passes compare and print: the page targets, the footnotes (numbered
// by page) and the page-dependent variables.
std::set<std::string> noted_anchors(const Navigation& navigation) {
    std::set<std::string> noted = navigation.page_targets;
    for (const auto& note : navigation.footnotes) noted.insert(note.anchor);
    for (const auto& v : navigation.page_variables) noted.insert(v.anchor);
    return noted;
}

// The anchors that moved between two passes: "id (3 -> 4)".
std::vector<std::string> moved_anchors(const std::set<std::string>& targets, const std::map<std::string, std::string>& before,
                                       const std::map<std::string, std::string>& now) {
    std::vector<std::string> moved;
    for (const auto& anchor : targets) {
        auto b = before.find(anchor);
        auto n = now.find(anchor);
        std::string was = b == before.end() ? "?" : b->second;
        std::string is = n == now.end() ? "?" : n->second;
        if (was != is) moved.push_back(anchor + " (" + was + " -> " + is + ")");
    }
    return moved;
}

// Footnote numbers: 1, 2, 3 … in document order, or from 1 on each page by the pages of the
// previous pass (`sheets`; in document order before there is one).
std::map<doc::NodeId, int> number_footnotes(const std::vector<FootnoteEntry>& notes, style::FootnoteNumbering rule,
                                            const std::map<std::string, int>* sheets) {
    std::map<doc::NodeId, int> numbers;
    int n = 0, last_sheet = 0;
    for (const auto& note : notes) {
        if (rule == style::FootnoteNumbering::Page && sheets) {
            auto it = sheets->find(note.anchor);
            const int sheet = it == sheets->end() ? 0 : it->second;
            if (sheet != last_sheet) n = 0;
            last_sheet = sheet;
        }
        numbers[note.node] = ++n;
    }
    return numbers;
}

// What each page-dependent variable prints on the pages of a pass, by its anchor: what the
// header and footer fields of its page show.
std::map<std::string, std::string> variable_texts(const std::vector<PageVariableEntry>& variables, const pages::Paginated& pages) {
    std::map<std::string, std::string> texts;
    for (const auto& v : variables) {
        auto it = pages.anchor_sheets.find(v.anchor);
        if (it == pages.anchor_sheets.end()) continue;  // not set (a repeated header's copy is never the first)
        const size_t page = size_t(it->second - 1);
        switch (v.value) {
        case doc::PageValue::Page: texts[v.anchor] = pages.page_labels[page]; break;
        case doc::PageValue::Pages:
            texts[v.anchor] = pages.page_labels[pages::last_page_of_numbering(pages.label_ranges, pages.page_count, page)];
            break;
        case doc::PageValue::TotalPages: texts[v.anchor] = std::to_string(pages.page_count); break;
        case doc::PageValue::Section: texts[v.anchor] = pages.page_sections[page]; break;
        }
    }
    return texts;
}

}  // namespace

LaidOut lay_out(const doc::Document& document, const doc::EncodedBlocks& blocks, const Resources& res,
                const Navigation& navigation, const std::map<std::string, std::string>& variables,
                layout::ParagraphCache& paragraphs, Diagnostics& diags, unsigned jobs, PageSink* sink, PhaseClock* clock) {
    const auto numbering = res.styles.settings().footnote_numbering;
    layout::LayoutInputs inputs{res.styles, *res.fonts, res.hyphenator.get(), nullptr, navigation.toc,
                                number_footnotes(navigation.footnotes, numbering, nullptr)};
    inputs.figure_lists = navigation.figure_lists;
    inputs.ties = res.styles.ties(document.lang);
    std::map<std::string, std::string> anchor_pages;  // from the previous pass
    const std::set<std::string> noted = noted_anchors(navigation);
    std::optional<LaidOut> previous;
    for (int n = 1;; ++n) {
        inputs.anchor_pages = n == 1 ? nullptr : &anchor_pages;
        Pass pass;
        auto output = output_of(n, navigation, previous ? &*previous : nullptr, res, sink, noted);
        pass.result.streamed = output.mode == pages::PageOutput::Mode::Stream;
        inputs.survey = output.mode == pages::PageOutput::Mode::Survey;
        paragraphs.release_after_use(pass.result.streamed);
        if (!run_pass(document, blocks, res, inputs, variables, paragraphs, jobs, std::move(output), n, pass)) {
            diags.add(pass.diags.all().back());  // that error alone: the pass's others are of a layout cut short
            pass.result.passes = n;
            return std::move(pass.result);
        }
        if (clock) clock->lap("layout pass " + std::to_string(n) + (pass.result.streamed ? " (streamed)" : ""));
        auto moved = moved_anchors(navigation.page_targets, anchor_pages, pass.result.pages.anchor_pages);
        // Numbered by page: the numbers this pass printed must be those its pages give.
        auto numbers = number_footnotes(navigation.footnotes, numbering, &pass.result.pages.anchor_sheets);
        if (numbers != inputs.footnote_numbers) moved.push_back("footnote numbers");
        // Page-dependent variables: what this pass printed must be what its pages give.
        auto texts = variable_texts(navigation.page_variables, pass.result.pages);
        if (texts != inputs.variable_texts) moved.push_back("variables");
        // Headers and footers set as pages were made: the page count they printed must hold.
        if (!pass.result.pages.marginals_as_assumed) moved.push_back("page count");
        bool settled = (navigation.page_targets.empty() || n > 1) && moved.empty();
        if (settled || n == kMaxPasses) {
            for (const auto& d : pass.diags.all()) diags.add(d);
            if (!settled) {
                std::string list;
                for (const auto& m : moved) list += (list.empty() ? "" : ", ") + m;
                diags.error({}, "page references did not settle after " + std::to_string(kMaxPasses) + " layouts; still moving: " + list);
            }
            pass.result.passes = n;
            return std::move(pass.result);
        }
        anchor_pages = pass.result.pages.anchor_pages;
        inputs.footnote_numbers = std::move(numbers);
        inputs.variable_texts = std::move(texts);
        std::vector<frame::Page>().swap(pass.result.pages.pages);  // only its folios and count are needed
        previous = std::move(pass.result);
    }
}

}  // namespace reportc::driver
