#pragma once
// build --changes-since OLD: the earlier sources as a folder, either OLD itself or a git revision
// of the report's folder unpacked into a temporary one; and the summary of changes printed.
#include <optional>
#include <string>
#include <vector>

#include "driver/compiler.h"

namespace reportc::cli {

// The earlier sources of `report` (REPORT.xml). A folder is used as it is; anything else is read
// as a git revision: the report's folder at that revision (`git archive REV:PATH`) is unpacked
// into a temporary folder that lives as long as this object.
class OldSources {
public:
    OldSources() = default;
    ~OldSources();
    OldSources(const OldSources&) = delete;
    OldSources& operator=(const OldSources&) = delete;
    // The folder, or nullopt with `error` set (not a folder, and not a revision git knows).
    std::optional<std::string> open(const std::string& old, const std::string& report, std::string& error);

private:
    std::string m_temporary;
};

// One line per change, then the counts ("3 changes: 1 changed, 1 added, 1 removed").
std::string summary_of(const std::vector<data::RecordChange>& changes);

}  // namespace reportc::cli
