#pragma once
// A hand-built layout context for block layout tests: a tiny layout of its own (never the
// product's, so design changes there never change these tests), the repo's Liberation Sans,
// the US English hyphenation patterns, and builders for small documents. Round numbers: a 10pt
// font on 12pt leading, paragraphs 3pt before and 6pt after, table cells padded by 4pt.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "doc/walk.h"
#include "input/layout_reader.h"
#include "layout/block_layout.h"
#include "style/stylesheet.h"
#include "text/font_registry.h"
#include "text/hyphenator.h"

namespace reportc::layout::testing {

inline Length pt(double v) { return Length::from_pt(v); }

// `extra`: more declarations for one test (box styles, settings), before </layout>.
inline std::string test_layout_xml(const std::string& extra = "") {
    const std::string fonts = std::string(REPORTC_SOURCE_ROOT) + "/fonts/liberation/";
    return "<layout>\n"
           "<font-family name=\"Sans\" regular=\"" + fonts + "LiberationSans-Regular.ttf\" bold=\"" + fonts +
           "LiberationSans-Bold.ttf\"/>\n"
           "<page-master name=\"body\" size=\"A4\"/>\n"
           "<page-master name=\"wide\" size=\"A4\" orientation=\"landscape\"/>\n"
           "<paragraph-style name=\"body\" font-family=\"Sans\" font-size=\"10pt\" leading=\"12pt\" space-before=\"3pt\"\n"
           "                 space-after=\"6pt\" align=\"left\" hyphenate=\"false\"/>\n"
           "<paragraph-style name=\"keep\" based-on=\"body\" keep-with-next=\"true\"/>\n"
           "<paragraph-style name=\"hyphenated\" based-on=\"body\" align=\"justify\" hyphenate=\"true\" widows=\"1\" orphans=\"1\"/>\n"
           "<paragraph-style name=\"indented\" based-on=\"body\" indent-left=\"5pt\" indent-right=\"3pt\"/>\n"
           "<paragraph-style name=\"table-cell\" based-on=\"body\" space-before=\"0pt\" space-after=\"0pt\"/>\n"
           "<paragraph-style name=\"table-header\" based-on=\"table-cell\" font-weight=\"bold\"/>\n"
           "<paragraph-style name=\"list-item\" based-on=\"body\" indent-left=\"10pt\" first-line-indent=\"-10pt\"/>\n"
           "<paragraph-style name=\"signature-name\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"signature-role\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"article-title\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"article-date\" based-on=\"body\"/>\n"
           "<character-style name=\"article-date\" font-weight=\"normal\"/>\n"
           "<character-style name=\"article-place\" font-weight=\"normal\"/>\n"
           "<paragraph-style name=\"caption\" based-on=\"body\"/>\n"
           "<paragraph-style name=\"caption-above\" based-on=\"body\" font-weight=\"bold\"/>\n"
           "<paragraph-style name=\"invited\" based-on=\"body\" break-penalty=\"-300\"/>\n"
           "<paragraph-style name=\"footnote\" based-on=\"body\" font-size=\"8pt\" leading=\"10pt\" indent-left=\"6pt\"\n"
           "                 first-line-indent=\"-6pt\"/>\n"
           "<character-style name=\"footnote-mark\" font-size=\"6pt\" baseline-shift=\"3pt\"/>\n"
           "<table-style name=\"table\" padding=\"4pt\"/>\n"
           "<table-style name=\"no-repeat\" based-on=\"table\" repeat-header=\"false\"/>\n" +
           extra + "</layout>\n";
}

// Where blocks are set: a `width` measure, `indent` from its left edge, on pages of `master`.
inline BlockEnv measure(Length width, Length indent = {}, std::string master = "body") {
    BlockEnv env;
    env.width = width;
    env.indent = indent;
    env.master = std::move(master);
    return env;
}

struct LayoutFixture {
    RealEnvironment disk;
    MemoryEnvironment memory;
    SourceManager sources;
    Diagnostics diags;
    style::Stylesheet styles;
    text::FontRegistry fonts{text::read_fonts_through(disk)};
    std::unique_ptr<text::Hyphenator> hyphenator{read_dictionary(disk)};
    FontTable font_table{fonts};
    ParagraphCache paragraphs{fonts, hyphenator.get()};
    const std::map<std::string, std::string>* anchor_pages = nullptr;
    std::map<doc::NodeId, int> footnote_numbers;
    std::map<std::string, std::string> variable_texts;
    bool survey = false;  // LayoutInputs::survey
    LineStats stats;

    explicit LayoutFixture(const std::string& extra_layout = "") {
        memory.set_file("test-layout.xml", test_layout_xml(extra_layout));
        auto layout = input::read_layout("test-layout.xml", memory, sources, diags, {});
        EXPECT_TRUE(layout.has_value());
        if (!layout) return;
        styles = style::Stylesheet::build(*layout, diags);
        std::string error;
        for (const auto& f : layout->font_families)
            EXPECT_TRUE(fonts.add_family(f.name, f.regular, f.bold, f.italic, f.bold_italic, error)) << error;
        EXPECT_TRUE(diags.all().empty());
    }

