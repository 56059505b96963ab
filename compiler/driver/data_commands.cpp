#include "driver/data_commands.h"

#include <cctype>
#include <string_view>

#include "data/data_exchange.h"
#include "data/dataset_loader.h"
#include "driver/compiler.h"
#include "input/xlsx_writer.h"

namespace reportc::driver {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

// A sheet name spreadsheets accept: at most 31 characters, none of []:*?/\ (the file's name
// without its folder and extension).
std::string sheet_name_of(const std::string& path) {
    std::string name = path.substr(0, path.find('#'));
    if (auto slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
    if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
    for (char& c : name)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    if (name.size() > 31) name.resize(31);
    return name.empty() ? "Data" : name;
}

bool write(const std::string& path, const std::string& bytes, Diagnostics& diags) {
    const std::string error = write_file_atomically(path, bytes);
    if (error.empty()) return true;
    diags.error(Span{}, error);
    return false;
}

}  // namespace

bool export_data(const std::string& input, const std::string& output, const std::string& sheet, const Environment& env,
                 SourceManager& sources, Diagnostics& diags) {
    if (!ends_with(output, ".xlsx")) {
        diags.error(Span{}, "expected an output file ending in .xlsx, found '" + output + "'");
        return false;
    }
    auto data = data::load_dataset(input, env, sources, diags, Span{});
    if (!data || diags.has_errors()) return false;
    std::string error;
    const std::string bytes = input::xlsx_bytes(data::sheet_of(*data, sheet.empty() ? sheet_name_of(input) : sheet), error);
    if (bytes.empty()) {
        diags.error(Span{}, error);
        return false;
    }
    return write(output, bytes, diags);
}

bool import_data(const std::string& input, const std::string& sheet, const std::string& output, const Environment& env,
                 SourceManager& sources, Diagnostics& diags) {
    if (!ends_with(input, ".xlsx") && !ends_with(input, ".ods")) {
        diags.error(Span{}, "expected a spreadsheet ending in .xlsx or .ods to import, found '" + input + "'");
        return false;
    }
    if (!ends_with(output, ".xml")) {
        diags.error(Span{}, "expected an output file ending in .xml, found '" + output + "'");
        return false;
    }
    auto data = data::load_dataset(sheet.empty() ? input : input + "#" + sheet, env, sources, diags, Span{});
    if (!data || diags.has_errors()) return false;
    return write(output, data::records_xml(*data), diags);
}

}  // namespace reportc::driver
