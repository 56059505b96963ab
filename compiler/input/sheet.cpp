#include "input/sheet.h"

namespace reportc::input {

std::string SheetCell::text() const {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

std::string cell_name(uint32_t row, uint32_t column) {
    std::string letters;
    for (uint32_t c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::optional<std::pair<uint32_t, uint32_t>> parse_cell_name(std::string_view name) {
    constexpr uint32_t kMaxColumn = 16384, kMaxRow = 1048576;
    size_t i = 0;
    uint64_t column = 0, row = 0;
    while (i < name.size() && name[i] >= 'A' && name[i] <= 'Z' && column <= kMaxColumn) column = column * 26 + uint64_t(name[i++] - 'A' + 1);
    if (i == 0 || i == name.size()) return std::nullopt;
    for (; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9' || row > kMaxRow) return std::nullopt;
        row = row * 10 + uint64_t(name[i] - '0');
    }
    if (row == 0 || row > kMaxRow || column > kMaxColumn) return std::nullopt;
    return std::make_pair(uint32_t(row), uint32_t(column));
}

std::ostream& operator<<(std::ostream& os, const Sheet& sheet) {
    os << "sheet \"" << sheet.name << "\"\n";
    for (const auto& c : sheet.cells) {
        os << "  " << cell_name(c.row, c.column) << (c.error ? " error" : "") << ":";
        for (const auto& r : c.runs) os << " \"" << r.text << "\"" << (r.bold ? "[b]" : "") << (r.italic ? "[i]" : "");
        os << "\n";
    }
    for (const auto& m : sheet.merged)
        os << "  merged " << cell_name(m.first_row, m.first_column) << ":" << cell_name(m.last_row, m.last_column) << "\n";
    return os;
}

}  // namespace reportc::input
