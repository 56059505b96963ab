#include "cli/render_command.h"
#include "cli/arguments.h"
#include "cli/diagnostics_printer.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "driver/compiler.h"
#include "frame/frame.h"
#include "render/render_png.h"
#include "source/atomic_file.h"

namespace reportc::cli {
namespace {

struct RenderArguments {
    std::string input, dir, id;
    std::optional<size_t> page;  // 1-based as written
    double dpi = 72;
    std::map<std::string, std::string> variables;  // --set, as for build
    ReadOptions read;                              // --root, --allow-read
    unsigned jobs = 0;                             // -j N, as for build (0: the machine's cores)
};

std::optional<RenderArguments> parse(const std::vector<std::string>& args, std::string& error) {
    RenderArguments a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* what) { return option_value(args, i, what, error); };
        if (auto taken = read_option(args, i, a.read, error); taken != Taken::No) {
            if (taken == Taken::Error) return std::nullopt;
        } else if (arg == "--png") {
            auto v = value("a folder");
            if (!v) return std::nullopt;
            a.dir = *v;
        } else if (arg == "--page") {
            auto v = value("a page number");
            if (!v) return std::nullopt;
            size_t used = 0;
            long n = 0;
            try { n = std::stol(*v, &used); } catch (...) { used = 0; }
            if (used != v->size() || n < 1) {
                error = "expected a page number from 1 after --page, found '" + *v + "'";
                return std::nullopt;
            }
            a.page = size_t(n);
        } else if (arg == "--dpi") {
            auto v = value("a resolution");
            if (!v) return std::nullopt;
            size_t used = 0;
            double d = 0;
            try { d = std::stod(*v, &used); } catch (...) { used = 0; }
            if (used != v->size() || !(d >= 1 && d <= 2400)) {
                error = "expected a resolution from 1 to 2400 after --dpi, found '" + *v + "'";
                return std::nullopt;
            }
            a.dpi = d;
        } else if (arg == "--set") {
            auto v = value("NAME=VALUE");
            if (!v || !parse_set(*v, a.variables, error)) return std::nullopt;
        } else if (auto taken = jobs_option(args, i, a.jobs, error); taken != Taken::No) {
            if (taken == Taken::Error) return std::nullopt;
        } else if (arg == "--id") {
            auto v = value("a chart, diagram or figure id");
            if (!v) return std::nullopt;
            a.id = *v;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "'";
            return std::nullopt;
        } else if (a.input.empty()) {
            a.input = arg;
        } else {
            error = "expected one report file, found a second one: '" + arg + "'";
            return std::nullopt;
        }
    }
    if (a.input.empty()) error = "expected a report file (REPORT.xml)";
    else if (a.dir.empty()) error = "expected --png DIR, the folder the PNG files are written to";
    else if (a.page && !a.id.empty()) error = "expected --page or --id, not both";
    if (!error.empty()) return std::nullopt;
    return a;
}

std::string page_file(const std::string& dir, size_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%03zu.png", number);
    return (std::filesystem::path(dir) / name).string();
}

}  // namespace

std::string render_usage() {
    return "usage: reportc render REPORT.xml --png DIR [--page N] [--dpi D] [--id ID] [--set NAME=VALUE]...\n"
           "                     [--root DIR] [--allow-read PATH]... [-j N]\n"
           "  writes DIR/page-001.png … (every page, or page N only), or DIR/ID.png for the chart or\n"
           "  diagram with that id (or the one in the figure with that id); D defaults to 72 (1 px per pt)\n";
}

int run_render(const std::vector<std::string>& args) {
    std::string error;
    auto parsed = parse(args, error);
    if (!parsed) {
        std::cerr << "reportc: error: " << error << "\n\n" << render_usage();
        return 2;
    }
    frame::FrameDocument frames;
    driver::Options options;
    options.input = parsed->input;
    options.frames_out = &frames;
    options.variables = parsed->variables;
    options.jobs = jobs_or_cores(parsed->jobs);
    RealEnvironment env;
    if (!confine(env, parsed->read, parsed->input, error)) {
        std::cerr << "reportc: error: " << error << "\n";
        return 2;
    }
    SourceManager sources;
    Diagnostics diags;
    auto outcome = driver::compile(options, env, sources, diags);
    print_diagnostics(diags, sources);
    if (!outcome.success) return 1;

    std::error_code ec;
    std::filesystem::create_directories(parsed->dir, ec);
    if (ec) {
        std::cerr << "reportc: error: cannot create the folder '" << parsed->dir << "': " << ec.message() << "\n";
        return 1;
    }
    std::vector<std::string> written;
    // A preview never replaces a file the build read (an image named page-001.png, say).
    auto allowed = [&](const std::string& path) {
        error = refusal_to_write(path, outcome.inputs);
        return error.empty();
    };
    bool ok = true;
    if (!parsed->id.empty()) {
        std::string path = (std::filesystem::path(parsed->dir) / (parsed->id + ".png")).string();
        ok = allowed(path) && render::render_items_png(frames, parsed->id, parsed->dpi, path, error);
        if (ok) written.push_back(path);
    } else if (parsed->page) {
        std::string path = page_file(parsed->dir, *parsed->page);
        ok = allowed(path) && render::render_page_png(frames, *parsed->page - 1, parsed->dpi, path, error);
        if (ok) written.push_back(path);
    } else {
        for (size_t p = 0; p < frames.pages.size() && ok; ++p) {
            std::string path = page_file(parsed->dir, p + 1);
            ok = allowed(path) && render::render_page_png(frames, p, parsed->dpi, path, error);
            if (ok) written.push_back(path);
        }
    }
    if (!ok) {
        std::cerr << "reportc: error: " << error << "\n";
        return 1;
    }
    if (written.size() == 1) std::cerr << "wrote " << written.front() << "\n";
    else std::cerr << "wrote " << written.size() << " PNG files to " << parsed->dir << "\n";
    return 0;
}

}  // namespace reportc::cli
