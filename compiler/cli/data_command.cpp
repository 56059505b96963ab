#include "cli/data_command.h"

#include <iostream>

#include "cli/arguments.h"
#include "cli/diagnostics_printer.h"
#include "driver/data_commands.h"

namespace reportc::cli {

std::optional<DataArguments> parse_data_arguments(const std::vector<std::string>& args, std::string& error) {
    DataArguments a;
    if (args.empty() || (args[0] != "export" && args[0] != "import")) {
        error = "expected 'export' or 'import' after 'data'" + (args.empty() ? std::string() : ", found '" + args[0] + "'");
        return std::nullopt;
    }
    a.export_ = args[0] == "export";
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-o" || arg == "--output") {
            auto v = option_value(args, i, "a file name", error);
            if (!v) return std::nullopt;
            a.output = *v;
        } else if (arg == "--sheet") {
            auto v = option_value(args, i, "a sheet name", error);
            if (!v) return std::nullopt;
            a.sheet = *v;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "' of 'data " + args[0] + "'";
            return std::nullopt;
        } else if (a.input.empty()) {
            a.input = arg;
        } else {
            error = "expected one data file, found a second one: '" + arg + "'";
            return std::nullopt;
        }
    }
    if (a.input.empty()) error = "expected a data file after 'data " + args[0] + "'";
    else if (a.output.empty()) error = std::string("expected -o ").append(a.export_ ? "FILE.xlsx" : "FILE.xml").append(" after 'data ").append(args[0]).append("'");
    if (!error.empty()) return std::nullopt;
    return a;
}

int run_data(const std::vector<std::string>& args) {
    std::string error;
    auto parsed = parse_data_arguments(args, error);
    if (!parsed) {
        std::cerr << "reportc: error: " << error << "\n\n" << usage();
        return 2;
    }
    RealEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    const bool written = parsed->export_ ? driver::export_data(parsed->input, parsed->output, parsed->sheet, env, sources, diags)
                                         : driver::import_data(parsed->input, parsed->sheet, parsed->output, env, sources, diags);
    print_diagnostics(diags, sources);
    if (!written) return 1;
    std::cerr << "wrote " << parsed->output << "\n";
    return 0;
}

}  // namespace reportc::cli
