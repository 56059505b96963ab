#include "pages/paginate.h"

// The warnings for page breaks the rules forbade and for boxes that overflow their page.
namespace reportc::pages {

namespace {

// "712pt", "650.5pt": to a tenth of a point, enough to compare a box with its page.
std::string points(Length l) {
    int64_t tenths = (l.sp * 10 + Length::kSpPerPt / 2) / Length::kSpPerPt;
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10) out.append(".").append(std::to_string(tenths % 10));
    return out.append("pt");
}

const char* noun(layout::BoxKind kind) {
    switch (kind) {
    case layout::BoxKind::ParagraphLine: return "paragraph";
    case layout::BoxKind::TableRow: return "table row";
    case layout::BoxKind::Chart: return "chart";
    case layout::BoxKind::Diagram: return "diagram";
    case layout::BoxKind::Frame: return "frame";
    case layout::BoxKind::Other: break;
    }
    return nullptr;
}

}  // namespace

std::string describe(const ForcedBreak& f) {
    const char* what = f.source.valid() ? noun(f.what) : nullptr;
    const std::string page = "page " + std::to_string(f.page);
    if (f.kind == ForcedBreak::Kind::Overflow) {
        const std::string subject = !what                                     ? std::string("a box")
                                    : f.what == layout::BoxKind::ParagraphLine ? std::string("a line of this paragraph")
                                                                               : std::string("this ") + what;
        const std::string limit = f.room < f.body ? "the room left below the table's repeated header" : "the page body";
        return subject + " is taller than " + limit + " (" + points(f.height) + " > " + points(f.room) + ") and overflows " + page;
    }
    const std::string pages = "between pages " + std::to_string(f.page) + " and " + std::to_string(f.page + 1);
    if (!what) return "a page break had to be made " + pages + ", where keep or widow/orphan rules forbid one";
    if (f.inside)
        return std::string("a page break had to be made inside this ") + what + ", " + pages +
               ", where its widow/orphan or keep rules forbid one";
    return std::string("a page break had to be made before this ") + what + ", " + pages + ", where a keep rule forbids one";
}

void warn_forced_breaks(const std::vector<ForcedBreak>& forced, Diagnostics& diags) {
    for (const auto& f : forced) diags.warning(f.source, describe(f));
}

}  // namespace reportc::pages
