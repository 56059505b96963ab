#pragma once
// A whole file's contents, read once and shared: a font's bytes feed FreeType, the sfnt checks,
// libharu and the PNG renderer, and whoever holds the pointer keeps the bytes alive.
#include <memory>
#include <string>

namespace reportc {

using FontBytes = std::shared_ptr<const std::string>;

}  // namespace reportc
