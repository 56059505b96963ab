// Placeholder until the chart reader lands in this session: every chart is reported.
#include "input/chart_reader.h"

namespace reportc::input {

doc::Chart read_chart(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    diags.error(file.span(node), "charts are not implemented yet");
    return {};
}

doc::Diagram read_diagram(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    diags.error(file.span(node), "diagrams are not implemented yet");
    return {};
}

}  // namespace reportc::input
