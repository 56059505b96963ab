#pragma once
// Private to layout: footnotes. A paragraph's text prints each note's mark (its number in the
// layout's footnote-mark character style, a link to the note); the note itself is set in the
// layout's footnote paragraph style across the page body, as an insertion that the page builder
// puts at the foot of the page where its mark falls.
#include <memory>
#include <string>
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/vlist.h"

namespace reportc::layout {

using style::kFootnoteMarkStyle;
using style::kFootnoteStyle;

// The number a footnote prints, from the driver's numbering ("?" before it has one).
std::string footnote_number(const doc::Footnote& note, const LayoutContext& ctx);

// The notes `runs` call, each set as an insertion, in the order of their marks.
std::vector<std::shared_ptr<const Insertion>> layout_footnotes(const std::vector<doc::TextRun>& runs, const BlockEnv& env,
                                                               LayoutContext& ctx);

}  // namespace reportc::layout
