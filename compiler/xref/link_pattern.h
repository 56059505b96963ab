#pragma once
// Links a layout declares with <link-pattern>: in runs of one character style, each match of a
// regular expression (ECMAScript syntax) becomes a link to an id built from the match's groups.
// See docs/layout-format.md ("<link-pattern>").
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/layout_source.h"

namespace reportc::xref {

struct Registry;

// A run longer than this is not matched (an error at the run): it bounds the regular
// expression's work, and a cross-reference is a short piece of text.
inline constexpr size_t kMaxLinkPatternText = 1000;

class LinkPattern {
public:
    // Compiles the declaration once; a bad expression, target or link-text is an error at its
    // attribute and gives null.
    static std::unique_ptr<LinkPattern> compile(const doc::LinkPatternDecl& decl, Diagnostics& diags);

    const std::string& style() const { return m_decl.style; }
    bool applies_to(const doc::TextRun& run) const;

    // Splits the run into plain text and one link per match, the text unchanged. A group that
    // takes no part in a match keeps its text from the previous match of the run ("1-(b), (c)":
    // "(c)" is in group 1 too). A target that is no id of the document is an error at the run.
    std::vector<doc::TextRun> apply(const doc::TextRun& run, const Registry& registry, Diagnostics& diags) const;
    // The same split, or nullopt when the run stays as it is (no match links anything).
    std::optional<std::vector<doc::TextRun>> split(const doc::TextRun& run, const Registry& registry, Diagnostics& diags) const;

private:
    struct Piece {
        std::string literal;
        int group = -1;  // -1: the literal
        bool lower = false;
    };
    LinkPattern(doc::LinkPatternDecl decl, std::regex re) : m_decl(std::move(decl)), m_re(std::move(re)) {}
    std::string target(const std::vector<std::string>& groups) const;

    doc::LinkPatternDecl m_decl;
    std::regex m_re;
    std::vector<Piece> m_target;
    size_t m_link_text = 0;  // the group whose text becomes the link
};

using LinkPatterns = std::vector<std::unique_ptr<LinkPattern>>;

LinkPatterns compile_link_patterns(const std::vector<doc::LinkPatternDecl>& decls, Diagnostics& diags);

// The run split by the first pattern that applies to it, or nullopt when it stays as it is (no
// pattern applies, or the one that does links nothing): such a run is not copied.
std::optional<std::vector<doc::TextRun>> apply_link_patterns(const doc::TextRun& run, const LinkPatterns& patterns,
                                                             const Registry& registry, Diagnostics& diags);

}  // namespace reportc::xref
