#pragma once
// Blocks -> vertical list: paragraphs, headings, articles, lists, figures, tables.
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "inline/typesetter.h"
#include "layout/font_table.h"
#include "layout/vlist.h"
#include "style/stylesheet.h"

namespace reportc::layout {

// Typographic quality of justified lines, measured while setting them.
struct LineStats {
    size_t lines = 0;            // all lines set
    size_t justified_lines = 0;  // lines stretched or shrunk to the measure
    size_t over_1_5 = 0;         // justified lines with a space wider than 1.5x natural
    size_t over_2 = 0;           // … wider than 2x natural
    double max_space_factor = 0;
    size_t overfull_lines = 0;
};

struct TocEntry {
    int level = 1;
    std::string title, anchor;
};

struct LayoutContext {
    const style::Stylesheet& styles;
    const text::FontRegistry& fonts;
    const inl::Typesetter& typesetter;
    FontTable& font_table;
    Diagnostics& diags;
    Length body_width;
    LineStats stats;
    int anchor_counter = 0;
    std::string default_master;  // the page master of the body
    std::string current_master;  // the master the blocks being laid out are set on
    std::string pending_master;  // the next box must start a page of this master
    // While a table is laid out, each cell paragraph's items are built once for measuring and
    // reused for setting (keyed by the doc::Paragraph's address; looked up, never iterated).
    bool cache_items = false;
    std::optional<style::Align> align_override;  // a table cell's align, over its paragraphs' styles
    // From the previous layout pass: the page label each anchor landed on (contents, page refs).
    const std::map<std::string, std::string>* anchor_pages = nullptr;
    std::vector<TocEntry> toc;  // the entries of <contents/>, in document order
    std::unordered_map<const void*, inl::PreparedItems> item_cache;
};

std::vector<VItem> layout_blocks(const std::vector<doc::Block>& blocks, LayoutContext& ctx);

// For table cells: blocks set at `width`, and their minimum and maximum content widths.
std::vector<VItem> layout_blocks_at(const std::vector<doc::Block>& blocks, Length width, LayoutContext& ctx);
std::pair<Length, Length> measure_blocks(const std::vector<doc::Block>& blocks, LayoutContext& ctx);

std::ostream& operator<<(std::ostream& os, const LineStats& s);

}  // namespace reportc::layout
