#include "data/dataset_loader.h"

#include <cctype>

#include "data/csv_reader.h"
#include "input/data_reader.h"

namespace reportc::data {
namespace {

// The file name's extension, lowercased ("" when there is none).
std::string extension(const std::string& path) {
    size_t slash = path.find_last_of('/');
    size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

std::optional<doc::Dataset> load_dataset(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags, Span from) {
    std::string ext = extension(path);
    if (ext == "xml") return input::read_data_xml(path, env, sources, diags, from);
    if (ext == "csv") return read_csv(path, env, sources, diags, from);
    diags.error(from, "expected a data file ending in .xml or .csv, found '" + path + "'");
    return std::nullopt;
}

}  // namespace reportc::data
