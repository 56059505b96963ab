#pragma once
// Text written into XML the project produces (starter files, records, spreadsheet parts): the
// characters XML 1.0 §2.4 and §3.1 reserve in content and attribute values, as entities.
#include <string>
#include <string_view>

namespace reportc {

// `&`, `<`, `>` and `"` as &amp; &lt; &gt; &quot;; every other byte as it is.
std::string xml_escaped(std::string_view text);

}  // namespace reportc
