#include "driver/resolve.h"

#include <iterator>
#include <string>
#include <utility>

#include "data/chart_data.h"
#include "data/expand_tables.h"
#include "doc/walk.h"
#include "xref/xref.h"

namespace reportc::driver {
namespace {

// A review copy: the data tables compared with the same files under the earlier sources. The
// removed records' list takes the layout's paragraph style "changes-removed" when it has one.
data::ChangeOptions change_options(const Resources& res, const Options& options) {
    data::ChangeOptions c;
    c.old_root = options.changes_since;
    c.new_root = parent_directory(options.input);
    if (res.styles.paragraph("changes-removed")) c.removed_style = "changes-removed";
    return c;
}

xref::Options xref_options(const Resources& res, const Options& options, SourceManager& sources) {
    const auto& settings = res.styles.settings();
    xref::Options x;
    x.numbering = res.layout.numbering;
    x.abbreviation_table = settings.abbreviation_register;
    x.check_abbreviations = options.check_register;
    x.abbreviation_ignore = res.layout.abbreviation_ignore;
    x.link_patterns = res.layout.link_patterns;
    x.link_schemes = res.layout.link_schemes;
    // A run's source up to the next tag, a block at a time: inflating the whole text would keep
    // it whole again.
    x.source_text = [&sources](uint32_t file, uint32_t begin) {
        const SourceFile* f = sources.file(file);
        return f ? f->text_until(begin, '<') : std::string();
    };
    return x;
}

// The steps every part goes through, with what they keep from one part to the next.
class PartResolver {
public:
    PartResolver(doc::Document& document, const Resources& res, const Options& options, const Environment& env,
                 SourceManager& sources, ImageLoader& images, std::vector<data::RecordChange>& changes, Resolved& out,
                 Diagnostics& diags)
        : m_res(res), m_options(options), m_env(env), m_sources(sources), m_images(images), m_changes(changes), m_out(out),
          m_diags(diags), m_tables(res.layout.table_templates, env, sources, diags), m_xref_options(xref_options(res, options, sources)),
          m_xref(m_xref_options, document.incomplete, diags), m_variables(out.variables, diags),
          m_navigation(res.styles.settings().contents_levels), m_change_options(change_options(res, options)) {
        m_part.node_count = document.node_count;
        m_part.incomplete = document.incomplete;
        m_tables.count(document.blocks);  // a dataset is released after its last table
        if (options.count_document) out.footprint.emplace();
    }

    // Phase A: everything a part needs of itself and of the parts before it. True when its
    // references or links need every target (phase B).
    bool resolve(doc::Block& block) {
        m_part.blocks.push_back(std::move(block));
        m_tables.expand(m_part.blocks);
        if (!m_options.changes_since.empty()) {
            auto found = data::mark_changes(m_part, m_res.layout.table_templates, m_change_options, m_env, m_sources, m_diags);
            std::move(found.begin(), found.end(), std::back_inserter(m_changes));
        }
        const auto& settings = m_res.styles.settings();
        data::resolve_charts(m_part, settings.chart_palette, m_env, m_sources, m_diags);
        expand_image_sources(m_part, m_out.variables.values, m_out.variables.date_format, m_diags);
        load_images(m_part, m_images, m_diags);
        doc::number_nodes(m_part);
        m_variables.resolve(m_part.blocks);
        m_xref.number(m_part.blocks);
        m_xref.collect(m_part.blocks);
        m_navigation.collect(m_part.blocks);
        const bool links = m_xref.links_in(m_part.blocks);
        doc::release_spare_capacity(m_part);
        if (m_out.footprint) *m_out.footprint += doc::footprint_of(m_part);
        block = std::move(m_part.blocks.front());
        m_part.blocks.clear();
        return links;
    }
    uint32_t node_count() const { return m_part.node_count; }

    // Every part resolved: the checks over the whole document's numbers and slots.
    void all_resolved() {
        check_slot_fields(m_res.styles, m_out.variables, m_diags);
        m_xref.numbered();
    }

    // Phase B: a part's references and links, now that every target is known.
    void link(doc::Block& block) {
        m_part.blocks.push_back(std::move(block));
        m_xref.link(m_part.blocks);
        m_navigation.page_references(m_part.blocks);
        m_xref.check_abbreviations(m_part.blocks);
        block = std::move(m_part.blocks.front());
        m_part.blocks.clear();
    }

    void finish() {
        m_xref.checked();
        m_out.navigation = m_navigation.finish();
    }

private:
    const Resources& m_res;
    const Options& m_options;
    const Environment& m_env;
    SourceManager& m_sources;
    ImageLoader& m_images;
    std::vector<data::RecordChange>& m_changes;
    Resolved& m_out;
    Diagnostics& m_diags;
    doc::Document m_part;  // the part being resolved, alone in it
    data::TableExpansion m_tables;
    const xref::Options m_xref_options;
    xref::Resolution m_xref;
    VariableResolution m_variables;
    NavigationCollector m_navigation;
    const data::ChangeOptions m_change_options;
};

}  // namespace

Resolved resolve(doc::Document& document, const Resources& res, const Options& options, const Environment& env,
                 SourceManager& sources, ImageLoader& images, std::vector<data::RecordChange>& changes,
                 doc::EncodedBlocks& blocks, Diagnostics& diags) {
    Resolved out;
    const auto& settings = res.styles.settings();
    out.variables = collect_variables(document, options.variables, settings, env.now(), diags);
    apply_conditions(document, out.variables, diags);
    PartResolver parts(document, res, options, env, sources, images, changes, out, diags);
    std::vector<doc::Block> read = std::move(document.blocks);
    document.blocks.clear();
    std::vector<size_t> to_link;
    for (size_t i = 0; i < read.size(); ++i) {
        if (parts.resolve(read[i])) to_link.push_back(i);
        blocks.add(std::move(read[i]), parts.node_count());
    }
    std::vector<doc::Block>().swap(read);
    document.node_count = parts.node_count();
    parts.all_resolved();
    for (size_t i : to_link) {
        doc::BlockRef ref = blocks.block(i);
        if (!ref) {
            diags.error({}, "resolving could not read back top-level block " + std::to_string(i + 1) +
                                " of the document from its temporary file");
            out.read_back = false;
            return out;
        }
        doc::Block block = ref.take();
        parts.link(block);
        blocks.replace(i, std::move(block));
    }
    blocks.finish();
    parts.finish();
    return out;
}

}  // namespace reportc::driver
