#pragma once
// Private to style: a layout's page master read into a PageMaster.
#include "base/diagnostic.h"
#include "doc/layout_source.h"
#include "style/stylesheet.h"
#include "style/value_reader.h"

namespace reportc::style {

// Its size, orientation, margins, marginals, images and fills; errors at the bad values.
PageMaster build_master(const doc::PageMasterDecl& decl, ValueReader& r, Diagnostics& diags);

// Header and footer slots are set on every page: their character styles are checked once here.
void check_slot_styles(const doc::PageMasterDecl& decl, const Stylesheet& sheet, Diagnostics& diags);

}  // namespace reportc::style
