#pragma once
// Internal to the pdf module: a finished page's content stream deflated at once, so libharu
// holds each page compressed rather than as plain operators until the document is saved
// (docs/libharu-notes.md §L19).
#include <hpdf.h>

#include <string>
#include <string_view>

namespace reportc::pdf {

// `bytes` deflated as libharu 2.3.0 deflates a stream when it saves the document: zlib's
// default level, window and memory level, in one zlib stream (so the output is the same bytes).
std::string deflate_like_libharu(std::string_view bytes);

// Replaces the page's content stream by its deflated bytes and has the stream's dictionary say
// /Filter [ /FlateDecode ] as libharu would. False (the page left as it was, for libharu to
// compress when it saves) when the page is still inside a text or path object or a saved
// graphics state, which libharu closes by writing to the stream when it saves; when the
// stream is empty; or when libharu or zlib failed (libharu's error is then set).
bool compress_page_stream(HPDF_Page page);

}  // namespace reportc::pdf
