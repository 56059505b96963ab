#pragma once
// Runs commands for end-to-end tests and reads what they print.
#include <string>
#include <utility>
#include <vector>

namespace reportc::e2e {

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs `command` through /bin/sh with stdout and stderr captured separately.
Run run(const std::string& command);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
// A fresh directory under the build tree for one test.
std::string scratch_dir(const std::string& name);
std::string reportc_exe();                     // the binary under test, quoted
std::string source_root();                 // the repository
std::string quote(const std::string& s);   // single-quoted for /bin/sh

// A report built in a fresh scratch folder named after `name`: layout.xml holding `layout`,
// report.xml (an <info> titled T, then `body`) and `files` (name, bytes) beside them, built with
// SOURCE_DATE_EPOCH=0 and a trace.
struct ScratchBuild {
    std::string dir, pdf, trace, err;
    int status = -1;
};
ScratchBuild build_in_scratch(const std::string& name, const std::string& body, const std::string& layout,
                       const std::vector<std::pair<std::string, std::string>>& files = {});

}  // namespace reportc::e2e
