#include "driver/images.h"

#include "doc/walk.h"
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
            if (run.image) loader.load(*run.image, diags);
    }
};

}  // namespace

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
        diags.error(img.span, "expected a PNG or JPEG image in '" + img.src + "', found no such file");
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
