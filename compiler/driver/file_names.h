#pragma once
// File names made from record fields ("{certificate.number}-{participant.family_name}.pdf")
// made safe for every file system a certificate may be copied to (docs/merge.md#file-names).
#include <set>
#include <string>

namespace reportc::driver {

// At most this many bytes, the extension included: well under the 255 that ext4, NTFS, APFS and
// FAT's long names allow, leaving room for a folder on a path of 260 characters.
inline constexpr size_t kMaxFileNameBytes = 120;

// `name` safe as one file name: no '/', '\\', ':', '*', '?', '"', '<', '>', '|', control
// characters or invalid UTF-8 (each becomes '_'), no "..", no leading or trailing dots or spaces,
// no reserved device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension: prefixed
// with '_'), at most kMaxFileNameBytes (cut at a character, the extension kept), never empty.
std::string safe_file_name(const std::string& name);

// Names unique in one folder, compared as file systems that ignore case do (ASCII letters).
class UniqueNames {
public:
    // `safe` (from safe_file_name), or it with "-2", "-3", … before its extension.
    std::string take(const std::string& safe);

private:
    std::set<std::string> m_used;  // lowercased
};

}  // namespace reportc::driver
