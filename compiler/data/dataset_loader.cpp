#include "data/dataset_loader.h"

#include <cctype>

#include "data/csv_reader.h"
#include "doc/limits.h"
#include "input/data_reader.h"
#include "input/spreadsheet_reader.h"

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

// A data file of more records than a table may hold rows is one error, at the first record
// beyond, and no records (as read_csv does for CSV files).
std::optional<doc::Dataset> within_limit(std::optional<doc::Dataset> data, Diagnostics& diags) {
    if (!data || data->record_count() <= doc::kMaxTableRows) return data;
    size_t seen = 0;
    for (const auto& group : data->groups)
        for (const auto& record : group.records)
            if (++seen > doc::kMaxTableRows) {
                diags.error(record.span, "expected at most " + std::to_string(doc::kMaxTableRows) + " records in a data file, found " +
                                             std::to_string(data->record_count()));
                return std::nullopt;
            }
    return std::nullopt;  // not reached: the count says there is one beyond
}

}  // namespace

std::optional<doc::Dataset> load_dataset(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags, Span from) {
    // A spreadsheet's sheet follows a '#': "plan.xlsx#Actions", "plan.ods#2".
    const size_t hash = path.find('#');
    const std::string file = path.substr(0, hash);
    const std::string sheet = hash == std::string::npos ? "" : path.substr(hash + 1);
    std::string ext = extension(file);
    if (ext == "xlsx" || ext == "ods") return within_limit(input::read_spreadsheet(file, sheet, env, sources, diags, from), diags);
    if (hash != std::string::npos) {
        diags.error(from, "expected a sheet ('#…') only after a spreadsheet (.xlsx or .ods), found '" + path + "'");
        return std::nullopt;
    }
    if (ext == "xml") return within_limit(input::read_data_xml(path, env, sources, diags, from), diags);
    if (ext == "csv") return read_csv(path, env, sources, diags, from);
    diags.error(from, "expected a data file ending in .xml, .csv, .xlsx or .ods, found '" + path + "'");
    return std::nullopt;
}

}  // namespace reportc::data
