// Table layout throughput: an N-row, 4-column table of wrapped cells through block layout and
// page breaking, with the annual report's layout. Linear growth shows as a flat time per row.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "doc/walk.h"
#include "input/layout_reader.h"
#include "layout/block_layout.h"
#include "pages/paginate.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"

using namespace reportc;

namespace {

struct Fixture {
    RealEnvironment env;
    SourceManager sources;
    Diagnostics diags;
    doc::LayoutSource layout;
    style::Stylesheet styles;
    text::FontRegistry fonts{text::read_fonts_through(env)};
    std::unique_ptr<text::Hyphenator> hyphenator;

    Fixture() {
        layout = *input::read_layout(REPORTC_SOURCE_ROOT "/layouts/annual-report.xml", env, sources, diags, {});
        styles = style::Stylesheet::build(layout, diags);
        std::string error;
        for (const auto& f : layout.font_families) fonts.add_family(f.name, f.regular, f.bold, f.italic, f.bold_italic, error);
        fonts.set_fallbacks(layout.fallback_families);
        hyphenator = text::Hyphenator::read(env, layout.hyphenation_dictionary, error);
    }
};

std::string cell_text(size_t row, size_t column, size_t words) {
    static const char* vocab[] = {"customs", "capacity", "regional", "workshop", "members", "administration",
                                  "implementation", "cooperation", "framework", "assessment", "trade", "border"};
    std::string s;
    for (size_t i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += vocab[(row * 5 + column * 3 + i * 7) % 12];
    }
    return s;
}

doc::Table make_table(size_t rows) {
    doc::Table t;
    for (const char* w : {"1fr", "3fr", "2fr", "auto"}) t.columns.push_back({doc::ColumnSpec::Kind::Fraction, w, {}});
    t.columns[3].kind = doc::ColumnSpec::Kind::Auto;
    auto cell = [](std::string text) {
        doc::TableCell c;
        doc::Paragraph p;
        p.style = "";
        p.runs.push_back({std::move(text), {}, {}, false, {}});
        c.blocks.push_back({std::move(p)});
        return c;
    };
    doc::TableRow header;
    header.kind = doc::TableRow::Kind::Header;
    for (const char* h : {"Label", "Action", "Plan", "KPI"}) header.cells.push_back(cell(h));
    t.rows.push_back(std::move(header));
    for (size_t r = 0; r < rows; ++r) {
        doc::TableRow row;
        std::string label = "Row ";
        label += std::to_string(r);
        row.cells.push_back(cell(label));
        row.cells.push_back(cell(cell_text(r, 1, 12 + r % 20)));
        row.cells.push_back(cell(cell_text(r, 2, 8 + r % 15)));
        row.cells.push_back(cell(cell_text(r, 3, 3)));
        t.rows.push_back(std::move(row));
    }
    return t;
}

void BM_TableLayout(benchmark::State& state) {
    Fixture f;
    const size_t rows = size_t(state.range(0));
    doc::Document document;
    document.blocks.push_back({make_table(rows)});
    doc::number_nodes(document);
    size_t pages = 0;
    for (auto _ : state) {
        // A cold layout: a fresh paragraph cache each time, as a first layout pass has.
        layout::ParagraphCache paragraphs(f.fonts, f.hyphenator.get());
        layout::FontTable font_table(f.fonts);
        const auto* master = f.styles.page_master("body");
        layout::LayoutInputs inputs{f.styles, f.fonts, f.hyphenator.get(), nullptr, {}};
        layout::LayoutResults results{font_table, f.diags, {}, 0};
        layout::LayoutContext ctx{inputs, results, paragraphs};
        layout::BlockEnv env;
        env.width = master->body().width;
        env.master = "body";
        auto vlist = layout::layout_blocks(document.blocks, env, ctx);
        auto breaks = pages::break_pages(std::move(vlist), [&](const std::string&) { return master->body().height; }, "body");
        pages = breaks.pages.size();
        benchmark::DoNotOptimize(pages);
    }
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["rows"] = double(rows);
    state.counters["pages"] = double(pages);
    state.counters["us_per_row"] = benchmark::Counter(double(rows), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert) ;
    state.counters["peak_rss_MB"] = double(usage.ru_maxrss) / 1024.0;
}

}  // namespace

BENCHMARK(BM_TableLayout)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK_MAIN();
