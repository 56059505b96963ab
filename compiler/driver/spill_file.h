#pragma once
// Private to driver: the paragraph cache's spill store of a build (layout/spill_store.h), an
// unnamed temporary file in the output's folder (issue 16: memory that does not grow with the
// body). It is made when the cache first goes over its budget, so a small build makes none; it
// has no name (O_TMPFILE, else made and unlinked at once), so it is never left behind, whatever
// ends the build.
#include <mutex>
#include <string>

#include "layout/spill_store.h"

namespace reportc::driver {

class FileSpillStore final : public layout::SpillStore {
public:
    explicit FileSpillStore(std::string directory) : m_directory(std::move(directory)) {}
    ~FileSpillStore() override;
    FileSpillStore(const FileSpillStore&) = delete;
    FileSpillStore& operator=(const FileSpillStore&) = delete;

    std::optional<Place> append(std::string_view bytes) override;
    bool read(Place place, std::string& out) override;
    // Why bytes could not be kept (the cache then keeps its entries in memory); empty: they were.
    std::string error() const;

private:
    bool open_file();

    mutable std::mutex m_mutex;
    std::string m_directory;
    int m_fd = -1;
    uint64_t m_size = 0;
    std::string m_error;
};

// The output's folder; with no output (a check), the system's temporary folder.
std::string spill_directory(const std::string& output);

}  // namespace reportc::driver
