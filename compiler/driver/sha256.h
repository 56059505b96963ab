#pragma once
// SHA-256 (FIPS 180-4) of a file's bytes, for the certificates' manifest: a mailing tool or a
// reader checks the PDF it got against it.
#include <string>
#include <string_view>

namespace reportc::driver {

// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace reportc::driver
