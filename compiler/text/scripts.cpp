#include "text/scripts.h"

#include <iterator>

namespace reportc::text {
namespace {

struct Block {
    char32_t first, last;
    std::string_view script;
};

// Unicode blocks (Blocks.txt, Unicode 15), in code point order.
constexpr Block kShapedBlocks[] = {
    {0x0590, 0x05FF, "Hebrew"},       {0x0600, 0x06FF, "Arabic"},     {0x0700, 0x074F, "Syriac"},
    {0x0750, 0x077F, "Arabic"},       {0x0780, 0x07BF, "Thaana"},     {0x07C0, 0x07FF, "NKo"},
    {0x0800, 0x083F, "Samaritan"},    {0x0840, 0x085F, "Mandaic"},    {0x0860, 0x086F, "Syriac"},
    {0x0870, 0x08FF, "Arabic"},       {0x0900, 0x097F, "Devanagari"}, {0x0980, 0x09FF, "Bengali"},
    {0x0A00, 0x0A7F, "Gurmukhi"},     {0x0A80, 0x0AFF, "Gujarati"},   {0x0B00, 0x0B7F, "Oriya"},
    {0x0B80, 0x0BFF, "Tamil"},        {0x0C00, 0x0C7F, "Telugu"},     {0x0C80, 0x0CFF, "Kannada"},
    {0x0D00, 0x0D7F, "Malayalam"},    {0x0D80, 0x0DFF, "Sinhala"},    {0x0E00, 0x0E7F, "Thai"},
    {0x0E80, 0x0EFF, "Lao"},          {0x0F00, 0x0FFF, "Tibetan"},    {0x1000, 0x109F, "Myanmar"},
    {0x1700, 0x171F, "Tagalog"},      {0x1720, 0x173F, "Hanunoo"},    {0x1740, 0x175F, "Buhid"},
    {0x1760, 0x177F, "Tagbanwa"},     {0x1780, 0x17FF, "Khmer"},      {0x1800, 0x18AF, "Mongolian"},
    {0x1900, 0x194F, "Limbu"},        {0x1950, 0x197F, "Tai Le"},     {0x1980, 0x19DF, "New Tai Lue"},
    {0x19E0, 0x19FF, "Khmer"},        {0x1A00, 0x1A1F, "Buginese"},   {0x1A20, 0x1AAF, "Tai Tham"},
    {0x1B00, 0x1B7F, "Balinese"},     {0x1B80, 0x1BBF, "Sundanese"},  {0x1BC0, 0x1BFF, "Batak"},
    {0x1C00, 0x1C4F, "Lepcha"},       {0x1CD0, 0x1CFF, "Vedic"},      {0xA800, 0xA82F, "Syloti Nagri"},
    {0xA840, 0xA87F, "Phags-pa"},     {0xA880, 0xA8DF, "Saurashtra"}, {0xA8E0, 0xA8FF, "Devanagari"},
    {0xA900, 0xA92F, "Kayah Li"},     {0xA930, 0xA95F, "Rejang"},     {0xA980, 0xA9DF, "Javanese"},
    {0xA9E0, 0xA9FF, "Myanmar"},      {0xAA00, 0xAA5F, "Cham"},       {0xAA60, 0xAA7F, "Myanmar"},
    {0xAA80, 0xAADF, "Tai Viet"},     {0xAAE0, 0xAAFF, "Meetei Mayek"}, {0xABC0, 0xABFF, "Meetei Mayek"},
    {0xFB1D, 0xFB4F, "Hebrew"},       {0xFB50, 0xFDFF, "Arabic"},     {0xFE70, 0xFEFF, "Arabic"},
};

}  // namespace

std::string_view script_needing_shaping(char32_t cp) {
    // The table is short and names are rare: a linear scan after a quick range check.
    if (cp < 0x0590 || (cp > 0x1CFF && cp < 0xA800) || cp > 0xFEFF) return {};
    for (const Block& b : kShapedBlocks) {
        if (cp < b.first) return {};
        if (cp <= b.last) return b.script;
    }
    return {};
}

}  // namespace reportc::text
