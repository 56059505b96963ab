#pragma once
// Expands every table generated from data (<table template data>) in a document into its rows.
#include <memory>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/table_template.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::data {

// Walks all blocks (sections, articles, figures, list items, table cells) and sets `expanded`
// of each Table whose template_name is set: the layout's template of that name over the data
// file at data_path (each file is loaded once). The table as written (template, data file,
// rows) is kept. An unknown template is an error at the table; a table whose data cannot be
// loaded (reported) or whose template is unknown is left unexpanded, with its rows as written.
void expand_tables(doc::Document& document, const std::vector<doc::TableTemplate>& templates, const Environment& env,
                   SourceManager& sources, Diagnostics& diags);

// The same a part at a time (the driver resolves a top-level block at a time): count() the whole
// document's tables first, so that a dataset is released after its last table, then expand()
// its parts in document order.
class TableExpansion {
public:
    TableExpansion(const std::vector<doc::TableTemplate>& templates, const Environment& env, SourceManager& sources,
                   Diagnostics& diags);
    ~TableExpansion();
    void count(std::vector<doc::Block>& blocks);
    void expand(std::vector<doc::Block>& blocks);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace reportc::data
