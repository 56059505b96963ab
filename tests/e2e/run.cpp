#include "run.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace reportc::e2e {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string scratch_dir(const std::string& name) {
    auto dir = std::filesystem::path(REPORTC_BINARY_DIR) / "e2e-scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

Run run(const std::string& command) {
    static int counter = 0;
    std::string err_path = scratch_dir("stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)) + "/err";
    Run r;
    FILE* pipe = ::popen((command + " 2>" + quote(err_path)).c_str(), "r");
    if (!pipe) return r;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err_path);
    return r;
}

std::string reportc_exe() { return quote(REPORTC_EXE); }
std::string source_root() { return REPORTC_SOURCE_ROOT; }

ScratchBuild build_in_scratch(const std::string& name, const std::string& body, const std::string& layout,
                       const std::vector<std::pair<std::string, std::string>>& files) {
    ScratchBuild b;
    b.dir = scratch_dir(name + "-" + std::to_string(::getpid()));
    for (const auto& [file, bytes] : files) write_file(b.dir + "/" + file, bytes);
    write_file(b.dir + "/layout.xml", layout);
    write_file(b.dir + "/report.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"layout.xml\">\n"
                                      "<info><title>T</title></info>\n" + body + "\n</report>\n");
    b.pdf = b.dir + "/out.pdf";
    b.trace = b.dir + "/out.trace";
    auto r = run("SOURCE_DATE_EPOCH=0 " + reportc_exe() + " build " + quote(b.dir + "/report.xml") + " -o " + quote(b.pdf) +
                 " --trace " + quote(b.trace));
    b.status = r.status;
    b.err = r.err;
    return b;
}

}  // namespace reportc::e2e
