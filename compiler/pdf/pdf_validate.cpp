// Checks run before libharu sees anything: it mangles invalid UTF-8 silently, turns characters
// outside the BMP into spaces, writes label prefixes as raw bytes and poisons the document on
// a path that does not start with a move (docs/libharu-notes.md §L3, §L10, §L9).
#include <string>
#include <string_view>
#include <variant>

#include "base/utf8.h"
#include "pdf/pdf_parts.h"

namespace reportc::pdf {

namespace {

// libharu accepts page sizes from 3 to 14 400 pt (HPDF_MIN/MAX_PAGE_SIZE).
constexpr double kMinPageSize = 3, kMaxPageSize = 14400;

// A printable excerpt of possibly broken text: invalid bytes become \xHH, at most ~40 chars.
std::string excerpt(std::string_view s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    size_t pos = 0, shown = 0;
    while (pos < s.size() && shown < 40) {
        size_t at = pos;
        std::optional<char32_t> cp = utf8::decode(s, pos);
        if (!cp || *cp < 0x20) {
            unsigned char b = static_cast<unsigned char>(s[at]);
            out += std::string("\\x") + digits[b >> 4] + digits[b & 15];
            pos = at + 1;
        } else if (*cp == '"' || *cp == '\\') {
            out += '\\';
            out += char(*cp);
        } else {
            out.append(s.substr(at, pos - at));
        }
        ++shown;
    }
    if (pos < s.size()) out += "…";
    return "\"" + out + "\"";
}

std::string code_point_name(char32_t cp) {
    static const char* digits = "0123456789ABCDEF";
    std::string hex;
    for (char32_t v = cp; v != 0 || hex.size() < 4; v >>= 4) hex.insert(hex.begin(), digits[v & 15]);
    return "U+" + hex;
}

// nullopt when `s` is valid UTF-8 within the BMP; otherwise what is wrong with it.
std::optional<std::string> text_problem(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        size_t at = pos;
        std::optional<char32_t> cp = utf8::decode(s, pos);
        if (!cp) return "invalid UTF-8 at byte " + std::to_string(at) + " in " + excerpt(s);
        if (*cp > 0xFFFF)
            return code_point_name(*cp) + " at byte " + std::to_string(at) + " in " + excerpt(s) +
                   " is outside the Basic Multilingual Plane, which libharu cannot encode";
    }
    return std::nullopt;
}

class Validator {
public:
    explicit Validator(Diagnostics& diags) : m_diags(diags) {}

    void string(std::string_view s, const std::string& where) {
        if (auto problem = text_problem(s)) error(where + ": " + *problem);
    }
    void error(const std::string& message) { m_diags.error(Span{}, "pdf: " + message); }

    void page(const frame::Page& page, size_t number, size_t font_count) {
        const std::string where = "page " + std::to_string(number);
        double w = page.size.width.pt(), h = page.size.height.pt();
        if (w < kMinPageSize || w > kMaxPageSize || h < kMinPageSize || h > kMaxPageSize)
            error(where + ": size " + format_pt(w) + " x " + format_pt(h) + " pt is outside the 3 to 14400 pt libharu supports");
        size_t index = 0;
        for (const frame::Item& item : page.items) {
            ++index;
            const std::string at = where + " item " + std::to_string(index);
            if (const auto* text = std::get_if<frame::TextItem>(&item)) {
                if (text->font < 0 || size_t(text->font) >= font_count)
                    error(at + ": text uses font " + std::to_string(text->font) + " but the document has " +
                          std::to_string(font_count) + " fonts");
                if (text->size <= Length::zero()) error(at + ": text size " + format_pt(text->size.pt()) + " pt is not positive");
                string(text->text, at + ": text");
            } else if (const auto* shape = std::get_if<frame::ShapeItem>(&item)) {
                if (!shape->path.empty() && shape->path.front().kind != frame::PathCommand::Kind::MoveTo)
                    error(at + ": shape path starts with a line, curve or close instead of a move");
                if (shape->stroke && shape->line_width < Length::zero())
                    error(at + ": shape line width " + format_pt(shape->line_width.pt()) + " pt is negative");
            } else if (const auto* link = std::get_if<frame::LinkItem>(&item)) {
                if (link->target.empty()) error(at + ": link has neither a URI nor an anchor");
                string(link->uri(), at + ": link URI");
            }
        }
    }

private:
    Diagnostics& m_diags;
};

}  // namespace

void validate(const frame::FrameDocument& doc, Diagnostics& diags) { validate_except_pages(doc, doc.pages.size(), diags, &doc.pages); }

void validate_page(const frame::Page& page, size_t number, size_t font_count, Diagnostics& diags) {
    Validator(diags).page(page, number, font_count);
}

void validate_except_pages(const frame::FrameDocument& doc, size_t page_count, Diagnostics& diags, const std::vector<frame::Page>* pages) {
    Validator v(diags);
    if (page_count == 0) v.error("the document has no pages");
    for (size_t i = 0; i < doc.fonts.size(); ++i) {
        const frame::FontFile& font = doc.fonts[i];
        if (font.path.empty()) v.error("font " + std::to_string(i) + " has an empty path");
        else if (!font.bytes) v.error("font " + std::to_string(i) + " \"" + font.path + "\" has no bytes: its file was not read");
    }

    const frame::DocumentInfo& info = doc.info;
    v.string(info.title, "document title");
    v.string(info.author, "document author");
    v.string(info.subject, "document subject");
    v.string(info.keywords, "document keywords");
    v.string(info.creator, "document creator");

    if (pages)
        for (size_t i = 0; i < pages->size(); ++i) v.page((*pages)[i], i + 1, doc.fonts.size());

    for (size_t i = 0; i < doc.outline.size(); ++i) {
        const frame::OutlineEntry& entry = doc.outline[i];
        const std::string where = "outline entry " + std::to_string(i + 1);
        v.string(entry.title, where + " title");
        if (entry.level < 1) v.error(where + " has level " + std::to_string(entry.level) + "; levels start at 1");
    }

    for (size_t i = 0; i < doc.page_labels.size(); ++i) {
        const frame::PageLabelRange& range = doc.page_labels[i];
        const std::string where = "page label range " + std::to_string(i + 1);
        if (range.first_page < 0 || size_t(range.first_page) >= page_count)
            v.error(where + " starts at page index " + std::to_string(range.first_page) + " but the document has " +
                    std::to_string(page_count) + " pages");
        if (range.start < 1) v.error(where + " starts numbering at " + std::to_string(range.start) + "; the PDF minimum is 1");
        for (unsigned char c : range.prefix)
            if (c < 0x20 || c > 0x7E) {
                v.error(where + ": prefix " + excerpt(range.prefix) + " is not printable ASCII (libharu writes it as raw bytes)");
                break;
            }
    }
}

}  // namespace reportc::pdf
