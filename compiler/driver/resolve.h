#pragma once
// Private to driver: the report resolved a part (a top-level block) at a time and encoded as it
// goes (issue 16: memory that does not grow with the body). Each part is expanded (data tables,
// charts, images), numbered, given its variables, ids and targets, counted into the navigation
// and encoded, in document order, so that the document as resolved is never whole in memory
// (4,009 pages: its 28 MB were the peak of the build). Once every target is known, the parts
// whose references or links need them are read back, resolved and encoded again.
#include <optional>
#include <vector>

#include "data/changes.h"
#include "doc/document.h"
#include "doc/encoded_blocks.h"
#include "doc/footprint.h"
#include "driver/compiler.h"
#include "driver/images.h"
#include "driver/navigation.h"
#include "driver/resources.h"
#include "driver/variables.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::driver {

struct Resolved {
    Variables variables;
    Navigation navigation;
    std::optional<doc::Footprint> footprint;  // the resolved document's, counted a part at a time (Options::count_document)
    bool read_back = true;  // false: a part could not be read back from the temporary file (reported)
};

// `document`'s blocks resolved into `blocks` (left empty); its node count is the document's.
// Diagnostics come part by part, each part's in the order of the steps.
Resolved resolve(doc::Document& document, const Resources& res, const Options& options, const Environment& env,
                 SourceManager& sources, ImageLoader& images, std::vector<data::RecordChange>& changes,
                 doc::EncodedBlocks& blocks, Diagnostics& diags);

}  // namespace reportc::driver
