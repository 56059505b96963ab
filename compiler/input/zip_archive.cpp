#include "input/zip_archive.h"

#include <zip.h>

namespace reportc::input {

struct ZipArchive::Handle {
    std::string bytes;  // libzip reads from these: they live as long as the archive
    zip_t* archive = nullptr;
};

ZipArchive::ZipArchive(std::unique_ptr<Handle> handle) : m_handle(std::move(handle)) {}

ZipArchive::~ZipArchive() {
    if (m_handle && m_handle->archive) zip_discard(m_handle->archive);
}

std::unique_ptr<ZipArchive> ZipArchive::open(std::string bytes, std::string& error) {
    auto handle = std::make_unique<Handle>();
    handle->bytes = std::move(bytes);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* source = zip_source_buffer_create(handle->bytes.data(), handle->bytes.size(), 0, &ze);
    if (!source) {
        error = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return nullptr;
    }
    handle->archive = zip_open_from_source(source, ZIP_RDONLY, &ze);
    if (!handle->archive) {
        zip_source_free(source);
        error = zip_error_code_zip(&ze) == ZIP_ER_NOZIP ? "not a zip archive" : zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return nullptr;
    }
    zip_error_fini(&ze);
    return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(handle)));
}

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(m_handle->archive, name.c_str(), 0) >= 0; }

std::optional<std::string> ZipArchive::read(const std::string& name, size_t limit, std::string& error) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_handle->archive, name.c_str(), 0, &st) != 0) {
        error = "the archive has no member '" + name + "'";
        return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        error = "its member '" + name + "' is encrypted";
        return std::nullopt;
    }
    // The stated size may lie: read in chunks and stop at the limit whatever the header says.
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) {
        error = "its member '" + name + "' inflates to " + std::to_string(st.size) + " bytes, over the limit of " +
                std::to_string(limit);
        return std::nullopt;
    }
    zip_file_t* file = zip_fopen(m_handle->archive, name.c_str(), 0);
    if (!file) {
        error = "its member '" + name + "' cannot be opened: " + zip_strerror(m_handle->archive);
        return std::nullopt;
    }
    std::string out;
    char chunk[65536];
    for (;;) {
        zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
        if (n < 0) {
            error = "its member '" + name + "' is damaged: " + zip_file_strerror(file);
            zip_fclose(file);
            return std::nullopt;
        }
        if (n == 0) break;
        if (out.size() + size_t(n) > limit) {
            error = "its member '" + name + "' inflates past the limit of " + std::to_string(limit) + " bytes";
            zip_fclose(file);
            return std::nullopt;
        }
        out.append(chunk, size_t(n));
    }
    zip_fclose(file);
    return out;
}

}  // namespace reportc::input
