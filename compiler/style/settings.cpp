#include "style/settings.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "style/date_format.h"
#include "style/values.h"

namespace reportc::style {
namespace {

struct Reading {
    Settings& settings;
    const std::function<bool(const std::string&)>& is_page_master;
    Diagnostics& diags;
};

void bad_value(const doc::SettingDecl& d, const std::string& expected, Diagnostics& diags) {
    diags.error(d.value_span, "expected " + expected + " for " + d.name + ", found '" + d.value + "'");
}

bool is_word(const std::string& text) {
    return !text.empty() && std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

void read_page_master(const doc::SettingDecl& d, Reading& r) {
    if (!r.is_page_master(d.value))
        r.diags.error(d.value_span, "expected a page master defined in the layout, found '" + d.value + "'");
    r.settings.page_master = d.value;
    r.settings.page_master_span = d.value_span;
}

void read_abbreviation_register(const doc::SettingDecl& d, Reading& r) {
    if (!is_word(d.value)) return bad_value(d, "the id of a table", r.diags);
    r.settings.abbreviation_register = d.value;
}

void read_contents_levels(const doc::SettingDecl& d, Reading& r) {
    // toc-1 … toc-4 and heading-1 … heading-4 are the levels the engine styles.
    constexpr int kMaxLevel = 4;
    int levels = 0;
    const char* end = d.value.data() + d.value.size();
    auto [ptr, ec] = std::from_chars(d.value.data(), end, levels);
    if (ec != std::errc() || ptr != end || levels < 1 || levels > kMaxLevel)
        return bad_value(d, "a whole number from 1 to " + std::to_string(kMaxLevel), r.diags);
    r.settings.contents_levels = levels;
}

void read_chart_palette(const doc::SettingDecl& d, Reading& r) {
    std::vector<Color> colors;
    bool malformed = false;
    size_t at = 0;
    while (at < d.value.size()) {
        size_t start = d.value.find_first_not_of(" ,\t\n", at);
        if (start == std::string::npos) break;
        size_t stop = std::min(d.value.find_first_of(" ,\t\n", start), d.value.size());
        std::string token = d.value.substr(start, stop - start);
        if (auto c = parse_color(token)) colors.push_back(*c);
        else {
            r.diags.error(d.value_span, "expected colours such as #1f4e79 separated by spaces in chart-palette, found '" + token + "'");
            malformed = true;
        }
        at = stop;
    }
    if (colors.empty() && !malformed) r.diags.error(d.value_span, "expected at least one colour in chart-palette, found none");
    if (!malformed) r.settings.chart_palette = std::move(colors);
}

// A length of at least zero; em is relative to 10pt (settings have no font of their own).
void read_length(const doc::SettingDecl& d, Reading& r, Length& out) {
    auto v = parse_length(d.value, Length::from_pt(10));
    if (!v || *v < Length{}) return bad_value(d, "a length such as 12pt or 4mm", r.diags);
    out = *v;
}

void read_ragged_bottom(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.ragged_bottom); }
void read_footnote_skip(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.footnote_skip); }
void read_footnote_gap(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.footnote_gap); }
void read_footnote_rule_width(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.footnote_rule_width); }
void read_footnote_rule_thickness(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.footnote_rule_thickness); }

void read_keep_tables_under_rows(const doc::SettingDecl& d, Reading& r) {
    int rows = 0;
    const char* end = d.value.data() + d.value.size();
    auto [ptr, ec] = std::from_chars(d.value.data(), end, rows);
    if (ec != std::errc() || ptr != end || rows < 0) return bad_value(d, "a whole number of rows, 0 or more", r.diags);
    r.settings.keep_tables_under_rows = rows;
}

void read_caption_continued_text(const doc::SettingDecl& d, Reading& r) { r.settings.caption_continued_text = d.value; }

void read_footnote_numbering(const doc::SettingDecl& d, Reading& r) {
    if (d.value == "document") r.settings.footnote_numbering = FootnoteNumbering::Document;
    else if (d.value == "page") r.settings.footnote_numbering = FootnoteNumbering::Page;
    else bad_value(d, "document or page", r.diags);
}

void read_date_format(const doc::SettingDecl& d, Reading& r) {
    if (auto bad = check_date_format(d.value))
        return r.diags.error(d.value_span, "expected a date pattern of " + std::string(date_conversions()) +
                                               " and text for date-format, found '" + *bad + "'");
    r.settings.date_format = d.value;
}

void read_no_break_units(const doc::SettingDecl& d, Reading& r) {
    std::vector<std::string> units;
    size_t at = 0;
    while ((at = d.value.find_first_not_of(' ', at)) != std::string::npos) {
        size_t stop = std::min(d.value.find(' ', at), d.value.size());
        units.push_back(d.value.substr(at, stop - at));
        at = stop;
    }
    if (units.empty()) return bad_value(d, "units separated by spaces, such as '% kg km'", r.diags);
    r.settings.no_break_units = std::move(units);
}

