#pragma once
// <rule/>: a horizontal line of a given length, thickness and colour (signature lines, separators).
#include <vector>

#include "doc/document.h"
#include "layout/context.h"
#include "layout/vlist.h"

namespace reportc::layout {

// Space above and below a rule, so that it never touches the text around it.
inline const Length kRuleSpace = Length::from_pt(6);

// The rule as glue, a box as tall as its thickness holding the line, and glue. A malformed
// length or colour is an error at the rule.
void layout_rule(const doc::Rule& rule, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out);

}  // namespace reportc::layout
