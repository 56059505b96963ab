#pragma once
// Private to layout: a paragraph style's fit="shrink" (docs/layout-format.md#fitting-text-to-its-line),
// for text that must stay on its line whatever its length, such as a name on a certificate.
#include <optional>
#include <vector>

#include "inline/paragraph_input.h"
#include "layout/context.h"

namespace reportc::layout {

// The paragraph as fit="shrink" sets it: its runs at the chosen size, its style with that size
// (leading scaled alike, fit none), and the env narrowed for two balanced lines.
struct FittedParagraph {
    std::vector<inl::StyledRun> runs;
    style::ParagraphStyle style;
    BlockEnv env;
};

// One line at the style's size if the text fits; else one line at the largest size in steps of
// style::kFitStep down to min-font-size; else two lines of about equal length at min-font-size.
// Nothing, and an error at `span` naming the text, when even two lines at the minimum do not
// hold it: such text is never set overflowing or clipped.
std::optional<FittedParagraph> fit_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style,
                                             Span span, const BlockEnv& env, LayoutContext& ctx);

}  // namespace reportc::layout
