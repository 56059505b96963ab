#include "input/inline_reader.h"

#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "input/image_reader.h"

namespace reportc::input {

bool is_inline_element(std::string_view name) {
    return name == "b" || name == "i" || name == "span" || name == "a" || name == "br" || name == "ref" || name == "abbr" ||
           name == "footnote" || name == "var" || name == "nbsp" || name == "image" || decoration_char_style(name);
}

const char* decoration_char_style(std::string_view element) {
    if (element == "sup") return "superscript";
    if (element == "sub") return "subscript";
    if (element == "u") return "underline";
    if (element == "s" || element == "strike") return "strike";
    if (element == "sc") return "small-caps";
    if (element == "mark") return "highlight";
    return nullptr;
}

bool within_inline_depth(const XmlFile& file, pugi::xml_node element, int depth, bool& reported, Diagnostics& diags) {
    if (depth <= kMaxInlineDepth) return true;
    if (!std::exchange(reported, true))
        diags.error(file.span(element), "expected inline elements nested at most " + std::to_string(kMaxInlineDepth) +
                                            " deep, found <" + element.name() + "> at depth " + std::to_string(depth));
    return false;
}

const char* markup_char_style(std::string_view element) {
    if (element == "b") return "strong";
    if (element == "i") return "emphasis";
    return nullptr;
}

namespace {

// One state for the whole paragraph, changed on the way into an element and restored on the way
// out: copying it per level made deep nesting cost memory quadratic in the depth.
struct InlineState {
    std::vector<std::string> styles;
    std::string link;
    bool styled_text_only = false;  // header and footer slots: text, <b>, <i>, <span> only
    bool in_footnote = false;       // a footnote holds no footnote
    int depth = 0;                  // elements open around the text being read
    bool too_deep = false;          // the depth limit was reported (once: what is inside is skipped)
};

void normalize_spaces(std::vector<doc::TextRun>& runs);

void read_children(const XmlFile& file, pugi::xml_node parent, InlineState& state, std::vector<doc::TextRun>& out,
                   Diagnostics& diags);

// Reads `element`'s content with `style` (if any) and `link` (if any) added to the state.
void read_nested(const XmlFile& file, pugi::xml_node element, InlineState& state, const std::string* style,
                 const std::string* link, std::vector<doc::TextRun>& out, Diagnostics& diags) {
    if (!within_inline_depth(file, element, state.depth + 1, state.too_deep, diags)) return;
    if (style) state.styles.push_back(*style);
    std::string outer_link;
    if (link) outer_link = std::exchange(state.link, *link);
    ++state.depth;
    read_children(file, element, state, out, diags);
    --state.depth;
    if (link) state.link = std::move(outer_link);
    if (style) state.styles.pop_back();
}

void read_children(const XmlFile& file, pugi::xml_node parent, InlineState& state, std::vector<doc::TextRun>& out,
                   Diagnostics& diags) {
    for (auto child : parent.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out.push_back({collapse_whitespace(child.value()), state.styles, state.link, false, file.span(child)});
            continue;
        }
        if (child.type() != pugi::node_element) continue;  // comments, processing instructions
        std::string_view name = child.name();
        std::optional<std::string> style;  // what the element adds for its content
        std::optional<std::string> link;
        if (state.styled_text_only && !markup_char_style(name) && name != "span") {
            diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in <" + parent.name() +
                                              ">; expected text, b, i, span");
            continue;
        }
        if (const char* markup = markup_char_style(name)) {
            file.check_attributes(child, {}, diags);
            style = markup;
        } else if (const char* decoration = decoration_char_style(name)) {
            file.check_attributes(child, {}, diags);
            style = decoration;
        } else if (name == "nbsp") {
            // A no-break space typed as an element: it joins the words on either side.
            file.check_attributes(child, {}, diags);
            file.expect_empty(child, "", diags);
            out.push_back({"\xC2\xA0", state.styles, state.link, false, file.span(child)});
            continue;
        } else if (name == "span") {
            file.check_attributes(child, {"style"}, diags);
            style = file.required(child, "style", diags);
        } else if (name == "a") {
            file.check_attributes(child, {"href"}, diags);
            link = file.required(child, "href", diags);
        } else if (name == "br") {
            file.check_attributes(child, {}, diags);
            file.expect_empty(child, "", diags);
            out.push_back({"", state.styles, state.link, true, file.span(child)});
            continue;
        } else if (name == "ref") {
            file.check_attributes(child, {"to", "show"}, diags);
            file.expect_empty(child, "the reference's text comes from its target", diags);
            doc::TextRun run{"", state.styles, "", false, file.span(child)};
            doc::Reference ref;
            ref.to = file.required(child, "to", diags).value_or("");
            // The format's name; xref checks it against the built-in and the layout's formats.
            ref.show = child.attribute("show").as_string("label");
            ref.show_span = child.attribute("show") ? file.attribute_span(child, "show") : file.span(child);
            if (!ref.to.empty()) run.rare_to_set().ref = std::move(ref);
            out.push_back(std::move(run));
            continue;
        } else if (name == "footnote") {
            file.check_attributes(child, {"id"}, diags);
            if (state.in_footnote) {
                diags.error(file.span(child), "unexpected <footnote> in a footnote; a note holds no note of its own");
                continue;
            }
            doc::TextRun run{"", state.styles, "", false, file.span(child)};
            doc::Footnote note;
            note.id = child.attribute("id").as_string();
            note.span = file.span(child);
            InlineState in_note;
            in_note.in_footnote = true;
            in_note.depth = state.depth;
            in_note.too_deep = state.too_deep;
            read_nested(file, child, in_note, nullptr, nullptr, note.runs, diags);
            state.too_deep = state.too_deep || in_note.too_deep;
            normalize_spaces(note.runs);
            if (note.runs.empty()) diags.error(file.span(child), "expected the note's text in <footnote>, found nothing");
            run.rare_to_set().footnote = std::move(note);
            out.push_back(std::move(run));
            continue;
        } else if (name == "var") {
            file.check_attributes(child, {"name", "case", "format", "default"}, diags);
            file.expect_empty(child, "the variable's text is its value", diags);
            doc::TextRun run{"", state.styles, state.link, false, file.span(child)};
            if (auto var = file.required(child, "name", diags)) run.rare_to_set().variable = doc::VariableUse{*var, child.attribute("case").value(), child.attribute("format").value(), {}};
            else continue;
            if (auto fallback = child.attribute("default")) run.extras->variable->fallback = fallback.value();
            out.push_back(std::move(run));
            continue;
        } else if (name == "image") {
            // An image in the line: one box standing on the baseline (sized in layout).
            file.check_attributes(child, {"src", "width", "height", "alt"}, diags);
            doc::TextRun run{"", state.styles, state.link, false, file.span(child)};
            run.rare_to_set().image = std::make_shared<doc::Image>(read_image(file, child, diags));
            out.push_back(std::move(run));
            continue;
        } else if (name == "abbr") {
            file.check_attributes(child, {}, diags);
            file.expect_text_only(child, diags);
            doc::TextRun run{collapse_whitespace(child.text().get()), state.styles, state.link, false, file.span(child)};
            run.abbreviation = true;
            out.push_back(std::move(run));
            continue;
        } else {
            diags.error(file.span(child), "unexpected element <" + std::string(name) + "> in text; expected one of: b, i, sup, sub, u, s, strike, sc, mark, span, a, br, nbsp, ref, abbr, footnote, var, image");
            continue;
        }
        read_nested(file, child, state, style ? &*style : nullptr, link ? &*link : nullptr, out, diags);
    }
}

