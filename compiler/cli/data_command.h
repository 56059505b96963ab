#pragma once
// `reportc data export|import`: data files to and from spreadsheets (docs/data-format.md).
#include <optional>
#include <string>
#include <vector>

namespace reportc::cli {

struct DataArguments {
    bool export_ = true;  // export; else import
    std::string input, output, sheet;
};

// nullopt and `error` set on a usage error.
std::optional<DataArguments> parse_data_arguments(const std::vector<std::string>& args, std::string& error);

// The arguments after "data"; the exit status (0 written, 1 errors in the input, 2 usage).
int run_data(const std::vector<std::string>& args);

}  // namespace reportc::cli
