#pragma once
// reportc certificates RUN.xml [--combined FILE.pdf] [-o DIR] [--manifest FILE.csv] [--skip-bad]
// [--quiet] [-j N]: a document once per record of a data file (docs/merge.md).
#include <optional>
#include <string>
#include <vector>

#include "cli/arguments.h"

namespace reportc::cli {

struct CertificateArguments {
    std::string run_file, combined, out_dir, manifest;
    bool skip_bad = false, quiet = false;
    bool help = false;  // --help or -h: print the usage and stop
    unsigned threads = 0;  // 0: the machine's cores
    ReadOptions read;      // --root, --allow-read: the run file's project
};

// nullopt and `error` set on a usage error. With no output named: the combined PDF
// out/<folder>-certificates.pdf, the PDFs in out/<folder>-certificates/ and the manifest there,
// where <folder> is the run file's folder's name.
std::optional<CertificateArguments> parse_certificate_arguments(const std::vector<std::string>& args, std::string& error);

// `args` are the arguments after "certificates". Returns the exit status: 0 written, 1 errors
// (nothing written, unless --skip-bad), 2 usage error.
int run_certificates(const std::vector<std::string>& args);

}  // namespace reportc::cli
