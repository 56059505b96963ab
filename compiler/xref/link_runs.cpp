#include "xref/link_runs.h"

#include <iterator>
#include <optional>
#include <utility>

namespace reportc::xref {
namespace {

// What a run becomes: split by a declared link pattern first, then at URLs and e-mail addresses
// in what stays plain; nullopt when it stays as it is.
std::optional<std::vector<doc::TextRun>> linked_pieces(const doc::TextRun& run, const LinkPatterns& patterns,
                                                       const Registry& registry, Diagnostics& diags) {
    auto pieces = apply_link_patterns(run, patterns, registry, diags);
    if (!pieces) return split_at_links(run);
    std::vector<doc::TextRun> out;
    for (auto& piece : *pieces) {
        auto split = piece.rare().link.empty() ? split_at_links(piece) : std::nullopt;
        if (!split) out.push_back(std::move(piece));
        else std::move(split->begin(), split->end(), std::back_inserter(out));
    }
    return out;
}

}  // namespace

// A paragraph's runs after references are resolved. Most paragraphs link nothing: their runs
// stay where they are, and a paragraph that does is rebuilt from its first run that splits, the
// runs before it moved (copying every run was 20 MB of a 4,009-page document's peak).
void link_runs(std::vector<doc::TextRun>& runs, const LinkPatterns& patterns, const std::vector<std::string>& schemes,
               const Registry& registry, Diagnostics& diags) {
    std::optional<std::vector<doc::TextRun>> rebuilt;
    std::string checked;  // an <a> split into several runs is reported once (a copy: the runs move)
    for (size_t i = 0; i < runs.size(); ++i) {
        doc::TextRun& run = runs[i];
        const std::string& link = run.rare().link;
        if (!link.empty() && checked != link) check_link_target(link, run.span, schemes, diags);
        checked = link;
        auto pieces = linked_pieces(run, patterns, registry, diags);
        if (pieces && !rebuilt) {
            rebuilt.emplace();
            rebuilt->reserve(runs.size() + pieces->size());
            std::move(runs.begin(), runs.begin() + std::ptrdiff_t(i), std::back_inserter(*rebuilt));
        }
        if (!rebuilt) continue;
        if (pieces) std::move(pieces->begin(), pieces->end(), std::back_inserter(*rebuilt));
        else rebuilt->push_back(std::move(run));
    }
    if (rebuilt) runs = std::move(*rebuilt);
}

bool may_link(const doc::TextRun& run, const LinkPatterns& patterns) {
    if (run.rare().ref || !run.rare().link.empty() || looked_into_for_links(run)) return true;
    for (const auto& p : patterns)
        if (p && p->applies_to(run)) return true;
    return false;
}

}  // namespace reportc::xref
