#include "layout/text_fit.h"

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"
#include "inline/typesetter.h"

namespace reportc::layout {
namespace {

// Text runs and inline objects scaled from the style's size to `size`, as one would set them.
std::vector<inl::StyledRun> scaled_runs(const std::vector<inl::StyledRun>& runs, Length from, Length size) {
    std::vector<inl::StyledRun> out = runs;
    for (auto& run : out) {
        run.font.size = Length::ratio(run.font.size, size.sp, from.sp);
        run.font.rise = Length::ratio(run.font.rise, size.sp, from.sp);
        if (run.object) {
            run.object->width = Length::ratio(run.object->width, size.sp, from.sp);
            run.object->height = Length::ratio(run.object->height, size.sp, from.sp);
        }
    }
    return out;
}

// "20pt", "672.3pt": lengths in messages, to a tenth of a point, as a layout writes them.
std::string points(Length l) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", double(l.sp) / double(Length::kSpPerPt));
    std::string out = text;
    if (out.ends_with(".0")) out.resize(out.size() - 2);
    return out + "pt";
}

// The paragraph's text for a message, cut after 60 characters.
std::string quoted_text(const std::vector<inl::StyledRun>& runs) {
    std::string text;
    for (const auto& run : runs) text += run.text;
    constexpr size_t kShown = 60;
    size_t pos = 0, count = 0;
    while (pos < text.size() && count < kShown) {
        utf8::decode(text, pos);
        ++count;
    }
    std::string quoted = std::string("\"").append(text, 0, pos);
    if (pos < text.size()) quoted += "…";
    return quoted + "\"";
}

// Measures and sets trial sizes apart from the paragraph cache and the build's diagnostics: only
// the size chosen is set for the page.
class Trial {
public:
    Trial(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style, Span span, Length width, LayoutContext& ctx)
        : m_runs(runs), m_style(style), m_typesetter(ctx.in.fonts, ctx.in.hyphenator, m_scratch) {
        m_input.align = style.align;
        m_input.width = width;
        m_input.first_line_indent = style.first_line_indent;
        m_input.hyphenate = style.hyphenate;
        m_input.span = span;
    }

    // The width the text at `size` takes on one line.
    Length natural_width(Length size) {
        at(size);
        return m_typesetter.content_widths(m_input, m_items).second + max(m_input.first_line_indent, Length{});
    }
    bool fits_one_line(Length size) { return natural_width(size) <= m_input.width; }
    // Whether the text at the current size sets in at most two lines of `width`, none overfull.
    bool fits_two_lines(Length width) {
        inl::ParagraphInput input = m_input;
        input.width = width;
        const inl::ParagraphLayout set = m_typesetter.set(input, m_items);
        return set.lines.size() <= 2 && set.overfull_count == 0;
    }
    const std::vector<inl::StyledRun>& runs() const { return m_input.runs; }

private:
    void at(Length size) {
        m_input.runs = scaled_runs(m_runs, m_style.font.size, size);
        m_items = m_typesetter.prepare(m_input);
    }

    const std::vector<inl::StyledRun>& m_runs;
    const style::ParagraphStyle& m_style;
    Diagnostics m_scratch;
    inl::Typesetter m_typesetter;
    inl::ParagraphInput m_input;
    inl::PreparedItems m_items;
};

FittedParagraph fitted(const Trial& trial, const style::ParagraphStyle& style, Length size, const BlockEnv& env) {
    FittedParagraph out{trial.runs(), style, env};
    out.style.fit = style::Fit::None;
    out.style.font.size = size;
    out.style.leading = Length::ratio(style.leading, size.sp, style.font.size.sp);
    return out;
}

// The narrowest measure, to a point, at which two lines still hold the text: lines of about
// equal length rather than a full first line and a short second one.
Length balanced_width(Trial& trial, Length full) {
    Length lo = full / 2, hi = full;  // hi always fits
    while (hi - lo > Length::from_pt(1)) {
        const Length mid = (lo + hi) / 2;
        if (trial.fits_two_lines(mid)) hi = mid;
        else lo = mid;
    }
    return hi;
}

// The env whose measure is `width`, placed in the full measure as the alignment places a line.
BlockEnv narrowed(const BlockEnv& env, style::Align align, Length full, Length width) {
    BlockEnv out = env;
    const Length spare = full - width;
    const Length shift = align == style::Align::Center ? spare / 2 : align == style::Align::Right ? spare : Length{};
    out.indent += shift;
    out.width -= spare - shift;
    return out;
}

}  // namespace

std::optional<FittedParagraph> fit_paragraph(const std::vector<inl::StyledRun>& runs, const style::ParagraphStyle& style,
                                             Span span, const BlockEnv& env, LayoutContext& ctx) {
    const Length full = env.width - style.indent_left - style.indent_right - env.indent;
    const Length size = style.font.size, minimum = std::min(style.min_font_size, size);
    Trial trial(runs, style, span, full, ctx);
    const Length natural = trial.natural_width(size);
    if (natural <= full) return fitted(trial, style, size, env);
    // Widths grow in proportion to the size, so the first step tried is the one just above the
    // size at which the text would fill the line exactly (rounding may still let it fit).
    const Length filling = Length::ratio(size, full.sp, natural.sp);
    const int64_t steps = std::max<int64_t>(1, (size - filling).sp / style::kFitStep.sp);
    for (Length s = size - style::kFitStep * steps; s >= minimum; s -= style::kFitStep)
        if (trial.fits_one_line(s)) return fitted(trial, style, s, env);
    trial.fits_one_line(minimum);  // the steps may skip the minimum itself
    if (trial.fits_two_lines(full)) {
        const BlockEnv two_lines = narrowed(env, env.align.value_or(style.align), full, balanced_width(trial, full));
        return fitted(trial, style, minimum, two_lines);
    }
    ctx.out.diags.error(span, quoted_text(runs) + " does not fit on two lines of " + points(full) + " at min-font-size " +
                                  points(minimum) + " (paragraph style '" + style.name + "', fit=\"shrink\")");
    return std::nullopt;
}

}  // namespace reportc::layout
