#include "driver/compiler.h"

#include <cstdio>
#include <map>
#include <set>
#include <fstream>
#include <unistd.h>

#include "data/chart_data.h"
#include "data/expand_tables.h"
#include "input/layout_reader.h"
#include "xref/xref.h"
#include "input/source_reader.h"
#include "layout/font_table.h"
#include "pages/paginate.h"
#include "pdf/pdf_writer.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"
#include "trace/trace.h"

namespace reportc::driver {
namespace {

void register_fonts(const doc::LayoutSource& layout, text::FontRegistry& fonts, Diagnostics& diags) {
    for (const auto& family : layout.font_families) {
        std::string error;
        if (!fonts.add_family(family.name, family.regular, family.bold, family.italic, family.bold_italic, error))
            diags.error(family.span_of(fonts.unloaded_file(family.name)), error);
    }
    for (const auto& name : layout.fallback_families)
        if (!fonts.is_declared(name))
            diags.error(layout.fallback_span, "expected a font family declared with <font-family>, found '" + name + "'");
    fonts.set_fallbacks(layout.fallback_families);
    for (const auto& style : layout.styles)
        for (const auto& p : style.properties)
            if (p.name == "font-family" && !fonts.is_declared(p.value))
                diags.error(p.span, "expected a font family declared with <font-family>, found '" + p.value + "'");
}

// The contents' entries (headings down to `levels`) and every anchor whose page the text shows.
void collect_navigation(const std::vector<doc::Block>& blocks, int levels, std::vector<layout::TocEntry>& toc,
                        std::set<std::string>& page_targets) {
    auto runs = [&](const std::vector<doc::TextRun>& rs) {
        for (const auto& r : rs)
            if (r.ref_show == "page" && !r.ref_to.empty()) page_targets.insert(r.ref_to);
    };
    for (const auto& b : blocks) {
        std::visit([&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, doc::Section> || std::is_same_v<T, doc::Article>) {
                if (n.level <= levels) {
                    toc.push_back({n.level, n.title, n.id});
                    page_targets.insert(n.id);
                }
                collect_navigation(n.children, levels, toc, page_targets);
            } else if constexpr (std::is_same_v<T, doc::Figure> || std::is_same_v<T, doc::Division>) {
                collect_navigation(n.children, levels, toc, page_targets);
            } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
                runs(n.runs);
            } else if constexpr (std::is_same_v<T, doc::List>) {
                for (const auto& item : n.items) collect_navigation(item.blocks, levels, toc, page_targets);
            } else if constexpr (std::is_same_v<T, doc::Table>) {
                for (const auto& row : n.rows)
                    for (const auto& cell : row.cells) collect_navigation(cell.blocks, levels, toc, page_targets);
            }
        }, b.node);
    }
}

bool has_contents(const std::vector<doc::Block>& blocks) {
    for (const auto& b : blocks) {
        if (std::holds_alternative<doc::Contents>(b.node)) return true;
        if (const auto* d = std::get_if<doc::Division>(&b.node); d && has_contents(d->children)) return true;
        if (const auto* s = std::get_if<doc::Section>(&b.node); s && has_contents(s->children)) return true;
    }
    return false;
}

std::string setting(const doc::LayoutSource& layout, const std::string& name, const std::string& fallback) {
    for (const auto& s : layout.settings)
        if (s.name == name) return s.value;
    return fallback;
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
    std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write '" + tmp + "'";
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            return "cannot write '" + tmp + "'";
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace '" + path + "'";
    }
    return {};
}

