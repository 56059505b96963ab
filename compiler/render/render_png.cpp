#include "render/render_png.h"

#include "source/atomic_file.h"

#include <cairo.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "base/utf8.h"
#include "render/render_image.h"

namespace reportc::render {
namespace {

// One FreeType library for the process: cairo may keep font faces (and so FT_Faces) cached
// after a render returns, so the library must outlive them all.
FT_Library library() {
    static FT_Library lib = [] {
        FT_Library l = nullptr;
        if (FT_Init_FreeType(&l) != 0) l = nullptr;
        return l;
    }();
    return lib;
}

const cairo_user_data_key_t kFaceKey{};

// What cairo's font face keeps alive: the FT_Face and the font bytes FreeType reads from.
struct OwnedFace {
    OwnedFace(FT_Face f, FontBytes b) : face(f), bytes(std::move(b)) {}
    ~OwnedFace() { FT_Done_Face(face); }
    OwnedFace(const OwnedFace&) = delete;
    OwnedFace& operator=(const OwnedFace&) = delete;
    FT_Face face;
    FontBytes bytes;
};

// A frame font as cairo draws it, with the PDF's advances (floor(advance * 1000 / upem)).
class Font {
public:
    static std::unique_ptr<Font> open(const frame::FontFile& file, std::string& error) {
        const std::string& path = file.path;
        FT_Library lib = library();
        FT_Face face = nullptr;
        if (!file.bytes) {
            error = "font '" + path + "' has no bytes: its file was not read";
            return nullptr;
        }
        const auto* data = reinterpret_cast<const FT_Byte*>(file.bytes->data());
        if (!lib || FT_New_Memory_Face(lib, data, FT_Long(file.bytes->size()), 0, &face) != 0 || !face) {
            error = "font '" + path + "' cannot be read by FreeType";
            return nullptr;
        }
        if (face->units_per_EM == 0) {
            FT_Done_Face(face);
            error = "font '" + path + "' has units-per-em 0";
            return nullptr;
        }
        auto font = std::unique_ptr<Font>(new Font());
        font->m_face = face;
        font->m_cairo = cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_NO_HINTING);
        // The FT_Face, and the bytes it reads from, are released when cairo releases the font
        // face (cairo's documented idiom); cairo may cache it beyond this render.
        auto owned = std::make_unique<OwnedFace>(face, file.bytes);
        auto release = [](void* f) { std::unique_ptr<OwnedFace>(static_cast<OwnedFace*>(f)); };
        if (cairo_font_face_set_user_data(font->m_cairo, &kFaceKey, owned.get(), release) != CAIRO_STATUS_SUCCESS) {
            cairo_font_face_destroy(font->m_cairo);
            font->m_cairo = nullptr;
            error = "cannot use font '" + path + "' with cairo";
            return nullptr;  // `owned` closes the face
        }
        owned.release();  // cairo owns it now
        return font;
    }
    ~Font() {
        if (m_cairo) cairo_font_face_destroy(m_cairo);
    }

