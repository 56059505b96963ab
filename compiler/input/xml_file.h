#pragma once
// Private to the input module: a parsed XML file that knows its SourceManager file id, so every
// node and attribute can be turned into a Span. pugixml stays behind this header.
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "base/diagnostic.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

class XmlFile {
public:
    // Reads and parses `path`; on failure reports at `from` (file missing) or at the parse error.
    static std::unique_ptr<XmlFile> load(const std::string& path, const Environment& env, SourceManager& sources,
                                         Diagnostics& diags, Span from);
    // The parse is done: the source manager keeps the file's text deflated from here on
    // (SourceManager::compact_parsed), for diagnostics only.
    ~XmlFile();
    XmlFile(const XmlFile&) = delete;
    XmlFile& operator=(const XmlFile&) = delete;

    const std::string& path() const { return m_path; }
    std::string directory() const { return parent_directory(m_path); }
    pugi::xml_node root() const { return m_doc.document_element(); }

    Span span(pugi::xml_node node) const;
    // `skip`: the span of a later use of the same name (a repeated attribute is an error).
    Span attribute_span(pugi::xml_node node, const char* name, size_t skip = 0) const;

    // Every attribute not in `allowed` is an error naming the allowed ones.
    void check_attributes(pugi::xml_node node, std::initializer_list<const char*> allowed, Diagnostics& diags) const;
    // The attribute's value, or an error "missing attribute" and nullopt.
    std::optional<std::string> required(pugi::xml_node node, const char* name, Diagnostics& diags) const;
    // Any child element or non-blank text is an error: `what` says what the element holds instead.
    void expect_empty(pugi::xml_node node, const char* what, Diagnostics& diags) const;
    // Only text is allowed (no child elements).
    void expect_text_only(pugi::xml_node node, Diagnostics& diags) const;

private:
    XmlFile() = default;
    // Each element's attributes are distinct; else an error at each repeated one, and false.
    bool unique_attributes(Diagnostics& diags) const;

    std::string m_path;
    uint32_t m_file = 0;
    SourceManager* m_sources = nullptr;
    SourceFile* m_source = nullptr;  // pinned while this reads it, compacted when this goes
    pugi::xml_document m_doc;
};

// What pugixml would pass silently, at its byte offsets: a NUL byte; character references to NUL,
// a surrogate or past U+10FFFF; entity declarations; references to entities other than XML's five.
struct XmlProblem {
    size_t begin = 0, end = 0;
    std::string message;
};
std::vector<XmlProblem> check_xml_text(std::string_view text);
// The end tag found at or before `offset` where pugixml reports a mismatch, and the one the
// element still open there needs (xml_mismatch.cpp); nullopt when none is open.
std::optional<XmlProblem> describe_mismatch(std::string_view text, size_t offset);

std::string collapse_whitespace(std::string_view text);
bool is_blank(std::string_view text);

}  // namespace reportc::input
