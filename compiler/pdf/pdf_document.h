#pragma once
// Internal to the pdf module: one libharu document and its error state.
//
// libharu reports an error through a callback, returns an error code, and then refuses every
// later call on the document (sticky errors, docs/libharu-notes.md §L8). So the wrapper
// records the first (code, detail) it is told about and the writer calls
// `check("what it was doing")` after each risky call; the first failure becomes one "pdf: …" diagnostic and the write stops.
#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/diagnostic.h"
#include "pdf/pdf_frozen_dicts.h"

namespace reportc::pdf {

// "FILE_OPEN_ERROR" for 0x1017; generated from <hpdf_error.h> (pdf_errors.cpp).
const char* error_name(unsigned long code);

class ByteSink;

class PdfDocument {
public:
    explicit PdfDocument(Diagnostics& diags);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    HPDF_Doc handle() const { return m_doc; }
    // The UTF-8 encoder: pass it to HPDF_CreateOutline; it is also the current encoder, so Info
    // strings are written as UTF-16BE (docs/libharu-notes.md §L10).
    HPDF_Encoder utf8() const { return m_utf8; }
    Diagnostics& diags() { return m_diags; }

    // False (after recording a diagnostic that names the libharu error and `doing`) when
    // libharu reported an error since the last check, or an earlier check already failed.
    bool check(std::string_view doing);
    // As check(), with what it was doing described only if it failed: for the calls made once a
    // word, whose descriptions would otherwise cost a string built every time.
    template <class Describe>
        requires std::is_invocable_r_v<std::string, Describe&>
    bool check(Describe&& doing) {
        return (!m_failed && !m_pending) || check(std::string_view(doing()));
    }
    // As check(), and also fails when a call returned a null handle without reporting an error
    // (libharu does that for some malformed fonts, docs/libharu-notes.md §L12).
    bool check_handle(const void* handle, std::string_view doing);
    bool failed() const { return m_failed; }

    // Serialises the document (HPDF_SaveToStream) into `out`, piece by piece as libharu writes
    // it: neither libharu nor we hold the file whole. False after a libharu error (recorded) or
    // when `out` stopped the save (the sink keeps why).
    bool save(ByteSink& out);
    // Why a stream libharu reads while it saves could not give its bytes (a page's content kept
    // in a temporary file, ContentStore): the save then fails with this error alone, not
    // libharu's echo of it. The first one is kept.
    void stream_failed(std::string message);
    // The finished pages kept as bytes (FrozenDicts); libharu's write functions of a frozen page
    // find them through the document its error handler is given.
    FrozenDicts& frozen_dicts() { return m_frozen; }

private:
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self);
    void fail(std::string message);

    struct Error {
        unsigned long code = 0;
        unsigned long detail = 0;
    };

    Diagnostics& m_diags;
    HPDF_Doc m_doc = nullptr;
    HPDF_Encoder m_utf8 = nullptr;
    std::optional<Error> m_pending;
    std::string m_stream_failure;
    bool m_failed = false;
    FrozenDicts m_frozen;  // outlives the libharu document, whose pages share its attributes
};

// Locale-independent "1.5" / "-0.25" for diagnostics (libharu formats its own numbers).
std::string format_pt(double pt);

}  // namespace reportc::pdf
