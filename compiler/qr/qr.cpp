#include "qr/qr.h"

#include <cerrno>
#include <algorithm>
#include <map>
#include <memory>
#include <qrencode.h>
#include <utility>

namespace reportc::qr {
namespace {

QRecLevel to_qrencode(Level level) {
    switch (level) {
        case Level::L: return QR_ECLEVEL_L;
        case Level::M: return QR_ECLEVEL_M;
        case Level::Q: return QR_ECLEVEL_Q;
        case Level::H: return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct CodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

size_t max_bytes(Level level) {
    switch (level) {
        case Level::L: return 2953;
        case Level::M: return 2331;
        case Level::Q: return 1663;
        case Level::H: return 1273;
    }
    return 0;
}

const char* level_name(Level level) {
    switch (level) {
        case Level::L: return "L";
        case Level::M: return "M";
        case Level::Q: return "Q";
        case Level::H: return "H";
    }
    return "?";
}

std::variant<Matrix, EncodeError> encode(std::string_view data, Level level) {
    if (data.empty()) return EncodeError{"expected data for the QR code, found an empty data attribute"};
    const auto too_long = [&] {
        return EncodeError{std::string("expected data of at most ")
                               .append(std::to_string(max_bytes(level)))
                               .append(" bytes for a QR code at level ")
                               .append(level_name(level))
                               .append(", found ")
                               .append(std::to_string(data.size()))
                               .append(" bytes")};
    };
    if (data.size() > max_bytes(level)) return too_long();
    // Version 0: the smallest version that holds the data. QRcode_encodeData puts every byte in
    // 8-bit (byte) mode, whatever the bytes are.
    errno = 0;
    std::unique_ptr<QRcode, CodeDeleter> code(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0, to_qrencode(level)));
    if (!code) {
        if (errno == ERANGE) return too_long();
        return EncodeError{std::string("expected data a QR code can hold, found an encoder failure (errno ").append(std::to_string(errno)).append(")")};
    }
    Matrix m;
    m.version = code->version;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    // Bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    return m;
}

std::vector<ModuleRect> dark_rectangles(const Matrix& m) {
    std::vector<ModuleRect> done;
    // Rectangles still growing downwards, keyed by their run (x, width) in the previous row.
    std::map<std::pair<int, int>, ModuleRect> open;
    for (int y = 0; y < m.size; ++y) {
        std::map<std::pair<int, int>, ModuleRect> next;
        for (int x = 0; x < m.size;) {
            if (!m.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < m.size && m.at(end, y)) ++end;
            const std::pair<int, int> run{x, end - x};
            if (auto it = open.find(run); it != open.end()) {
                ModuleRect r = it->second;
                ++r.height;
                open.erase(it);
                next.emplace(run, r);
            } else {
                next.emplace(run, ModuleRect{x, y, end - x, 1});
            }
            x = end;
        }
        for (auto& [run, r] : open) done.push_back(r);
        open = std::move(next);
    }
    for (auto& [run, r] : open) done.push_back(r);
    // Top to bottom, left to right: the order a reader of the path expects.
    std::sort(done.begin(), done.end(), [](const ModuleRect& a, const ModuleRect& b) { return std::pair{a.y, a.x} < std::pair{b.y, b.x}; });
    return done;
}

}  // namespace reportc::qr
