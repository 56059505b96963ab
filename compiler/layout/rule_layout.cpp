#include "layout/rule_layout.h"

#include "layout/box_paint.h"
#include "style/values.h"

namespace reportc::layout {
namespace {

// "60mm", or a percentage of the measure ("50%"); empty: the whole measure.
std::optional<Length> rule_width(const std::string& text, Length measure) {
    if (text.empty()) return measure;
    if (text.back() == '%') {
        auto v = style::parse_number(std::string_view(text).substr(0, text.size() - 1));
        if (!v || *v <= 0 || *v > 100) return std::nullopt;
        return measure.scaled(*v / 100);
    }
    auto v = style::parse_length(text, Length::from_pt(10));
    if (!v || *v <= Length{}) return std::nullopt;
    return *v;
}

}  // namespace

void layout_rule(const doc::Rule& rule, const BlockEnv& env, LayoutContext& ctx, std::vector<VItem>& out) {
    const Length measure = env.width - env.indent;
    auto width = rule_width(rule.width, measure);
    if (!width) {
        ctx.out.diags.error(rule.span, "expected a rule width such as 60mm or 50%, found '" + rule.width + "'");
        width = measure;
    }
    Length thickness = Length::from_pt(0.5);
    if (!rule.thickness.empty()) {
        if (auto t = style::parse_length(rule.thickness, Length::from_pt(10)); t && *t > Length{}) thickness = *t;
        else ctx.out.diags.error(rule.span, "expected a rule thickness such as 0.5pt, found '" + rule.thickness + "'");
    }
    Color color;
    if (!rule.color.empty()) {
        if (auto c = style::parse_color(rule.color)) color = *c;
        else ctx.out.diags.error(rule.span, "expected a colour such as #1f4e79 for the rule, found '" + rule.color + "'");
    }
    width = min(*width, measure);
    Length x = env.indent;
    if (rule.align == "center") x += (measure - *width) / 2;
    else if (rule.align == "right") x += measure - *width;
    VBox box;
    box.height = thickness;
    box.source = rule.span;
    box.items.push_back(stroke_line({x, thickness / 2}, {x + *width, thickness / 2}, color, thickness));
    out.push_back(VGlue{kRuleSpace});
    out.push_back(std::move(box));
    out.push_back(VGlue{kRuleSpace});
}

}  // namespace reportc::layout
