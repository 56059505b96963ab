// Charts and diagrams: any bytes as the body of a report (inline <chart> and <diagram> elements
// are what the dictionary and seeds steer towards), then data resolution and drawing of every
// top-level chart and diagram at a column's width. The fonts are loaded once per process.
#include <memory>
#include <variant>

#include "chart/chart.h"
#include "data/chart_data.h"
#include "fuzz_support.h"
#include "input/source_reader.h"
#include "text/font_registry.h"

using namespace reportc;

namespace {

std::string font_path(const std::string& file) { return std::string(REPORTC_SOURCE_ROOT) + "/fonts/" + file; }

const text::FontRegistry& fonts() {
    static const RealEnvironment env;
    static const std::unique_ptr<text::FontRegistry> registry = [] {
        auto r = std::make_unique<text::FontRegistry>(text::read_fonts_through(env));
        std::string error;
        r->add_family("Liberation Sans", font_path("liberation/LiberationSans-Regular.ttf"),
                      font_path("liberation/LiberationSans-Bold.ttf"), font_path("liberation/LiberationSans-Italic.ttf"),
                      font_path("liberation/LiberationSans-BoldItalic.ttf"), error);
        r->add_family("DejaVu Sans", font_path("dejavu/DejaVuSans.ttf"), font_path("dejavu/DejaVuSans-Bold.ttf"), "", "", error);
        r->set_fallbacks({"DejaVu Sans"});
        return r;
    }();
    return *registry;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemoryEnvironment env;
    env.set_file("r/report.xml", "<report layout=\"l.xml\">\n" + fuzz::bytes_of(data, size) + "\n</report>\n");
    SourceManager sources;
    Diagnostics diags;
    auto document = input::read_report("r/report.xml", env, sources, diags);
    if (document) {
        data::resolve_charts(*document, env, sources, diags);
        chart::ChartStyle style;
        for (const doc::Block& block : document->blocks) {
            if (const auto* c = doc::node_if<doc::Chart>(block))
                (void)chart::draw_chart(*c, Length::from_pt(400), std::nullopt, style, fonts(), diags);
            else if (const auto* d = doc::node_if<doc::Diagram>(block))
                (void)chart::draw_diagram(*d, Length::from_pt(400), std::nullopt, style, fonts(), diags);
        }
    }
    fuzz::render_all(diags, sources);
    return 0;
}
