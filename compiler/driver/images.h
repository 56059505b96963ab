#pragma once
// Private to driver: every image file a build uses, read once through the environment, decoded
// and checked by the image module before layout; each file that cannot be used is one located
// error at the first element that names it.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "source/environment.h"

namespace reportc::driver {

class ImageLoader {
public:
    // Images may come from `folders` (normalised paths) and their subfolders only.
    ImageLoader(const Environment& env, std::vector<std::string> folders) : m_env(env), m_folders(std::move(folders)) {}

    // Sets image.decoded, or reports why the file cannot be used (once per file).
    void load(doc::Image& image, Diagnostics& diags);

private:
    bool allowed(const std::string& path) const;

    const Environment& m_env;
    std::vector<std::string> m_folders;
    std::map<std::string, std::shared_ptr<const image::Image>> m_decoded;  // by path; null: reported
};

// The folders images may come from: `home` (the report's or the layout's folder) and the
// layout's image-paths (relative to the layout's folder).
std::vector<std::string> image_folders(const std::string& home, const std::string& layout_path,
                                       const std::vector<std::string>& image_paths);

// Every <image src="…{field}…"> gets its fields' values in its path (docs/merge.md); an
// unknown field, or a path left empty, is an error at the src.
void expand_image_sources(doc::Document& document, const std::map<std::string, std::string>& values,
                          const std::string& date_format, Diagnostics& diags);

// Every <image> of the document.
void load_images(doc::Document& document, ImageLoader& loader, Diagnostics& diags);

}  // namespace reportc::driver
