#include "text/font_registry.h"

#include <algorithm>
#include <optional>

#include "base/utf8.h"

namespace reportc::text {
namespace {

enum Slot { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

// CSS Fonts §5.2 matching reduced to two weights and two styles: style is matched before
// weight, and a bold request prefers heavier, a normal one lighter.
constexpr int kPreference[4][4] = {
    {Regular, Bold, Italic, BoldItalic},  // regular
    {Bold, Regular, BoldItalic, Italic},  // bold
    {Italic, BoldItalic, Regular, Bold},  // italic
    {BoldItalic, Italic, Bold, Regular},  // bold italic
};

int slot_of(bool bold, bool italic) { return (bold ? Bold : 0) + (italic ? Italic : 0); }

// Look-alikes tried in every candidate face before a character is declared missing, e.g. for
// the non-breaking hyphen Liberation Sans lacks (docs/libharu-notes.md §L2).
std::vector<char32_t> substitutes(char32_t cp) {
    switch (cp) {
    case U'\u2011': return {U'\u2010', U'-'};
    case U'\u2010': return {U'-'};
    case U'\u00A0': return {U' '};
    default: return {};
    }
}

}  // namespace

namespace {

// "…/DejaVuSans.ttf" has one, "DejaVu Serif" (a family name written where a path belongs) has not.
bool has_extension(const std::string& path) {
    size_t name = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    return dot != std::string::npos && (name == std::string::npos || dot > name + 1);
}

}  // namespace

FontReader read_fonts_through(const Environment& env) {
    return [&env](const std::string& path, std::string& error) -> FontBytes {
        std::optional<std::string> bytes = env.read_file(path, FileUse::FontOrDictionary);
        if (!bytes) {
            std::string why = env.why_unreadable(path, FileUse::FontOrDictionary);
            if (!has_extension(path) && why == kNoSuchFile)
                error = "expected the path of a font file such as fonts/Name.ttf, found '" + path +
                        "' (no such file; fonts are not looked up by family name)";
            else
                error = "cannot read font file '" + path + "': " + why;
            return nullptr;
        }
        return std::make_shared<const std::string>(std::move(*bytes));
    };
}

FontRegistry::FontRegistry(FontReader read) : m_read(std::move(read)) {}
FontRegistry::~FontRegistry() = default;

int FontRegistry::find_family(const std::string& name) const {
    for (size_t i = 0; i < m_families.size(); ++i)
        if (m_families[i].name == name) return int(i);
    return -1;
}

bool FontRegistry::add_family(const std::string& name, const std::string& regular, const std::string& bold,
                              const std::string& italic, const std::string& bold_italic, std::string& error) {
    if (find_family(name) >= 0) {
        error = "font family '" + name + "' is already registered";
        return false;
    }
    Family family;
    family.name = name;
    const std::string* paths[4] = {&regular, &bold, &italic, &bold_italic};
    if (std::all_of(std::begin(paths), std::end(paths), [](const std::string* p) { return p->empty(); })) {
        error = "font family '" + name + "' has no font files";
        return false;
    }
    const size_t faces_before = m_faces.size();
    std::vector<std::string> added_paths;
    for (int slot = 0; slot < 4; ++slot) {
        const std::string& path = *paths[slot];
        if (path.empty()) continue;
        if (auto it = m_face_by_path.find(path); it != m_face_by_path.end()) {
            family.faces[slot] = it->second;
            continue;
        }
        FontBytes bytes = m_read(path, error);
        std::unique_ptr<FontFace> face = bytes ? FontFace::load(path, std::move(bytes), error) : nullptr;
        if (!face) {
            // Leave the registry as it was, so indices stay deterministic after an error.
            m_faces.resize(faces_before);
            for (const std::string& p : added_paths) m_face_by_path.erase(p);
            m_unloaded.emplace(name, path);
            return false;
        }
        family.faces[slot] = int(m_faces.size());
        m_face_by_path[path] = family.faces[slot];
        added_paths.push_back(path);
        m_faces.push_back(std::move(face));
    }
    m_families.push_back(std::move(family));
    return true;
}

bool FontRegistry::has_family(const std::string& name) const { return find_family(name) >= 0; }

bool FontRegistry::is_declared(const std::string& name) const { return has_family(name) || m_unloaded.contains(name); }

std::string FontRegistry::unloaded_file(const std::string& name) const {
    auto it = m_unloaded.find(name);
    return it == m_unloaded.end() ? "" : it->second;
}

void FontRegistry::set_fallbacks(std::vector<std::string> families) { m_fallbacks = std::move(families); }

void FontRegistry::turn_off_kerning(const std::string& family) {
    const int f = find_family(family);
    if (f < 0) return;
    for (int face : m_families[size_t(f)].faces)
        if (face >= 0) m_faces[size_t(face)]->set_kerning(false);
}

void FontRegistry::set_features(const std::string& family, const std::vector<FontFeature>& features) {
    const int f = find_family(family);
    if (f < 0) return;
    for (int face : m_families[size_t(f)].faces)
        if (face >= 0) m_faces[size_t(face)]->set_features(features);
}

int FontRegistry::resolve(const FaceRequest& req) const {
    int f = find_family(req.family);
    if (f < 0) return -1;
    for (int slot : kPreference[slot_of(req.bold, req.italic)])
        if (m_families[f].faces[slot] >= 0) return m_families[f].faces[slot];
    return -1;  // unreachable: add_family refuses a family without faces
}

const FontFace& FontRegistry::face(int index) const { return *m_faces.at(size_t(index)); }

size_t FontRegistry::face_count() const { return m_faces.size(); }

std::vector<int> FontRegistry::candidates(const FaceRequest& req) const {
    std::vector<int> out;
    auto add = [&](int face) {
        if (face >= 0 && std::find(out.begin(), out.end(), face) == out.end()) out.push_back(face);
    };
    add(resolve(req));
    for (const std::string& fallback : m_fallbacks) {
        add(resolve({fallback, req.bold, req.italic}));
        add(resolve({fallback, false, false}));
    }
    return out;
}

bool FontRegistry::covers_ascii(int face, std::string_view text) const {
    if (face < 0) return false;
    if (m_ascii.size() <= size_t(face)) m_ascii.resize(m_faces.size());
    auto& known = m_ascii[size_t(face)];
    if (known.empty()) known.assign(128, -1);
    for (unsigned char c : text) {
        if (c >= 0x80) return false;
        if (known[c] < 0) known[c] = m_faces[size_t(face)]->has_glyph(c) ? 1 : 0;
        if (!known[c]) return false;
    }
    return true;
}

std::vector<FontRun> FontRegistry::segment(std::string_view utf8, const FaceRequest& req,
                                           std::vector<MissingChar>& missing) const {
    std::vector<FontRun> runs;
    // The common case: ASCII text the requested face fully covers is one run, as it is.
    if (int face = resolve(req); !utf8.empty() && covers_ascii(face, utf8)) {
        runs.push_back({face, std::string(utf8)});
        return runs;
    }
    const std::vector<int> faces = candidates(req);
    auto first_having = [&](char32_t cp) -> int {
        for (int f : faces)
            if (m_faces[size_t(f)]->has_glyph(cp)) return f;
        return -1;
    };
    // The replacement for missing characters is the same for the whole string.
    std::optional<std::pair<int, char32_t>> replacement;
    auto get_replacement = [&]() {
        if (!replacement) {
            if (int f = first_having(U'\uFFFD'); f >= 0) {
                replacement = std::make_pair(f, U'\uFFFD');
            } else {
                int q = first_having(U'?');
                replacement = std::make_pair(q >= 0 ? q : faces.empty() ? 0 : faces.front(), U'?');
            }
        }
        return *replacement;
    };
    auto append = [&](int face, char32_t cp) {
        if (runs.empty() || runs.back().face != face) runs.push_back({face, {}});
        utf8::append(runs.back().text, cp);
    };

    for (size_t pos = 0; pos < utf8.size();) {
        const size_t offset = pos;
        std::optional<char32_t> decoded = utf8::decode(utf8, pos);
        if (!decoded) {
            missing.push_back({U'\uFFFD', offset});
            if (!m_faces.empty()) append(get_replacement().first, get_replacement().second);
            continue;
        }
        const char32_t cp = *decoded;
        if (int f = first_having(cp); f >= 0) {
            // The bytes are already valid UTF-8: copy them rather than re-encode.
            if (runs.empty() || runs.back().face != f) {
                runs.push_back({f, {}});
                runs.back().text.reserve(utf8.size() - offset);
            }
            runs.back().text.append(utf8.substr(offset, pos - offset));
            continue;
        }
        bool substituted = false;
        for (char32_t sub : substitutes(cp)) {
            if (int f = first_having(sub); f >= 0) {
                append(f, sub);
                substituted = true;
                break;
            }
        }
        if (substituted) continue;
        missing.push_back({cp, offset});
        if (!m_faces.empty()) append(get_replacement().first, get_replacement().second);
    }
    return runs;
}

}  // namespace reportc::text
