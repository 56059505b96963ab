#include "driver/images.h"

#include "doc/walk.h"
#include "driver/fields.h"
#include "image/image.h"

namespace reportc::driver {
namespace {

// Lexically inside `folder` (both normalised): the folder itself or below it. "." is the
// working directory: any relative path that does not climb out of it.
bool inside(const std::string& path, const std::string& folder) {
    if (folder == ".") return path[0] != '/' && path != ".." && path.rfind("../", 0) != 0;
    if (folder == "/") return path[0] == '/';
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

struct Finder : doc::PassOver<doc::Section, doc::Article, doc::List, doc::ListItem, doc::Signature, doc::Figure,
                              doc::PageBreak, doc::Table, doc::TableRow, doc::TableCell, doc::Chart, doc::Diagram,
                              doc::Contents, doc::Division, doc::Frame, doc::Rule,
                              doc::Qr> {
    using PassOver::enter;
    ImageLoader& loader;
    Diagnostics& diags;
    Finder(ImageLoader& l, Diagnostics& d) : loader(l), diags(d) {}
    void enter(doc::Image& image) { loader.load(image, diags); }
    // Images in a line of text are runs of their paragraph (or of a note it calls).
    void enter(doc::Paragraph& p) { load_inline(p.runs); }
    void enter(doc::Footnote& note) { load_inline(note.runs); }
    void load_inline(std::vector<doc::TextRun>& runs) {
        for (auto& run : runs)
            if (const auto& image = run.rare().image) loader.load(*image, diags);
    }
};

struct SourceFields : doc::PassOver<doc::List, doc::ListItem, doc::Signature, doc::Figure,
                                    doc::PageBreak, doc::Table, doc::TableRow, doc::TableCell, doc::Chart, doc::Diagram,
                                    doc::Contents, doc::Division, doc::Frame, doc::Rule, doc::Paragraph, doc::Footnote> {
    using PassOver::enter;
    const std::map<std::string, std::string>& values;
    const std::string& date_format;
    Diagnostics& diags;
    SourceFields(const std::map<std::string, std::string>& v, const std::string& f, Diagnostics& d) : values(v), date_format(f), diags(d) {}
    void enter(doc::Image& image) {
        if (image.src.find('{') == std::string::npos) return;
        std::string error;
        auto src = expand_pattern(image.src, values, date_format, error);
        if (src && src->empty())
            error = "expected an image file in src '" + image.src + "', found an empty value; add if=\"…\" to leave the image out";
        if (!error.empty()) {
            diags.error(image.src_span, error);
            image.path.clear();
            return;
        }
        // The path was joined to the source's folder as written: the fields are replaced in it,
        // unless the value is a path from the root.
        auto expanded = (*src)[0] == '/' ? src : expand_pattern(image.path, values, date_format, error);
        image.path = expanded ? normalize_path(*expanded) : std::string();
        image.src = *src;
    }
    // A heading is text: a merge's fields print in a section's or article's title as in a slot.
    void enter(doc::Section& section) { expand_title(section.title, section.short_title, section.span); }
    void enter(doc::Article& article) { expand_title(article.title, article.short_title, article.span); }
    void expand_title(std::string& title, std::string& short_title, Span at) {
        for (std::string* text : {&title, &short_title}) {
            if (text->find('{') == std::string::npos) continue;
            std::string error;
            if (auto expanded = expand_pattern(*text, values, date_format, error)) *text = *expanded;
            else diags.error(at, error);
        }
    }
    // A QR code's data may be a pattern too (a certificate's verification URL); its link follows
    // the filled-in data unless link="…" says otherwise.
    void enter(doc::Qr& qr) {
        if (qr.data.find('{') == std::string::npos) return;
        std::string error;
        auto data = expand_pattern(qr.data, values, date_format, error);
        if (!data) {
            diags.error(qr.span, error);
            return;
        }
        qr.data = *data;
        if (!qr.link_given) qr.link = doc::is_link_data(qr.data);
    }
};

}  // namespace

void expand_image_sources(doc::Document& document, const std::map<std::string, std::string>& values,
                          const std::string& date_format, Diagnostics& diags) {
    doc::walk(document.blocks, SourceFields{values, date_format, diags});
}

bool ImageLoader::allowed(const std::string& path) const {
    for (const auto& folder : m_folders)
        if (inside(path, folder)) return true;
    return false;
}

void ImageLoader::load(doc::Image& img, Diagnostics& diags) {
    if (img.path.empty()) return;  // no src: reported by the reader
    if (auto it = m_decoded.find(img.path); it != m_decoded.end()) {
        img.decoded = it->second;
        return;
    }
    auto& slot = m_decoded[img.path];
    if (!allowed(img.path)) {
        diags.error(img.span, "expected an image inside the report's folder '" + (m_folders.empty() ? "" : m_folders.front()) +
                                  "' or a folder the layout's image-paths setting names, found '" + img.src + "'");
        return;
    }
    auto bytes = m_env.read_file(img.path);
    if (!bytes) {
        const std::string why = m_env.why_unreadable(img.path);
        if (why == kNoSuchFile) diags.error(img.span, "expected a PNG or JPEG image in '" + img.src + "', found no such file");
        else diags.error(img.span, "cannot read image '" + img.src + "': " + why);
        return;
    }
    auto decoded = image::decode(*bytes);
    if (auto* rejected = std::get_if<image::Rejected>(&decoded)) {
        diags.error(img.span, "expected a PNG or JPEG image in '" + img.src + "', found " + rejected->found);
        return;
    }
    slot = std::make_shared<const image::Image>(std::move(std::get<image::Image>(decoded)));
    img.decoded = slot;
}

std::vector<std::string> image_folders(const std::string& home, const std::string& layout_path,
                                       const std::vector<std::string>& image_paths) {
    std::vector<std::string> folders{normalize_path(home)};
    for (const auto& path : image_paths) folders.push_back(join_path(parent_directory(layout_path), path));
    return folders;
}

void load_images(doc::Document& document, ImageLoader& loader, Diagnostics& diags) {
    doc::walk(document.blocks, Finder{loader, diags});
}

}  // namespace reportc::driver
