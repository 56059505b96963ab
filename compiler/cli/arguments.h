#pragma once
// Command-line parsing, kept separate from main() so tests can drive it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "source/environment.h"

namespace reportc::cli {

enum class Command { Build, Check, New, Help, Version, Watch };

// --root DIR and --allow-read PATH (repeatable): where a command may read (docs/cli.md).
struct ReadOptions {
    std::string root;  // empty: default_root() of the input
    std::vector<std::string> allow_read;
};

struct Arguments {
    Command command = Command::Help;
    std::string input;
    std::string output;
    bool default_output = false;  // output is default_output(input): its folder is made when missing
    std::string trace;
    bool werror = false;
    bool stats = false;
    std::map<std::string, std::string> variables;  // --set NAME=VALUE (the last one of a name wins)
    std::string title;  // new --title: the starter's title
    ReadOptions read;
    std::string part;   // build --part ID: that section's pages only
    std::string changes_since;  // build --changes-since OLD: a folder or a git revision of the sources
    std::string changes_csv;    // build --changes-csv FILE: the summary of changes as CSV
    unsigned jobs = 0;          // -j N: threads for build, check and watch; 0: the machine's cores
    std::optional<size_t> paragraph_cache_bytes;  // build --paragraph-cache-bytes N: for tests, not in --help
    std::optional<size_t> page_content_bytes;     // build --page-content-bytes N: for tests, not in --help
};

// The value of -j/--jobs: a whole number from 1 to 256, else nullopt.
std::optional<unsigned> thread_count(const std::string& v);
// The same for the value of `option` (-j or --jobs), with the located complaint in `error`.
std::optional<unsigned> thread_count(const std::string& option, const std::string& v, std::string& error);
// `jobs`, or the machine's cores for 0.
unsigned jobs_or_cores(unsigned jobs);

// "NAME=VALUE" of --set into `variables`; false and `error` set when malformed.
bool parse_set(const std::string& assignment, std::map<std::string, std::string>& variables, std::string& error);

// nullopt and `error` set on a usage error (exit status 2).
// The value after the option args[i] (advancing i past it), or nullopt with "expected WHAT after
// OPTION" in `error` when the option ends the line. Every command's parser reads its values so.
std::optional<std::string> option_value(const std::vector<std::string>& args, size_t& i, const char* what, std::string& error);

enum class Taken { No, Yes, Error };
// args[i] as --root or --allow-read into `read` (advancing i past its value); Error and `error`
// set when the value is missing. Every command reading a project takes them so.
Taken read_option(const std::vector<std::string>& args, size_t& i, ReadOptions& read, std::string& error);
// -j N, --jobs N, -jN or --jobs=N at args[i] (moving i past a separate value) into `jobs`:
// No when args[i] is another option, Error with `error` set when the count is bad.
Taken jobs_option(const std::vector<std::string>& args, size_t& i, unsigned& jobs, std::string& error);


// Confines `env` to --root (or the default root of `input`) and --allow-read; false and `error`
// set when a folder or file they name does not exist (a usage error).
bool confine(RealEnvironment& env, const ReadOptions& read, const std::string& input, std::string& error);

std::optional<Arguments> parse_arguments(const std::vector<std::string>& args, std::string& error);
std::string usage();
// out/<name>.pdf, where name is the report's folder for "…/<name>/report.xml", else its stem.
std::string default_output(const std::string& input);

}  // namespace reportc::cli