// Folders separated by ';' (a folder name may hold spaces).
void read_image_paths(const doc::SettingDecl& d, Reading& r) {
    std::vector<std::string> folders;
    size_t at = 0;
    while (at <= d.value.size()) {
        size_t end = d.value.find(';', at);
        if (end == std::string::npos) end = d.value.size();
        std::string folder = d.value.substr(at, end - at);
        folder.erase(0, folder.find_first_not_of(' '));
        folder.erase(folder.find_last_not_of(' ') + 1);
        if (!folder.empty()) folders.push_back(folder);
        at = end + 1;
    }
    if (folders.empty()) return bad_value(d, "folders separated by ';' such as '../pictures; /srv/logos'", r.diags);
    r.settings.image_paths = std::move(folders);
}

void read_color(const doc::SettingDecl& d, Reading& r, Color& out) {
    if (auto c = parse_color(d.value)) out = *c;
    else bad_value(d, "a colour such as #d62728", r.diags);
}

void read_change_bar_color(const doc::SettingDecl& d, Reading& r) { read_color(d, r, r.settings.change_bar_color); }
void read_change_bar_width(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.change_bar_width); }
void read_change_bar_gap(const doc::SettingDecl& d, Reading& r) { read_length(d, r, r.settings.change_bar_gap); }
void read_change_highlight(const doc::SettingDecl& d, Reading& r) { read_color(d, r, r.settings.change_highlight); }
void read_change_added_highlight(const doc::SettingDecl& d, Reading& r) { read_color(d, r, r.settings.change_added_highlight); }

using Reader = void (*)(const doc::SettingDecl&, Reading&);

const std::vector<std::pair<std::string, Reader>>& readers() {
    static const std::vector<std::pair<std::string, Reader>> table = {
        {"page-master", read_page_master},
        {"abbreviation-register", read_abbreviation_register},
        {"contents-levels", read_contents_levels},
        {"chart-palette", read_chart_palette},
        {"ragged-bottom", read_ragged_bottom},
        {"footnote-numbering", read_footnote_numbering},
        {"footnote-skip", read_footnote_skip},
        {"footnote-gap", read_footnote_gap},
        {"footnote-rule-width", read_footnote_rule_width},
        {"footnote-rule-thickness", read_footnote_rule_thickness},
        {"date-format", read_date_format},
        {"no-break-units", read_no_break_units},
        {"keep-tables-under-rows", read_keep_tables_under_rows},
        {"caption-continued-text", read_caption_continued_text},
        {"image-paths", read_image_paths},
        {"change-bar-color", read_change_bar_color},
        {"change-bar-width", read_change_bar_width},
        {"change-bar-gap", read_change_bar_gap},
        {"change-highlight", read_change_highlight},
        {"change-added-highlight", read_change_added_highlight},
    };
    return table;
}

Reader reader_for(const std::string& name) {
    for (const auto& [known, reader] : readers())
        if (known == name) return reader;
    return nullptr;
}

void unknown_setting(const doc::SettingDecl& d, Diagnostics& diags) {
    std::string list;
    for (const auto& name : setting_names()) list += (list.empty() ? "" : ", ") + name;
    std::string hint = closest_name(d.name, setting_names());
    diags.error(d.name_span, "unknown setting '" + d.name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                                 "; expected one of: " + list);
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

const std::vector<std::string>& setting_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, reader] : readers()) out.push_back(name);
        return out;
    }();
    return names;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
    // Up to two edits, or a quarter of the name for long names: a slip, not another word.
    const size_t limit = std::max<size_t>(2, name.size() / 4);
    std::string best;
    size_t best_distance = limit + 1;
    for (const auto& candidate : candidates)
        if (size_t d = edit_distance(name, candidate); d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    return best;
}

Settings read_settings(const std::vector<doc::SettingDecl>& decls,
                       const std::function<bool(const std::string&)>& is_page_master, Diagnostics& diags) {
    Settings settings;
    Reading reading{settings, is_page_master, diags};
    std::map<std::string, const doc::SettingDecl*> first;
    for (const auto& d : decls) {
        Reader reader = reader_for(d.name);
        if (!reader) {
            unknown_setting(d, diags);
            continue;
        }
        if (auto [it, inserted] = first.emplace(d.name, &d); !inserted) {
            diags.error(d.name_span, "setting '" + d.name + "' is given twice; each setting may appear once");
            diags.note(it->second->name_span, "the first '" + d.name + "' setting is here");
            continue;
        }
        reader(d, reading);
    }
    return settings;
}

}  // namespace reportc::style
