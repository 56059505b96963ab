#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "rendered_diagnostics.h"
#include "doc/dataset.h"
#include "doc/table_template.h"
#include "input/template_reader.h"
#include "input/xml_file.h"
#include "source/environment.h"
#include "source/source_manager.h"

namespace reportc::testing {


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
