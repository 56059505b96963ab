#include "input/image_reader.h"

namespace reportc::input {

doc::Image read_image(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    doc::Image image;
    image.span = file.span(node);
    image.src = file.required(node, "src", diags).value_or("");
    image.src_span = file.attribute_span(node, "src");
    if (!image.src.empty()) image.path = normalize_path(join_path(file.directory(), image.src));
    image.width = node.attribute("width").value();
    image.height = node.attribute("height").value();
    image.alt = node.attribute("alt").value();
    const std::string fit = node.attribute("fit").as_string("contain");
    if (fit == "cover") image.fit = doc::ImageFit::Cover;
    else if (fit == "none") image.fit = doc::ImageFit::None;
    else if (fit != "contain")
        diags.error(file.attribute_span(node, "fit"), "expected fit 'contain', 'cover' or 'none', found '" + fit + "'");
    file.expect_empty(node, "describe the image in its alt attribute", diags);
    return image;
}

}  // namespace reportc::input
