#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/dataset.h"
#include "doc/table_template.h"
#include "input/template_reader.h"
#include "input/xml_file.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::testing {

// Every diagnostic as "path:line:col: severity: message" (first line of the rendering).
inline std::vector<std::string> rendered(const Diagnostics& diags, const SourceManager& sources) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
        std::string text = sources.render(d);
        out.push_back(text.substr(0, text.find('\n')));
    }
    return out;
}

struct DataFixture {
    MemoryEnvironment env;
    SourceManager sources;
    Diagnostics diags;

    std::vector<std::string> errors() const { return rendered(diags, sources); }

    // Reads a <table-template> element written in `xml` (its root) as the layout reader does.
    doc::TableTemplate read_template(const std::string& path, const std::string& xml) {
        env.set_file(path, xml);
        auto file = input::XmlFile::load(path, env, sources, diags, Span{});
        if (!file) return {};
        return input::read_table_template(*file, file->root(), diags);
    }
};

}  // namespace reportc::testing
