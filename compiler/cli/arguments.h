#pragma once
// Command-line parsing, kept separate from main() so tests can drive it.
#include <optional>
#include <string>
#include <vector>

namespace reportc::cli {

enum class Command { Build, Check, Help, Version };

struct Arguments {
    Command command = Command::Help;
    std::string input;
    std::string output;
    std::string trace;
    bool werror = false;
    bool stats = false;
};

// nullopt and `error` set on a usage error (exit status 2).
std::optional<Arguments> parse_arguments(const std::vector<std::string>& args, std::string& error);
std::string usage();
// out/<name>.pdf, where name is the report's folder for "…/<name>/report.xml", else its stem.
std::string default_output(const std::string& input);

}  // namespace reportc::cli
