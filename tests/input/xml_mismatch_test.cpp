// describe_mismatch: the end tag found and the one the open element needs, past what the scan
// must skip (comments, CDATA, processing instructions, a DOCTYPE, '>' in quoted values).
#include <gtest/gtest.h>

#include <ostream>

#include "input/xml_file.h"

namespace reportc::input {

std::ostream& operator<<(std::ostream& os, const XmlProblem& p) {
    return os << p.begin << ".." << p.end << " " << p.message;
}

namespace {

// The problem at the mismatch, where pugixml stops: just past the end tag's name.
std::optional<XmlProblem> at_mismatch(std::string_view text, std::string_view end_tag) {
    size_t at = text.rfind(end_tag);
    return describe_mismatch(text, at + end_tag.size() - 1);
}

TEST(XmlMismatch, NamesTheTagFoundAndTheOneExpected) {
    std::string_view text = "<report>\n<p>text</b>\n</report>";
    auto p = at_mismatch(text, "</b>");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->message, "expected '</p>' to close '<p>' of line 2, found '</b>'");
    EXPECT_EQ(text.substr(p->begin, p->end - p->begin), "</b>");
}

TEST(XmlMismatch, SkipsWhatIsNotAnElement) {
    std::string_view text =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r a=\"x>y\" b='<c>'>\n<!-- <q> -->\n"
        "<s/><![CDATA[<t>]]><?pi <u>?>\n<v><w></w>\n</x>";
    auto p = at_mismatch(text, "</x>");
    ASSERT_TRUE(p.has_value()) << text;
    EXPECT_EQ(p->message, "expected '</v>' to close '<v>' of line 6, found '</x>'");
}

TEST(XmlMismatch, NothingOpenGivesNothing) {
    EXPECT_FALSE(describe_mismatch("</a>", 3).has_value());
    EXPECT_FALSE(describe_mismatch("text", 2).has_value());
}

}  // namespace
}  // namespace reportc::input
