#pragma once
// Private to layout: tables. Columns from content widths (column_widths.h), rows laid out once
// into bands (row_band.h) that page breaking may split, header rows repeated on every page the
// table continues on, group rows kept with what follows.
#include <functional>

#include "layout/block_layout.h"

namespace reportc::layout {

// Boxes set above the repeated header of every row of items[from, end) that repeats one (a
// figure's caption, "(continued)").
void repeat_above_headers(std::vector<VItem>& items, size_t from, const std::vector<VBox>& above);

// `after_band`, when set, is called after each band is appended to `out` (BlockStream hands on
// what is settled of a long table as it goes).
void layout_table(const doc::Table& table, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out,
                  const std::function<void()>& after_band = {});

}  // namespace reportc::layout