Outcome compile(const Options& options, const Environment& env, SourceManager& sources, Diagnostics& diags) {
    Outcome outcome;
    auto document = input::read_report(options.input, env, sources, diags);
    if (!document) return outcome;
    if (document->layout_path.empty()) return outcome;
    auto layout_source = input::read_layout(document->layout_path, env, sources, diags, document->layout_span);
    if (!layout_source) return outcome;
    auto styles = style::Stylesheet::build(*layout_source, diags);
    // Tables generated from data files become ordinary tables before layout; then ids, links and
    // cross-references are resolved over the whole document.
    data::expand_tables(*document, layout_source->table_templates, env, sources, diags);
    data::resolve_charts(*document, *layout_source, env, sources, diags);
    xref::Options xref_options;
    xref_options.figure_label = setting(*layout_source, "figure-label", "Figure");
    xref_options.abbreviation_table = setting(*layout_source, "abbreviation-register", "");
    xref_options.check_abbreviations = options.check_register;
    xref::resolve(*document, xref_options, diags);

    text::FontRegistry fonts;
    register_fonts(*layout_source, fonts, diags);
    std::unique_ptr<text::Hyphenator> hyphenator;
    if (!layout_source->hyphenation_dictionary.empty()) {
        std::string error;
        hyphenator = text::Hyphenator::load(layout_source->hyphenation_dictionary, error);
        if (!hyphenator) diags.error(layout_source->hyphenation_span, error);
    }
    std::string master_name = setting(*layout_source, "page-master", "body");
    const style::PageMaster* master = styles.page_master(master_name);
    if (!master) diags.error(document->layout_span, "expected the layout to define the page master '" + master_name + "'");
    if (diags.has_errors() || !master || fonts.face_count() == 0) return outcome;

    // Contents and page references need the pages of their targets: lay out again until every
    // referenced anchor stays on the same page (a bounded loop; usually two passes).
    std::vector<layout::TocEntry> toc;
    std::set<std::string> page_targets;
    collect_navigation(document->blocks, std::atoi(setting(*layout_source, "contents-levels", "2").c_str()), toc, page_targets);
    if (!has_contents(document->blocks)) {
        // Without a contents page only explicit page references need their pages.
        std::set<std::string> refs;
        std::vector<layout::TocEntry> unused;
        collect_navigation(document->blocks, 0, unused, refs);
        page_targets = std::move(refs);
        toc.clear();
    }
    const bool needs_pages = !page_targets.empty();
    std::map<std::string, std::string> anchor_pages;
    pages::Paginated paginated;
    layout::LineStats stats;
    std::vector<frame::FontFile> font_files;
    constexpr int kMaxPasses = 5;
    for (int pass = 0;; ++pass) {
        // Each pass reports again what the last one did; only the final pass's findings count.
        Diagnostics pass_diags;
        inl::Typesetter typesetter(fonts, hyphenator.get(), pass_diags);
        layout::FontTable font_table(fonts);
        layout::LayoutContext ctx{styles, fonts, typesetter, font_table, pass_diags, master->body().width, {}, 0, master_name, master_name, {}};
        ctx.toc = toc;
        ctx.anchor_pages = pass == 0 ? nullptr : &anchor_pages;
        auto vlist = layout::layout_blocks(document->blocks, ctx);
        pages::PageContext page_ctx{styles, fonts, typesetter, font_table, pass_diags, document->info.title};
        paginated = pages::paginate(std::move(vlist), master_name, page_ctx);
        stats = ctx.stats;
        font_files = font_table.fonts();
        std::vector<std::string> moved;
        for (const auto& anchor : page_targets) {
            auto before = anchor_pages.find(anchor);
            auto now = paginated.anchor_pages.find(anchor);
            std::string was = before == anchor_pages.end() ? "?" : before->second;
            std::string is = now == paginated.anchor_pages.end() ? "?" : now->second;
            if (was != is) moved.push_back(anchor + " (" + was + " -> " + is + ")");
        }
        bool settled = !needs_pages || (pass > 0 && moved.empty());
        if (settled || pass + 1 == kMaxPasses) {
            for (const auto& d : pass_diags.all()) diags.add(d);
            if (!settled) {
                std::string list;
                for (const auto& m : moved) list += (list.empty() ? "" : ", ") + m;
                diags.error({}, "page references did not settle after " + std::to_string(kMaxPasses) + " layouts; still moving: " + list);
            }
            outcome.layout_passes = pass + 1;
            break;
        }
        anchor_pages = paginated.anchor_pages;
    }

    frame::FrameDocument frames;
    frames.info.title = document->info.title;
    frames.info.author = document->info.author;
    frames.info.subject = document->info.subject;
    frames.info.keywords = document->info.keywords;
    frames.info.creator = "reportc";
    frames.info.creation_epoch = env.now();
    frames.fonts = font_files;
    frames.pages = std::move(paginated.pages);
    frames.outline = std::move(paginated.outline);
    frames.show_outline = !frames.outline.empty();
    frames.page_labels = paginated.label_ranges;
    outcome.pages = frames.pages.size();
    outcome.stats = stats;
    if (options.frames_out) *options.frames_out = frames;

    if (diags.has_errors() || (options.werror && diags.warning_count() > 0)) return outcome;
    if (!options.trace_output.empty()) {
        if (auto error = write_file_atomically(options.trace_output, trace::trace(frames)); !error.empty()) {
            diags.error({}, error);
            return outcome;
        }
    }
    if (!options.output.empty()) {
        auto bytes = pdf::write_pdf(frames, diags);
        if (!bytes) return outcome;
        if (auto error = write_file_atomically(options.output, *bytes); !error.empty()) {
            diags.error({}, error);
            return outcome;
        }
    }
    outcome.success = true;
    return outcome;
}

}  // namespace reportc::driver
