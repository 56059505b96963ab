#pragma once
// Font families, face selection and per-character fallback.
//
// libharu 2.3.0 draws a .notdef box for a character the font lacks and reports nothing
// (docs/libharu-notes.md §L2), so coverage is decided here, before layout measures anything:
// text is split into runs that each use one face having every character of the run.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "source/environment.h"
#include "text/font_face.h"

namespace reportc::text {

// Reads a whole font file; nullptr and a message in `error` when it cannot.
using FontReader = std::function<FontBytes(const std::string& path, std::string& error)>;

// A FontReader over env.read_file ("cannot read font file 'x'"). `env` must outlive it.
FontReader read_fonts_through(const Environment& env);

struct FaceRequest {
    std::string family;
    bool bold = false;
    bool italic = false;
    bool operator==(const FaceRequest&) const = default;
};

struct FontRun {
    int face = 0;  // indexes FontRegistry::face(i)
    std::string text;
    bool operator==(const FontRun&) const = default;
};

struct MissingChar {
    char32_t cp;    // U+FFFD for an invalid UTF-8 byte
    size_t offset;  // byte offset in the input string
    bool operator==(const MissingChar&) const = default;
};

class FontRegistry {
public:
    // Every font file is read through `read`, once per path.
    explicit FontRegistry(FontReader read);
    ~FontRegistry();
    FontRegistry(const FontRegistry&) = delete;
    FontRegistry& operator=(const FontRegistry&) = delete;

    // Registers a family. Any of the four paths may be empty, but not all. Faces are loaded
    // eagerly, in the order regular, bold, italic, bold italic, so face indices follow
    // registration order; a path already loaded (by this or another family) reuses its face
    // and is not read again.
    // Returns false with `error` on an unloadable file or a duplicate family name; the
    // registry then has no new face or family, but remembers a family refused for a file
    // that failed to load (is_declared, unloaded_file).
    bool add_family(const std::string& name, const std::string& regular, const std::string& bold,
                    const std::string& italic, const std::string& bold_italic, std::string& error);
    bool has_family(const std::string& name) const;
    // True for a registered family, and for one refused only because a font file failed to load:
    // that file is the error to report, not every style naming the family.
    bool is_declared(const std::string& name) const;
    // The file that kept `name` from loading ("" for a registered or unknown family).
    std::string unloaded_file(const std::string& name) const;
    // Sets the family's faces without kerning (FontFace::set_kerning); a face shared with
    // another family is shared with its setting too.
    void turn_off_kerning(const std::string& family);
    // Sets the OpenType features of the family's faces (FontFace::set_features), after
    // turn_off_kerning when both are asked.
    void set_features(const std::string& family, const std::vector<FontFeature>& features);
    // Tried in order for characters the requested face lacks; unknown names are skipped.
    void set_fallbacks(std::vector<std::string> families);

    // Face index for family/bold/italic, -1 if the family is unknown. A missing face is
    // replaced as CSS font matching does (style before weight): bold italic -> italic -> bold
    // -> regular; bold -> regular -> bold italic -> italic; italic -> bold italic -> regular ->
    // bold. Nothing is synthesized (no fake bold or slant).
    int resolve(const FaceRequest& req) const;
    const FontFace& face(int index) const;
    size_t face_count() const;

    // Splits text into runs, each set in one face having every character of the run. Per
    // character: the requested face, then for each fallback family its face for the same
    // style, then its regular face. If none has the character: U+2011 -> U+2010 -> '-' and
    // U+00A0 -> ' ' are tried in the same faces (silently: they look the same); otherwise the
    // character is reported in `missing` and replaced by U+FFFD from the first face having it,
    // else by '?'. Invalid UTF-8 bytes are reported as U+FFFD and replaced the same way.
    // Adjacent characters set in the same face form one run. An unknown requested family
    // resolves to the first fallback family that exists; with none, everything is missing and
    // set as '?' in face 0 (returns no runs if the registry is empty).
    std::vector<FontRun> segment(std::string_view utf8, const FaceRequest& req, std::vector<MissingChar>& missing) const;

private:
    struct Family {
        std::string name;
        int faces[4] = {-1, -1, -1, -1};  // regular, bold, italic, bold italic
    };
    std::vector<int> candidates(const FaceRequest& req) const;
    int find_family(const std::string& name) const;
    bool covers_ascii(int face, std::string_view text) const;

    FontReader m_read;
    std::vector<std::unique_ptr<FontFace>> m_faces;
    std::vector<Family> m_families;
    std::map<std::string, int> m_face_by_path;
    std::map<std::string, std::string> m_unloaded;  // family refused for a file -> that file
    std::vector<std::string> m_fallbacks;
    // Per face, which of the 128 ASCII characters it has (filled on first use): most text is
    // ASCII and segmenting it must not look each character up again.
    mutable std::vector<std::vector<int8_t>> m_ascii;  // -1 unknown, 0 missing, 1 present
};

std::ostream& operator<<(std::ostream& os, const FaceRequest& r);
std::ostream& operator<<(std::ostream& os, const FontRun& r);
std::ostream& operator<<(std::ostream& os, const MissingChar& m);

}  // namespace reportc::text
