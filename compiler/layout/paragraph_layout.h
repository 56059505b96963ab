#pragma once
// Private to layout: one paragraph, set in a style, as line boxes with widow/orphan penalties.
#include <optional>
#include <string>
#include <vector>

#include "layout/block_layout.h"

namespace reportc::layout {

struct ParagraphOptions {
    ParagraphKey key;      // the node (and which of its paragraphs) for the paragraph cache
    std::string marker;    // a list marker or label hung in the indent of the first line
    std::optional<std::string> anchor;  // a named destination at the first line
    std::optional<frame::OutlineEntry> outline;
    std::optional<std::string> section_mark;
    // The notes the paragraph's text calls: each goes with the line that holds its mark.
    std::vector<std::shared_ptr<const Insertion>> notes;
};

// Converts doc runs to styled runs for `style`, reporting unknown character styles.
std::vector<inl::StyledRun> style_runs(const std::vector<doc::TextRun>& runs, const style::ParagraphStyle& style,
                                       LayoutContext& ctx);

// Sets the runs at the env's measure and indent and appends line boxes to `out`: space-before
// glue, lines with penalties that honour widows/orphans, keep-with-next, space-after glue.
void layout_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                      const ParagraphOptions& options, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

// Minimum and maximum content width of the paragraph as it would be set (indents included).
std::pair<Length, Length> measure_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span,
                                            const ParagraphOptions& options, const BlockEnv& env, LayoutContext& ctx);

// The style named `name`, or an error at `span` and the "body" style (or built-in defaults).
const style::ParagraphStyle& paragraph_style(const std::string& name, Span span, LayoutContext& ctx);

}  // namespace reportc::layout
