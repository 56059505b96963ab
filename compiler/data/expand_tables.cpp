#include "data/expand_tables.h"

#include <map>
#include <optional>
#include <string>

#include "data/aggregate.h"
#include "data/dataset_loader.h"
#include "data/template_expander.h"
#include "doc/walk.h"

namespace reportc::data {
namespace {

class TableExpander
    : public doc::PassOver<
    doc::Section, doc::Article, doc::Paragraph, doc::List, doc::ListItem, doc::TableRow,
    doc::TableCell, doc::Figure, doc::Division, doc::Frame, doc::Rule, doc::Signature, doc::PageBreak, doc::Chart,
    doc::Diagram, doc::Contents, doc::Footnote, doc::Image,
    doc::Qr> {
public:
    using PassOver::enter;
    TableExpander(const std::vector<doc::TableTemplate>& templates, const Environment& env, SourceManager& sources,
                  Diagnostics& diags)
        : m_env(env), m_sources(sources), m_diags(diags) {
        for (const auto& t : templates) m_templates.emplace(t.name, &t);  // the first of a name wins
    }

    // Two walks: the first counts each data file's tables, so that the second releases a dataset
    // after its last table (980 data files at 4,009 pages: 12 MB of datasets not held together).
    void walk(std::vector<doc::Block>& blocks) {
        count(blocks);
        expand_all(blocks);
    }
    void count(std::vector<doc::Block>& blocks) {
        m_counting = true;
        doc::walk(blocks, *this);
        m_counting = false;
    }
    void expand_all(std::vector<doc::Block>& blocks) { doc::walk(blocks, *this); }

    // The walk's visitor: a table generated from data gets its expansion (whose cells are
    // walked after, like any other); the table as written is left as it is.
    void enter(doc::Table& table) {
        if (table.template_name.empty()) return;
        if (m_counting) ++m_tables_left[table.data_path];
        else expand(table);
    }

private:
    void expand(doc::Table& table) {
        auto it = m_templates.find(table.template_name);
        const doc::Dataset* data = table.data_path.empty() ? nullptr : dataset(table.data_path, table.data_span);
        if (it == m_templates.end()) {
            m_diags.error(table.span, "expected a table template defined in the layout, found '" + table.template_name + "'");
        } else if (data) {
            std::optional<doc::Dataset> aggregated;
            if (!table.aggregate.empty()) {
                aggregated = aggregate(*data, table.aggregate, table.data_path, m_diags);
                if (!aggregated) {  // reported
                    release_if_done(table.data_path);
                    return;
                }
                data = &*aggregated;
            }
            doc::Table built = expand_template(*it->second, *data, table, m_diags);
            table.expanded = doc::ExpandedTable{std::move(built.style), std::move(built.columns), std::move(built.rows)};
        }
        release_if_done(table.data_path);
    }

    // A table the first walk did not see (none is made by an expansion today) keeps its dataset.
    void release_if_done(const std::string& path) {
        auto left = m_tables_left.find(path);
        if (left == m_tables_left.end() || --left->second > 0) return;
        m_tables_left.erase(left);
        m_datasets.erase(path);
    }

    const doc::Dataset* dataset(const std::string& path, Span from) {
        auto it = m_datasets.find(path);
        if (it == m_datasets.end()) it = m_datasets.emplace(path, load_dataset(path, m_env, m_sources, m_diags, from)).first;
        return it->second ? &*it->second : nullptr;
    }

    const Environment& m_env;
    SourceManager& m_sources;
    Diagnostics& m_diags;
    std::map<std::string, const doc::TableTemplate*> m_templates;
    std::map<std::string, std::optional<doc::Dataset>> m_datasets;  // by path; a failed load is kept too
    std::map<std::string, size_t> m_tables_left;  // by path: the tables still to expand from it
    bool m_counting = false;
};

}  // namespace

struct TableExpansion::Impl {
    TableExpander expander;
};

TableExpansion::TableExpansion(const std::vector<doc::TableTemplate>& templates, const Environment& env, SourceManager& sources,
                               Diagnostics& diags)
    : m(std::make_unique<Impl>(Impl{TableExpander(templates, env, sources, diags)})) {}
TableExpansion::~TableExpansion() = default;
void TableExpansion::count(std::vector<doc::Block>& blocks) { m->expander.count(blocks); }
void TableExpansion::expand(std::vector<doc::Block>& blocks) { m->expander.expand_all(blocks); }

void expand_tables(doc::Document& document, const std::vector<doc::TableTemplate>& templates, const Environment& env,
                   SourceManager& sources, Diagnostics& diags) {
    TableExpander(templates, env, sources, diags).walk(document.blocks);
}

}  // namespace reportc::data
