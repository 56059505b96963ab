#pragma once
// Private to layout: one paragraph, set in a style, as line boxes with widow/orphan penalties.
#include <optional>
#include <string>
#include <vector>

#include "layout/block_layout.h"

namespace reportc::layout {

struct ParagraphOptions {
    Length indent_left;    // added to the style's own indents (list nesting, table cells)
    Length width;          // measure before the style's indents; zero = the context's body width
    std::string marker;    // a list marker or label hung in the indent of the first line
    std::optional<std::string> anchor;  // a named destination at the first line
    std::optional<frame::OutlineEntry> outline;
    std::optional<std::string> section_mark;
    const void* cache_key = nullptr;  // the doc::Paragraph, for LayoutContext::item_cache
};

// Converts doc runs to styled runs for `style`, reporting unknown character styles.
std::vector<inl::StyledRun> style_runs(const std::vector<doc::TextRun>& runs, const style::ParagraphStyle& style,
                                       LayoutContext& ctx);

// Sets the runs and appends line boxes to `out`: space-before glue (unless at_top), lines with
// penalties that honour widows/orphans, keep-with-next, space-after glue.
void layout_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                      const ParagraphOptions& options, LayoutContext& ctx, std::vector<VItem>& out);

// Minimum and maximum content width of the paragraph as it would be set (indents included).
std::pair<Length, Length> measure_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style,
                                            const ParagraphOptions& options, LayoutContext& ctx);

// The style named `name`, or an error at `span` and the "body" style (or built-in defaults).
const style::ParagraphStyle& paragraph_style(const std::string& name, Span span, LayoutContext& ctx);

}  // namespace reportc::layout