// A <ref/> is read with empty text, but it will print its target's title, number or page (and a
// <var/> its value): it is content, never space, so the spaces on either side of it stay. A
// footnote's mark is content too, but it clings to what precedes it: a space before it is dropped.
// An inline image is content like a reference: the spaces around it stay.
bool is_ref(const doc::TextRun& run) {
    const doc::RunExtras& x = run.rare();
    return x.ref.has_value() || x.footnote.has_value() || x.variable.has_value() || x.image;
}

// Whitespace between runs collapses as in HTML: no leading or trailing space in the paragraph,
// never two spaces in a row across run boundaries (a line break also eats adjacent spaces).
void normalize_spaces(std::vector<doc::TextRun>& runs) {
    bool previous_ends_space = true;  // start of paragraph counts as a space
    for (auto& run : runs) {
        if (run.line_break) { previous_ends_space = true; continue; }
        if (is_ref(run)) { previous_ends_space = false; continue; }
        if (previous_ends_space && !run.text.empty() && run.text.front() == ' ') run.text.erase(0, 1);
        if (!run.text.empty()) previous_ends_space = run.text.back() == ' ';
    }
    bool next_is_break = true;  // end of paragraph
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        if (it->line_break) { next_is_break = true; continue; }
        if (is_ref(*it)) break;
        if (it->text.empty()) continue;
        if (next_is_break && it->text.back() == ' ') it->text.pop_back();
        next_is_break = false;
        if (!it->text.empty()) break;
    }
    // Spaces before a <br/> or a footnote's mark anywhere.
    for (size_t i = 0; i + 1 < runs.size(); ++i)
        if ((runs[i + 1].line_break || runs[i + 1].rare().footnote) && !runs[i].text.empty() && runs[i].text.back() == ' ')
            runs[i].text.pop_back();
    std::erase_if(runs, [](const doc::TextRun& r) { return !r.line_break && r.text.empty() && !is_ref(r); });
}

}  // namespace

std::vector<doc::TextRun> read_inline(const XmlFile& file, pugi::xml_node parent, Diagnostics& diags) {
    std::vector<doc::TextRun> runs;
    InlineState state;
    read_children(file, parent, state, runs, diags);
    normalize_spaces(runs);
    return runs;
}

std::vector<doc::TextRun> read_styled_text(const XmlFile& file, pugi::xml_node parent, Diagnostics& diags) {
    std::vector<doc::TextRun> runs;
    InlineState state;
    state.styled_text_only = true;
    read_children(file, parent, state, runs, diags);
    normalize_spaces(runs);
    return runs;
}

void normalize_inline_spaces(std::vector<doc::TextRun>& runs) { normalize_spaces(runs); }

}  // namespace reportc::input
