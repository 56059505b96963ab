#include "input/aggregate_reader.h"

#include <string_view>

namespace reportc::input {

namespace {

constexpr const char* kAttributes[] = {"where", "group-by", "count", "sum", "sort"};

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\n\r");
    if (begin == std::string_view::npos) return "";
    const auto end = text.find_last_not_of(" \t\n\r");
    return std::string(text.substr(begin, end - begin + 1));
}

// "a and b and c" -> {"a", "b", "c"}: the conditions of `where`.
std::vector<std::string> split_on(std::string_view text, std::string_view separator) {
    std::vector<std::string> parts;
    for (;;) {
        const auto at = text.find(separator);
        parts.push_back(trim(text.substr(0, at)));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + separator.size());
    }
}

std::optional<doc::FieldCondition> condition_of(const std::string& text) {
    doc::FieldCondition c;
    auto at = text.find("!=");
    size_t width = 2;
    if (at == std::string::npos) {
        at = text.find('=');
        width = 1;
    } else {
        c.equals = false;
    }
    if (at == std::string::npos) return std::nullopt;
    c.field = trim(std::string_view(text).substr(0, at));
    c.value = trim(std::string_view(text).substr(at + width));
    if (c.field.empty()) return std::nullopt;
    return c;
}

std::optional<doc::SortKey> sort_key_of(const std::string& text) {
    doc::SortKey key;
    key.field = text;
    for (const auto& [word, descending] : {std::pair{std::string_view(" descending"), true}, {" ascending", false}}) {
        if (text.size() > word.size() && text.compare(text.size() - word.size(), word.size(), word) == 0) {
            key.field = trim(std::string_view(text).substr(0, text.size() - word.size()));
            key.descending = descending;
        }
    }
    if (key.field.empty() || key.field.find(' ') != std::string::npos) return std::nullopt;
    return key;
}

}  // namespace

doc::Aggregate read_aggregate(const XmlFile& file, pugi::xml_node node, Diagnostics& diags) {
    doc::Aggregate a;
    if (auto where = node.attribute("where")) {
        a.where_span = file.attribute_span(node, "where");
        for (const auto& part : split_on(where.value(), " and ")) {
            if (auto c = condition_of(part)) a.where.push_back(*c);
            else diags.error(a.where_span, "expected FIELD=VALUE or FIELD!=VALUE in 'where', found '" + part + "'");
        }
    }
    if (auto group_by = node.attribute("group-by")) {
        a.group_by_span = file.attribute_span(node, "group-by");
        a.group_by = trim(group_by.value());
        if (a.group_by.empty()) diags.error(a.group_by_span, "expected a field name in 'group-by', found none");
    }
    if (auto count = node.attribute("count")) {
        a.count_span = file.attribute_span(node, "count");
        a.count = trim(count.value());
        if (a.count.empty()) diags.error(a.count_span, "expected the name of the count's field in 'count', found none");
    }
    if (auto sum = node.attribute("sum")) {
        a.sum_span = file.attribute_span(node, "sum");
        for (const auto& field : split_on(sum.value(), ",")) {
            if (field.empty()) diags.error(a.sum_span, "expected field names separated by commas in 'sum', found an empty one");
            else a.sums.push_back(field);
        }
    }
    if ((!a.count.empty() || !a.sums.empty()) && a.group_by.empty())
        diags.error(a.count.empty() ? a.sum_span : a.count_span,
                    std::string("expected 'group-by' beside '").append(a.count.empty() ? "sum" : "count").append("': it works per group of records"));
    if (!a.count.empty() && a.count == a.group_by)
        diags.error(a.count_span, "expected a count field other than the 'group-by' field, found '" + a.count + "' for both");
    if (auto sort = node.attribute("sort")) {
        a.sort_span = file.attribute_span(node, "sort");
        const std::string text = trim(sort.value());
        a.sort = sort_key_of(text);
        if (!a.sort) diags.error(a.sort_span, "expected FIELD, 'FIELD ascending' or 'FIELD descending' in 'sort', found '" + text + "'");
    }
    return a;
}

void reject_aggregate(const XmlFile& file, pugi::xml_node node, const char* why, Diagnostics& diags) {
    for (const char* name : kAttributes)
        if (node.attribute(name))
            diags.error(file.attribute_span(node, name), std::string("unexpected attribute '").append(name).append("' on <")
                                                             .append(node.name()).append("> without 'data'; ").append(why));
}

}  // namespace reportc::input
