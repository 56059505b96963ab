#include "layout/block_parts.h"

namespace reportc::layout::block_parts {

std::vector<doc::TextRun> plain_runs(const std::string& text, Span span) {
    std::vector<doc::TextRun> runs;
    runs.push_back(doc::TextRun{text, {}, {}, false, span});
    return runs;
}

std::vector<doc::TextRun> dateline_runs(const doc::Article& a) {
    std::vector<doc::TextRun> runs;
    auto add = [&](const std::string& text, const char* char_style) {
        if (text.empty()) return;
        if (!runs.empty()) runs.push_back({", ", {}, {}, false, a.span});
        runs.push_back({text, {char_style}, {}, false, a.span});
    };
    if (a.place_first) {
        add(a.place, "article-place");
        add(a.date, "article-date");
    } else {
        add(a.date, "article-date");
        add(a.place, "article-place");
    }
    return runs;
}

bool caption_above(const doc::Figure& f) {
    return !f.children.empty() && doc::holds<doc::Table>(f.children.front());
}
const char* caption_style(const doc::Figure& f) { return caption_above(f) ? "caption-above" : "caption"; }

std::string item_marker(const doc::List& list, const doc::ListItem& item, const style::ParagraphStyle& style) {
    if (!item.label.empty()) return item.label;
    if (item.numbered) return item.numbered->prefix;
    return list.marker.empty() ? style.list_marker : list.marker;
}

ParagraphOptions options_for(doc::NodeId node, ParagraphPart part) {
    ParagraphOptions options;
    options.key = {node, part};
    return options;
}

}  // namespace reportc::layout::block_parts