    cairo_font_face_t* cairo_face() const { return m_cairo; }
    unsigned glyph(char32_t cp) const { return FT_Get_Char_Index(m_face, cp); }
    int advance_milli(unsigned glyph) {
        auto it = m_advances.find(glyph);
        if (it != m_advances.end()) return it->second;
        int milli = 0;
        if (FT_Load_Glyph(m_face, glyph, FT_LOAD_NO_SCALE) == 0)
            milli = int(std::floor(double(m_face->glyph->metrics.horiAdvance) * 1000.0 / m_face->units_per_EM));
        m_advances.emplace(glyph, milli);
        return milli;
    }

private:
    Font() = default;
    FT_Face m_face = nullptr;
    cairo_font_face_t* m_cairo = nullptr;
    std::map<unsigned, int> m_advances;
};

void set_rgb(cairo_t* cr, Color c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void draw_shape(cairo_t* cr, const frame::ShapeItem& shape) {
    if (shape.path.empty() || (!shape.fill && !shape.stroke)) return;
    cairo_new_path(cr);
    for (const auto& cmd : shape.path) {
        const Point* p = cmd.points;
        switch (cmd.kind) {
        case frame::PathCommand::Kind::MoveTo: cairo_move_to(cr, p[0].x.pt(), p[0].y.pt()); break;
        case frame::PathCommand::Kind::LineTo: cairo_line_to(cr, p[0].x.pt(), p[0].y.pt()); break;
        case frame::PathCommand::Kind::CurveTo:
            cairo_curve_to(cr, p[0].x.pt(), p[0].y.pt(), p[1].x.pt(), p[1].y.pt(), p[2].x.pt(), p[2].y.pt());
            break;
        case frame::PathCommand::Kind::Close: cairo_close_path(cr); break;
        }
    }
    if (shape.fill) {
        cairo_set_fill_rule(cr, shape.fill_rule == frame::FillRule::EvenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
        set_rgb(cr, *shape.fill);
        if (shape.stroke) cairo_fill_preserve(cr);
        else cairo_fill(cr);
    }
    if (shape.stroke) {
        set_rgb(cr, *shape.stroke);
        cairo_set_line_width(cr, shape.line_width.pt());  // in pt: the page scale applies, as in the PDF
        cairo_stroke(cr);
    }
}

bool draw_text(cairo_t* cr, const frame::TextItem& t, std::vector<std::unique_ptr<Font>>& fonts, std::string& error) {
    if (t.font < 0 || size_t(t.font) >= fonts.size() || !fonts[size_t(t.font)]) {
        error = "text item uses font " + std::to_string(t.font) + ", which the document does not have";
        return false;
    }
    Font& font = *fonts[size_t(t.font)];
    const double size = t.size.pt();
    // Font expansion widens or narrows the glyphs and their advances, as the PDF's horizontal
    // scaling (Tz) does, character spacing included.
    const double horizontal = 1 + t.expansion / 1000.0;
    std::vector<cairo_glyph_t> glyphs;
    double x = t.x.pt();
    // The kerning moves the pen after the characters it names, as the PDF's TJ numbers do.
    // A glyph substitution (a ligature) is drawn at its first character; the pen still moves
    // by the characters' advances, and the adjustment after the last holds the difference.
    const std::span<const Kern> kerning = t.kerning.adjustments();
    const std::span<const GlyphSub> subs = t.kerning.substitutions();
    size_t next_kern = 0, next_sub = 0, count = 0, covered_until = 0;
    for (size_t pos = 0; pos < t.text.size();) {
        auto cp = utf8::decode(t.text, pos);
        unsigned g = font.glyph(cp.value_or(0xFFFD));
        while (next_sub < subs.size() && (subs[next_sub].open || subs[next_sub].at < count)) ++next_sub;
        if (next_sub < subs.size() && subs[next_sub].at == count) {
            glyphs.push_back(cairo_glyph_t{subs[next_sub].glyph, x, t.y.pt()});
            covered_until = count + subs[next_sub++].count;
        } else if (count >= covered_until) {
            glyphs.push_back(cairo_glyph_t{g, x, t.y.pt()});
        }
        x += (font.advance_milli(g) * size / 1000.0 + t.tracking.pt()) * horizontal;
        ++count;
        if (next_kern < kerning.size() && kerning[next_kern].at == count) x += kerning[next_kern++].milli * size / 1000.0 * horizontal;
    }
    cairo_set_font_face(cr, font.cairo_face());
    cairo_matrix_t matrix;
    cairo_matrix_init_scale(&matrix, size * horizontal, size);
    cairo_set_font_matrix(cr, &matrix);
    set_rgb(cr, t.color);
    cairo_show_glyphs(cr, glyphs.data(), int(glyphs.size()));
    return true;
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

bool render(const frame::FrameDocument& doc, size_t page_index, const Rect& region, double dpi, const std::string& path,
            std::string& error) {
    if (page_index >= doc.pages.size()) {
        error = "page " + std::to_string(page_index + 1) + " does not exist (the document has " + std::to_string(doc.pages.size()) +
                (doc.pages.size() == 1 ? " page)" : " pages)");
        return false;
    }
    if (!(dpi >= 1 && dpi <= 2400)) {
        error = "expected a resolution from 1 to 2400 dpi";
        return false;
    }
    const double scale = dpi / 72.0;
    const int w = std::max(1, int(std::ceil(region.width.pt() * scale - 1e-6)));
    const int h = std::max(1, int(std::ceil(region.height.pt() * scale - 1e-6)));
    std::vector<std::unique_ptr<Font>> fonts;
    for (const auto& f : doc.fonts) {
        std::string font_error;
        fonts.push_back(Font::open(f, font_error));
        if (!fonts.back()) {
            error = font_error;
            return false;
        }
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    if (ok) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        cairo_translate(cr, -region.x.pt(), -region.y.pt());
        // Never Cairo's hinted metrics (docs/libharu-notes.md §L14); glyphs sit at our own
        // advances.
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        cairo_set_font_options(cr, options);
        cairo_font_options_destroy(options);
        for (const auto& item : doc.pages[page_index].items) {
            if (const auto* s = std::get_if<frame::ShapeItem>(&item)) draw_shape(cr, *s);
            else if (const auto* t = std::get_if<frame::TextItem>(&item)) ok = ok && draw_text(cr, *t, fonts, error);
            else if (const auto* i = std::get_if<frame::ImageItem>(&item)) draw_image(cr, *i);
            if (!ok) break;
        }
        if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
            error = std::string("cairo: ") + cairo_status_to_string(cairo_status(cr));
            ok = false;
        }
    } else {
        error = std::string("cairo: ") + cairo_status_to_string(cairo_status(cr));
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    if (ok) {
        // Encoded in memory, then written as every output is (source/atomic_file.h).
        std::string png;
        cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_png, &png);
        if (status != CAIRO_STATUS_SUCCESS) error = "cannot write '" + path + "': " + cairo_status_to_string(status);
        else error = write_file_atomically(path, png);
        ok = error.empty();
    }
    cairo_surface_destroy(surface);
    fonts.clear();
    return ok;
}

struct Found {
    size_t page = 0;
    Rect rect;
};

// The region between the anchors `name` and `name.end` on one page.
std::optional<Found> anchored(const frame::FrameDocument& doc, const std::string& name) {
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        std::optional<Point> start, end;
        for (const auto& item : doc.pages[p].items)
            if (const auto* a = std::get_if<frame::AnchorItem>(&item)) {
                if (a->name == name) start = a->at;
                else if (a->name == name + ".end") end = a->at;
            }
        if (start && end) return Found{p, Rect{start->x, start->y, end->x - start->x, end->y - start->y}};
    }
    return std::nullopt;
}

}  // namespace

bool render_page_png(const frame::FrameDocument& doc, size_t page_index, double dpi, const std::string& path,
                     std::string& error) {
    if (page_index >= doc.pages.size()) return render(doc, page_index, {}, dpi, path, error);
    const Size size = doc.pages[page_index].size;
    return render(doc, page_index, Rect{Length{}, Length{}, size.width, size.height}, dpi, path, error);
}

bool render_region_png(const frame::FrameDocument& doc, size_t page_index, const Rect& region, double dpi,
                       const std::string& path, std::string& error) {
    return render(doc, page_index, region, dpi, path, error);
}

bool render_items_png(const frame::FrameDocument& doc, const std::string& id, double dpi, const std::string& path,
                      std::string& error) {
    std::optional<Found> found = anchored(doc, id);
    if (!found) {
        // A figure's id: its caption anchor follows the chart or diagram it holds on the page.
        for (size_t p = 0; p < doc.pages.size() && !found; ++p) {
            std::string last;  // the last chart/diagram whose end anchor came before
            const auto& items = doc.pages[p].items;
            for (const auto& item : items) {
                const auto* a = std::get_if<frame::AnchorItem>(&item);
                if (a && a->name == id) {
                    if (!last.empty()) found = anchored(doc, last);
                    break;
                }
                // Only an end anchor directly before the caption's anchor counts.
                if (a && a->name.size() > 4 && a->name.compare(a->name.size() - 4, 4, ".end") == 0) last = a->name.substr(0, a->name.size() - 4);
                else last.clear();
            }
        }
    }
    if (!found) {
        error = "no chart or diagram with the id '" + id + "' (nor a figure holding one) in the document";
        return false;
    }
    const Length margin = Length::from_pt(6);
    Rect r = found->rect;
    r.x -= margin;
    r.y -= margin;
    r.width += margin * 2;
    r.height += margin * 2;
    return render(doc, found->page, r, dpi, path, error);
}

}  // namespace reportc::render
