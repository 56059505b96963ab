#include "xref/link_pattern.h"

#include <algorithm>
#include <cctype>

#include "xref/xref.h"

namespace reportc::xref {
namespace {

const char* describe(std::regex_constants::error_type code) {
    using namespace std::regex_constants;
    switch (code) {
    case error_collate: return "an invalid collating element name";
    case error_ctype: return "an invalid character class name";
    case error_escape: return "an invalid escape or a trailing backslash";
    case error_backref: return "a back reference to a group that does not exist";
    case error_brack: return "an unmatched '['";
    case error_paren: return "an unmatched '(' or ')'";
    case error_brace: return "an unmatched '{'";
    case error_badbrace: return "an invalid count in '{…}'";
    case error_range: return "an invalid character range";
    case error_badrepeat: return "a '*', '+', '?' or '{' with nothing to repeat";
    default: return "an expression too complex to match";
    }
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lowercase(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::unique_ptr<LinkPattern> LinkPattern::compile(const doc::LinkPatternDecl& decl, Diagnostics& diags) {
    std::regex re;
    try {
        re = std::regex(decl.match, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        diags.error(decl.match_span, "expected a regular expression, found '" + decl.match + "': " + describe(e.code()));
        return nullptr;
    }
    if (std::regex_match(std::string(), re)) {
        diags.error(decl.match_span, "expected a regular expression that cannot match empty text, found '" + decl.match + "'");
        return nullptr;
    }
    const size_t groups = re.mark_count();
    std::unique_ptr<LinkPattern> pattern(new LinkPattern(decl, std::move(re)));
    const std::string range = "from 0 to " + std::to_string(groups);
    if (!decl.link_text.empty()) {
        if (!all_digits(decl.link_text) || std::stoul(decl.link_text) > groups) {
            diags.error(decl.link_text_span, "expected link-text to be a group number " + range + ", found '" + decl.link_text + "'");
            return nullptr;
        }
        pattern->m_link_text = std::stoul(decl.link_text);
    }
    // The target: literal text with {N} or {N:lower} for the match's groups.
    const std::string& t = decl.target;
    for (size_t i = 0; i < t.size();) {
        size_t open = t.find('{', i);
        if (open != i) {
            pattern->m_target.push_back({t.substr(i, open - i)});
            if (open == std::string::npos) break;
        }
        size_t close = t.find('}', open);
        std::string inside = t.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        std::string number = inside.substr(0, inside.find(':'));
        bool lower = inside.size() > number.size();
        bool valid = close != std::string::npos && all_digits(number) && std::stoul(number) <= groups &&
                     (!lower || inside.substr(number.size()) == ":lower");
        if (!valid) {
            diags.error(decl.target_span, "expected {N} or {N:lower} with N a group number " + range + " in the target, found '" +
                                              t.substr(open, close == std::string::npos ? std::string::npos : close - open + 1) + "'");
            return nullptr;
        }
        pattern->m_target.push_back({"", int(std::stoul(number)), lower});
        i = close + 1;
    }
    return pattern;
}

bool LinkPattern::applies_to(const doc::TextRun& run) const {
    if (const doc::RunExtras& x = run.rare(); !x.link.empty() || run.line_break || x.ref || x.footnote || x.variable || x.image) return false;
    return std::find(run.char_styles.begin(), run.char_styles.end(), m_decl.style) != run.char_styles.end();
}

std::string LinkPattern::target(const std::vector<std::string>& groups) const {
    std::string out;
    for (const auto& p : m_target)
        out += p.group < 0 ? p.literal : p.lower ? lowercase(groups[size_t(p.group)]) : groups[size_t(p.group)];
    return out;
}

std::vector<doc::TextRun> LinkPattern::apply(const doc::TextRun& run, const Registry& registry, Diagnostics& diags) const {
    auto pieces = split(run, registry, diags);
    return pieces ? std::move(*pieces) : std::vector<doc::TextRun>{run};
}

std::optional<std::vector<doc::TextRun>> LinkPattern::split(const doc::TextRun& run, const Registry& registry,
                                                            Diagnostics& diags) const {
    const std::string& s = run.text;
    if (s.size() > kMaxLinkPatternText) {
        diags.error(run.span, "expected at most " + std::to_string(kMaxLinkPatternText) + " bytes of text in the character style '" +
                                  m_decl.style + "' (a link pattern matches it), found " + std::to_string(s.size()));
        return std::nullopt;
    }
    std::vector<doc::TextRun> out;
    size_t plain_from = 0;
    auto emit = [&](size_t begin, size_t end, const std::string& link) {
        if (end <= begin) return;
        doc::TextRun piece = run;
        piece.text = s.substr(begin, end - begin);
        if (!link.empty()) piece.rare_to_set().link = link;
        out.push_back(std::move(piece));
    };
    std::vector<std::string> groups(m_re.mark_count() + 1);
    try {
        for (std::sregex_iterator it(s.begin(), s.end(), m_re), end; it != end; ++it) {
            const std::smatch& m = *it;
            for (size_t g = 0; g < groups.size(); ++g)
                if (m[g].matched) groups[g] = m[g].str();
            const auto& shown = m[m_link_text];
            if (m.length(0) == 0 || !shown.matched || shown.length() == 0) continue;
            std::string id = target(groups);
            if (!registry.find(id)) {
                diags.error(run.span, "expected the id of a section, article, figure, table, row or paragraph for '" + shown.str() +
                                          "' in '" + s + "', found '" + id + "'");
                continue;
            }
            size_t begin = size_t(shown.first - s.begin()), finish = size_t(shown.second - s.begin());
            emit(plain_from, begin, "");
            emit(begin, finish, "#" + id);
            plain_from = finish;
        }
    } catch (const std::regex_error& e) {
        diags.error(run.span, "the link pattern '" + m_decl.match + "' cannot match this text: " + describe(e.code()));
        return std::nullopt;
    }
    if (plain_from == 0) return std::nullopt;  // nothing linked: the run as it is
    emit(plain_from, s.size(), "");
    return out;
}

LinkPatterns compile_link_patterns(const std::vector<doc::LinkPatternDecl>& decls, Diagnostics& diags) {
    LinkPatterns out;
    for (const auto& d : decls)
        if (auto p = LinkPattern::compile(d, diags)) out.push_back(std::move(p));
    return out;
}

std::optional<std::vector<doc::TextRun>> apply_link_patterns(const doc::TextRun& run, const LinkPatterns& patterns,
                                                             const Registry& registry, Diagnostics& diags) {
    for (const auto& p : patterns)
        if (p->applies_to(run)) return p->split(run, registry, diags);
    return std::nullopt;
}

}  // namespace reportc::xref
