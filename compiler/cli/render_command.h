#pragma once
// reportc render REPORT.xml --png DIR [--page N] [--dpi D] [--id ID] [--set NAME=VALUE]: PNG previews of pages, or
// of one chart or diagram, drawn with Cairo from the same frames the PDF is written from.
#include <string>
#include <vector>

namespace reportc::cli {

// `args` are the arguments after "render". Prints diagnostics and what it wrote to stderr.
// Returns the exit status: 0 written, 1 the input has errors or a PNG cannot be written,
// 2 usage error.
int run_render(const std::vector<std::string>& args);

std::string render_usage();

}  // namespace reportc::cli
