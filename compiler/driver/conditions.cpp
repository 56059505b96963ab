// if= and unless= on blocks (docs/merge.md#conditions): a block whose condition does not hold is
// left out of the document before its nodes are numbered, so it takes no number, id or page.
#include <algorithm>
#include <type_traits>

#include "driver/variables.h"

namespace reportc::driver {
namespace {

class ConditionFilter {
public:
    ConditionFilter(const Variables& variables, Diagnostics& diags) : m_variables(variables), m_diags(diags) {}

    void filter(std::vector<doc::Block>& blocks) {
        std::erase_if(blocks, [&](const doc::Block& b) { return !holds(b); });
        for (auto& block : blocks) doc::visit_node([&](auto& node) { descend(node); }, block);
    }

private:
    bool holds(const doc::Block& block) {
        if (!block.condition) return true;
        const auto& c = *block.condition;
        auto it = m_variables.values.find(c.variable);
        if (it == m_variables.values.end()) {
            m_diags.error(c.span, "unknown variable '" + c.variable + "' in " + (c.unless ? "unless" : "if") +
                                      "; expected a record field, a run file's value or a <variable>");
            return false;  // left out, so that its content (fields of the same record) adds no second error
        }
        return is_true(it->second) != c.unless;
    }

    template <typename Node>
    void descend(Node& node) {
        if constexpr (requires { filter(node.children); }) filter(node.children);
        if constexpr (std::is_same_v<Node, doc::List>)
            for (auto& item : node.items) filter(item.blocks);
        if constexpr (std::is_same_v<Node, doc::Table>)
            for (auto& row : node.rows)
                for (auto& cell : row.cells) filter(cell.blocks);
    }

    const Variables& m_variables;
    Diagnostics& m_diags;
};

}  // namespace

bool is_true(const std::string& value) { return !value.empty() && value != "no" && value != "false" && value != "0"; }

void apply_conditions(doc::Document& document, const Variables& variables, Diagnostics& diags) {
    ConditionFilter(variables, diags).filter(document.blocks);
}

}  // namespace reportc::driver
