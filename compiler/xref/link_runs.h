#pragma once
// Internal to xref: a paragraph's runs linked once every target is known (declared link
// patterns first, then URLs and e-mail addresses in what stays plain), and the test that picks
// the runs linking could change.
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "xref/link_pattern.h"
#include "xref/xref.h"

namespace reportc::xref {

// A paragraph's runs after references are resolved: split at declared patterns and addresses,
// each <a> target checked against `schemes`. Runs that link nothing stay where they are.
void link_runs(std::vector<doc::TextRun>& runs, const LinkPatterns& patterns, const std::vector<std::string>& schemes,
               const Registry& registry, Diagnostics& diags);

// Whether link_runs could change or check the run: a reference, a link, a declared pattern that
// applies, or text split_at_links looks into (an address, or an empty run it drops).
bool may_link(const doc::TextRun& run, const LinkPatterns& patterns);

}  // namespace reportc::xref
