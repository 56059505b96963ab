#include "input/run_reader.h"

#include <algorithm>
#include <sstream>

#include "input/xml_file.h"

namespace reportc::input {
namespace {

constexpr const char* kWorkshopFacts[] = {"title", "dates", "start", "end", "place", "organiser", "sponsor", "logo"};

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

class RunReader {
public:
    RunReader(const XmlFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

    RunFile read() {
        auto root = m_file.root();
        m_file.check_attributes(root, {"source", "layout", "pages"}, m_diags);
        run.source = path_of(root, "source", true);
        if (auto pages = root.attribute("pages")) {
            run.pages = pages.as_int();
            if (run.pages < 1 || std::to_string(run.pages) != pages.value())
                m_diags.error(m_file.attribute_span(root, "pages"), "expected pages to be a number from 1, found '" + std::string(pages.value()) + "'");
        }
        run.layout = path_of(root, "layout", false);
        // Every fact has a variable, empty when not given, so a layout may print any of them.
        for (const char* fact : kWorkshopFacts) run.values[std::string("workshop.") + fact] = "";
        int signatories = 0;
        for (auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            if (name == "workshop") read_workshop(child);
            else if (name == "signatory") read_signatory(child, ++signatories);
            else if (name == "records") read_records(child);
            else if (name == "number") run.number = pattern(child, true);
            else if (name == "url") run.url = pattern(child, false);
            else if (name == "files") run.file_name = pattern(child, false);
            else m_diags.error(m_file.span(child), "unexpected element <" + name + "> in <certificates>; expected workshop, signatory, records, number, url or files");
        }
        for (int i = signatories + 1; i <= 2; ++i)  // two signature blocks: an absent one prints nothing
            run.values["signatory" + std::to_string(i) + ".name"] = run.values["signatory" + std::to_string(i) + ".title"] = "";
        if (run.records.empty()) m_diags.error(m_file.span(root), "expected <records src=\"…\"/> in <certificates>, found none");
        if (run.number.text.empty()) m_diags.error(m_file.span(root), "expected <number pattern=\"…\"/> in <certificates>, found none");
        if (run.file_name.text.empty()) run.file_name.text = "{certificate.number}.pdf";
        return run;
    }

    RunFile run;

private:
    std::string path_of(pugi::xml_node node, const char* attr, bool required) {
        auto value = required ? m_file.required(node, attr, m_diags) : std::optional<std::string>(node.attribute(attr).value());
        if (!value || value->empty()) return {};
        return normalize_path(join_path(m_file.directory(), *value));
    }

    void read_workshop(pugi::xml_node node) {
        m_file.check_attributes(node, {"title", "dates", "start", "end", "place", "organiser", "sponsor", "logo"}, m_diags);
        m_file.expect_empty(node, "the workshop's facts are its attributes", m_diags);
        // The logo is printed by <image src="{workshop.logo}">: a path as the source's images
        // take it, relative to the source's folder (the run file normally sits beside it).
        for (const char* fact : kWorkshopFacts) run.values[std::string("workshop.") + fact] = node.attribute(fact).value();
    }

    void read_signatory(pugi::xml_node node, int n) {
        m_file.check_attributes(node, {"name", "title"}, m_diags);
        m_file.expect_empty(node, "the signatory's name and title are its attributes", m_diags);
        const std::string prefix = "signatory" + std::to_string(n) + ".";
        run.values[prefix + "name"] = m_file.required(node, "name", m_diags).value_or("");
        run.values[prefix + "title"] = node.attribute("title").value();
    }

    void read_records(pugi::xml_node node) {
        m_file.check_attributes(node, {"src", "name", "key", "required", "name-column"}, m_diags);
        m_file.expect_empty(node, "the records are read from the src file", m_diags);
        run.records = path_of(node, "src", true);
        run.records_span = m_file.attribute_span(node, "src");
        if (auto a = node.attribute("name")) run.record_name = a.value();
        if (auto a = node.attribute("key")) run.key = a.value();
        if (auto a = node.attribute("name-column")) run.name_column = a.value();
        run.required = node.attribute("required") ? words(node.attribute("required").value()) : std::vector<std::string>{};
    }

    RunPattern pattern(pugi::xml_node node, bool required) {
        m_file.check_attributes(node, {"pattern"}, m_diags);
        m_file.expect_empty(node, "the pattern is its attribute", m_diags);
        RunPattern p;
        p.span = m_file.attribute_span(node, "pattern");
        p.text = required ? m_file.required(node, "pattern", m_diags).value_or("") : node.attribute("pattern").value();
        return p;
    }

    const XmlFile& m_file;
    Diagnostics& m_diags;
};

}  // namespace

std::optional<RunFile> read_run_file(const std::string& path, const Environment& env, SourceManager& sources, Diagnostics& diags) {
    auto file = XmlFile::load(path, env, sources, diags, Span{});
    if (!file) return std::nullopt;
    if (std::string(file->root().name()) != "certificates") {
        diags.error(file->span(file->root()), "expected <certificates> as the run file's root element, found <" + std::string(file->root().name()) + ">");
        return std::nullopt;
    }
    const size_t errors = diags.error_count();
    RunReader reader(*file, diags);
    RunFile run = reader.read();
    // The key and the name column are always required, whatever else is.
    for (const auto* column : {&run.name_column, &run.key})
        if (std::find(run.required.begin(), run.required.end(), *column) == run.required.end()) run.required.insert(run.required.begin(), *column);
    if (diags.error_count() > errors) return std::nullopt;
    return run;
}

}  // namespace reportc::input
