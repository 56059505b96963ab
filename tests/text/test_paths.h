#pragma once
// Paths shared by the text tests: shipped fonts, the hyphenation dictionary, scratch files.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "base/bytes.h"

namespace reportc::text::testing_paths {

inline std::string font(const std::string& rel) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + rel; }
inline const std::string kSans = font("liberation/LiberationSans-Regular.ttf");
inline const std::string kSansBold = font("liberation/LiberationSans-Bold.ttf");
inline const std::string kSansItalic = font("liberation/LiberationSans-Italic.ttf");
inline const std::string kSansBoldItalic = font("liberation/LiberationSans-BoldItalic.ttf");
inline const std::string kDejaVu = font("dejavu/DejaVuSans.ttf");
inline const std::string kDejaVuBold = font("dejavu/DejaVuSans-Bold.ttf");
inline const std::string kDictionary = REPORTC_HYPHEN_DICTIONARY;  // found by tests/CMakeLists.txt

inline std::vector<char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline FontBytes shared(const std::vector<char>& bytes) { return std::make_shared<const std::string>(bytes.begin(), bytes.end()); }
inline FontBytes bytes_of(const std::string& path) { return shared(read_bytes(path)); }

}  // namespace reportc::text::testing_paths
