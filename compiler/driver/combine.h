#pragma once
// Private to driver: the records' frames as one document (the print PDF of a merge), so that
// libharu embeds each font and each image once for all of them.
#include <vector>

#include "frame/frame.h"

namespace reportc::driver {

// The pages of every record in order. Fonts are shared by path (each record's TextItems point
// at the shared list); anchors and internal links get a per-record prefix ("r12-") so that
// records do not take each other's destinations; images are shared already (one decoded image
// per file for all records, see Compiler::prepare).
frame::FrameDocument combine_records(std::vector<frame::FrameDocument> records);

}  // namespace reportc::driver
