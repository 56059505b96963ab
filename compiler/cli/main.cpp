// reportc: the command-line entry point. Parses arguments, runs the driver, prints diagnostics.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/arguments.h"
#include "cli/certificates_command.h"
#include "cli/changes_command.h"
#include "cli/data_command.h"
#include "cli/diagnostics_printer.h"
#include "cli/new_command.h"
#include "cli/render_command.h"
#include "cli/watch_command.h"
#include "driver/compiler.h"

#ifndef REPORTC_FONTS_DIR
#define REPORTC_FONTS_DIR "fonts/liberation"
#endif

#ifndef REPORTC_VERSION
#define REPORTC_VERSION "0.0.0"
#endif

using namespace reportc;


int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "render") return cli::run_render({args.begin() + 1, args.end()});
    if (!args.empty() && args[0] == "certificates") return cli::run_certificates({args.begin() + 1, args.end()});
    if (!args.empty() && args[0] == "data") return cli::run_data({args.begin() + 1, args.end()});
    std::string error;
    auto parsed = cli::parse_arguments(args, error);
    if (!parsed) {
        std::cerr << "reportc: error: " << error << "\n\n" << cli::usage();
        return 2;
    }
    if (parsed->command == cli::Command::Help) {
        std::cout << cli::usage();
        return 0;
    }
    if (parsed->command == cli::Command::Version) {
        std::cout << "reportc " << REPORTC_VERSION << "\n";
        return 0;
    }
    if (parsed->command == cli::Command::New)
        return cli::run_new(parsed->input, parsed->title.empty() ? "My Report" : parsed->title, REPORTC_FONTS_DIR);
    if (parsed->default_output) {
        // out/ beside where reportc runs: made on first use, so a new report builds at once.
        std::error_code ignored;  // a failure shows as the PDF's own write error
        std::filesystem::create_directories(std::filesystem::path(parsed->output).parent_path(), ignored);
    }
    if (parsed->command == cli::Command::Watch) return cli::run_watch(*parsed);
    driver::Options options;
    options.input = parsed->input;
    options.output = parsed->command == cli::Command::Build ? parsed->output : "";
    options.trace_output = parsed->trace;
    options.werror = parsed->werror;
    options.variables = parsed->variables;
    options.check_register = parsed->command == cli::Command::Check;
    options.part = parsed->part;
    options.jobs = cli::jobs_or_cores(parsed->jobs);
    options.count_libharu = parsed->stats;
    options.count_document = parsed->stats;
    options.paragraph_cache_bytes = parsed->paragraph_cache_bytes;
    options.page_content_bytes = parsed->page_content_bytes;
    cli::OldSources old_sources;  // a revision's sources stay unpacked until the build is done
    if (!parsed->changes_since.empty()) {
        auto folder = old_sources.open(parsed->changes_since, parsed->input, error);
        if (!folder) {
            std::cerr << "reportc: error: " << error << "\n";
            return 2;
        }
        options.changes_since = *folder;
        parsed->read.allow_read.push_back(*folder);  // the earlier sources may lie outside the root (a temporary folder)
    }
    RealEnvironment env;
    if (!cli::confine(env, parsed->read, parsed->input, error)) {
        std::cerr << "reportc: error: " << error << "\n";
        return 2;
    }
    SourceManager sources;
    Diagnostics diags;
    auto outcome = driver::compile(options, env, sources, diags);
    cli::print_diagnostics(diags, sources);
    if (parsed->stats) {
        const auto& s = outcome.stats;
        std::printf("pages: %zu\nlines: %zu\njustified lines: %zu\nspaces over 1.5x natural: %zu (%.2f%%)\n"
                    "spaces over 2x natural: %zu\nwidest space: %.3fx natural\noverfull lines: %zu\n",
                    outcome.pages, s.lines, s.justified_lines, s.over_1_5,
                    s.justified_lines ? 100.0 * double(s.over_1_5) / double(s.justified_lines) : 0.0, s.over_2,
                    s.max_space_factor, s.overfull_lines);
        std::printf("layout passes: %d\nparagraphs set: %zu\nparagraphs reused from an earlier pass or build: %zu\n", outcome.layout_passes,
                    outcome.paragraphs_set, outcome.paragraphs_reused);
        if (outcome.document_bytes_in_memory + outcome.document_bytes_stored)
            std::printf("the encoded document: %zu bytes, %zu in memory, %zu in the temporary file\n",
                        outcome.document_bytes_in_memory + outcome.document_bytes_stored, outcome.document_bytes_in_memory,
                        outcome.document_bytes_stored);
        if (outcome.document_kept)
            std::printf("the document: kept as read during layout (fewer than %u nodes), not encoded\n",
                        unsigned(driver::kDocumentKeptBelowNodes));
        if (outcome.libharu_bytes)
            std::printf("libharu heap at the save: %zu bytes in %zu blocks\n", outcome.libharu_bytes, outcome.libharu_blocks);
        if (outcome.pages_stored) std::printf("pages whose content waited in a temporary file: %zu\n", outcome.pages_stored);
        std::cout << outcome.document_footprint;
        std::printf("phases (wall time): %s\n", driver::describe(outcome.phases).c_str());
    }
    if (outcome.success && !parsed->changes_since.empty()) std::cout << cli::summary_of(outcome.changes) << std::flush;
    if (outcome.success && !parsed->changes_csv.empty())
        if (auto failed = driver::write_file_atomically(parsed->changes_csv, data::changes_csv(outcome.changes)); !failed.empty()) {
            std::cerr << "reportc: error: " << failed << "\n";
            return 1;
        }
    if (!outcome.success) return 1;
    if (parsed->command == cli::Command::Build) std::cerr << "wrote " << options.output << " (" << outcome.pages << (outcome.pages == 1 ? " page)\n" : " pages)\n");
    return 0;
}
