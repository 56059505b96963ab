// Document metadata: the Info dictionary (UTF-16BE strings through the current UTF-8 encoder,
// dates in UTC) and page labels.
#include "pdf/pdf_parts.h"

namespace reportc::pdf {

namespace {

// Seconds since 1970 -> UTC calendar date (H. Hinnant's civil_from_days), without gmtime().
HPDF_Date utc_date(int64_t epoch) {
    int64_t days = epoch / 86400, secs = epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    HPDF_Date d{};
    d.year = HPDF_INT(year);
    d.month = HPDF_INT(month);
    d.day = HPDF_INT(day);
    d.hour = HPDF_INT(secs / 3600);
    d.minutes = HPDF_INT(secs % 3600 / 60);
    d.seconds = HPDF_INT(secs % 60);
    d.ind = 'Z';  // UTC; libharu then appends 00'00'
    d.off_hour = 0;
    d.off_minutes = 0;
    return d;
}

HPDF_PageNumStyle page_num_style(frame::PageLabelStyle style) {
    switch (style) {
    case frame::PageLabelStyle::Decimal: return HPDF_PAGE_NUM_STYLE_DECIMAL;
    case frame::PageLabelStyle::LowerRoman: return HPDF_PAGE_NUM_STYLE_LOWER_ROMAN;
    case frame::PageLabelStyle::UpperRoman: return HPDF_PAGE_NUM_STYLE_UPPER_ROMAN;
    case frame::PageLabelStyle::LowerAlpha: return HPDF_PAGE_NUM_STYLE_LOWER_LETTERS;
    case frame::PageLabelStyle::UpperAlpha: return HPDF_PAGE_NUM_STYLE_UPPER_LETTERS;
    }
    return HPDF_PAGE_NUM_STYLE_DECIMAL;
}

}  // namespace

bool write_info(PdfDocument& doc, const frame::DocumentInfo& info, int64_t now) {
    HPDF_Doc pdf = doc.handle();
    const std::pair<HPDF_InfoType, const std::string*> strings[] = {
        {HPDF_INFO_TITLE, &info.title},       {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject},   {HPDF_INFO_KEYWORDS, &info.keywords},
        {HPDF_INFO_CREATOR, &info.creator},
    };
    for (const auto& [type, value] : strings) {
        if (value->empty()) continue;
        HPDF_SetInfoAttr(pdf, type, value->c_str());
    }
    if (!doc.check("setting the document information (title, author, subject, keywords, creator)")) return false;

    const HPDF_Date date = utc_date(info.creation_epoch.value_or(now));
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    return doc.check("setting the creation and modification dates");
}

bool write_page_labels(PdfDocument& doc, const std::vector<frame::PageLabelRange>& labels) {
    for (const frame::PageLabelRange& range : labels) {
        HPDF_AddPageLabel(doc.handle(), HPDF_UINT(range.first_page), page_num_style(range.style), HPDF_UINT(range.start),
                          range.prefix.c_str());
        if (!doc.check("adding the page label range at page index " + std::to_string(range.first_page))) return false;
    }
    return true;
}

}  // namespace reportc::pdf
