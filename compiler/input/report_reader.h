#pragma once
// Private to input: the reader of a report's source files (source_reader.h), its blocks read in
// source_reader.cpp, its paragraphs, lists and tables in table_list_reader.cpp.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "input/xml_file.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::input {

// Blocks nest by recursion (here, in the document walk and in layout): a generous bound keeps
// hostile input from overflowing the stack while no real document comes near it (docs/source-format.md, Limits).
constexpr int kMaxBlockDepth = 200;

constexpr const char* kBlockElements = "section, article, p, list, figure, table, chart, diagram, signature, contents, division, frame, rule, page-break, include, image, qr";

class ReportReader {
public:
    ReportReader(const Environment& env, SourceManager& sources, Diagnostics& diags)
        : m_env(env), m_sources(sources), m_diags(diags) {}

    std::optional<doc::Document> read(const std::string& path);

private:
    void read_blocks(const XmlFile& file, pugi::xml_node parent, int level, std::vector<doc::Block>& out);
    void read_block(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out);
    void read_element(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out);
    doc::Keeps take_keeps(const XmlFile& file, pugi::xml_node node);
    std::optional<doc::Condition> take_condition(const XmlFile& file, pugi::xml_node node);
    void read_include(const XmlFile& file, pugi::xml_node node, int level, std::vector<doc::Block>& out);
    doc::Paragraph read_paragraph(const XmlFile& file, pugi::xml_node node, std::string default_style);
    doc::List read_list(const XmlFile& file, pugi::xml_node node, int level);
    doc::Table read_table(const XmlFile& file, pugi::xml_node node, int level);
    // Content that may be inline text or blocks (list items, table cells).
    std::vector<doc::Block> read_flexible(const XmlFile& file, pugi::xml_node node, int level, const std::string& style);
    void read_info(const XmlFile& file, pugi::xml_node node, doc::Info& info);
    void read_variable(const XmlFile& file, pugi::xml_node node, doc::Info& info);

    const Environment& m_env;
    SourceManager& m_sources;
    Diagnostics& m_diags;
    bool m_seen_info = false;
    bool m_include_failed = false;  // an included file could not be read or parsed
    int m_depth = 0;                // blocks being read, outermost first
    bool m_too_deep = false;        // the depth limit was reported (once: what is inside is skipped)
    std::vector<std::string> m_include_stack;  // normalized paths, for cycle detection
    std::vector<std::unique_ptr<XmlFile>> m_files;  // keep spans' files alive for the run
};

// Whether an element holds blocks (else inline text): an <image> is a block unless text stands beside it.
bool has_block_child(pugi::xml_node node);

}  // namespace reportc::input