    static std::unique_ptr<text::Hyphenator> read_dictionary(const Environment& env) {
        std::string error;
        auto h = text::Hyphenator::read(env, REPORTC_HYPHEN_DICTIONARY, error);
        EXPECT_NE(h, nullptr) << error;
        return h;
    }

    // The blocks set in `env` (by default the 100pt measure on the body master).
    std::vector<VItem> lay_out(const std::vector<doc::Block>& blocks, const BlockEnv& env = measure(pt(100))) {
        LayoutInputs inputs{styles, fonts, hyphenator.get(), anchor_pages, {}, footnote_numbers, variable_texts};
        inputs.survey = survey;
        LayoutResults results{font_table, diags, {}, 0};
        LayoutContext ctx{inputs, results, paragraphs};
        auto out = layout_blocks(blocks, env, ctx);
        stats = results.stats;
        return out;
    }

    std::pair<Length, Length> measure_of(const std::vector<doc::Block>& blocks, const BlockEnv& env = measure(pt(100))) {
        LayoutInputs inputs{styles, fonts, hyphenator.get(), anchor_pages, {}};
        LayoutResults results{font_table, diags, {}, 0};
        LayoutContext ctx{inputs, results, paragraphs};
        return measure_blocks(blocks, env, ctx);
    }

    // The natural width of `text` in Sans at 10pt (regular or bold), as layout measures it:
    // each word with its kerning (text::FontFace::kerning shapes a word at a time).
    Length width(const std::string& text, bool bold = false) const {
        const text::FontFace& face = fonts.face(fonts.resolve({"Sans", bold, false}));
        int64_t milli = face.width_milli(text);
        for (size_t begin = 0; begin < text.size();) {
            const size_t end = std::min(text.find(' ', begin), text.size());
            if (end > begin) milli += face.kerning(std::string_view(text).substr(begin, end - begin)).total_milli();
            begin = end + 1;
        }
        return Length::ratio(pt(10), milli, 1000);
    }
    Length ascent() const { return Length::ratio(pt(10), fonts.face(fonts.resolve({"Sans"})).ascender(), 1000); }
    Length descent() const { return Length::ratio(pt(10), -fonts.face(fonts.resolve({"Sans"})).descender(), 1000); }
};

// --- Documents built in code ------------------------------------------------------------------

inline doc::TextRun text_run(std::string text) {
    doc::TextRun r;
    r.text = std::move(text);
    return r;
}

inline doc::Paragraph paragraph(std::string text, std::string style = "body") {
    doc::Paragraph p;
    p.style = std::move(style);
    p.runs.push_back(text_run(std::move(text)));
    return p;
}

// A table cell holding one paragraph in the cell's default style.
inline doc::TableCell cell(std::string text, std::string align = "") {
    doc::TableCell c;
    c.align = std::move(align);
    c.blocks.push_back({paragraph(std::move(text), "")});
    return c;
}

inline doc::TableRow row(std::vector<doc::TableCell> cells, doc::TableRow::Kind kind = doc::TableRow::Kind::Body) {
    doc::TableRow r;
    r.kind = kind;
    r.cells = std::move(cells);
    return r;
}

inline doc::ColumnSpec column(doc::ColumnSpec::Kind kind, std::string value) { return {kind, std::move(value), {}}; }

// A document of `blocks` whose nodes are numbered, as the compiler numbers them before layout.
inline doc::Document numbered(std::vector<doc::Block> blocks) {
    doc::Document d;
    d.blocks = std::move(blocks);
    doc::number_nodes(d);
    return d;
}

// --- Reading the vertical list ----------------------------------------------------------------

// Each item as "glue 3.000pt", "box 12.000pt" or "penalty 10000".
inline std::vector<std::string> shape(const std::vector<VItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        if (const auto* b = std::get_if<VBox>(&item)) out.push_back("box " + to_string(b->height));
        else if (const auto* g = std::get_if<VGlue>(&item)) out.push_back("glue " + to_string(g->height));
        else out.push_back("penalty " + std::to_string(std::get<VPenalty>(item).cost));
    }
    return out;
}

// Pointers into `items`, which must outlive them (a temporary list does not compile).
inline std::vector<const VBox*> boxes(const std::vector<VItem>& items) {
    std::vector<const VBox*> out;
    for (const auto& item : items)
        if (const auto* b = std::get_if<VBox>(&item)) out.push_back(b);
    return out;
}
std::vector<const VBox*> boxes(std::vector<VItem>&& items) = delete;

template <typename Item>
std::vector<Item> items_of(const VBox& box) {
    std::vector<Item> out;
    for (const auto& item : box.items)
        if (const auto* t = std::get_if<Item>(&item)) out.push_back(*t);
    return out;
}

inline std::vector<frame::TextItem> texts(const VBox& box) { return items_of<frame::TextItem>(box); }

inline std::vector<std::string> words(const VBox& box) {
    std::vector<std::string> out;
    for (const auto& t : texts(box)) out.push_back(t.text);
    return out;
}

// Every text item of every box, in order.
inline std::vector<std::string> all_words(const std::vector<VItem>& items) {
    std::vector<std::string> out;
    for (const auto* b : boxes(items))
        for (auto& w : words(*b)) out.push_back(std::move(w));
    return out;
}

}  // namespace reportc::layout::testing
