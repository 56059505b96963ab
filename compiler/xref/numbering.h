#pragma once
// Automatic numbering, once, after data expansion and before layout: the layout's <numbering>
// rules (number formats per heading level, per figure kind, the labels references print, the
// reference formats), and the walk that gives headings, figures and the items of numbered lists
// their doc::Numbered. Layout prints what it finds there; it counts nothing itself.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "doc/document.h"
#include "doc/layout_source.h"

namespace reportc::xref {

enum class CounterStyle { Decimal, UpperAlpha, LowerAlpha, UpperRoman, LowerRoman };

// 3 -> "3", "C", "c", "III", "iii". Letters go on past z as aa, ab … (as spreadsheets count);
// roman numerals above 3999 fall back to decimal.
std::string format_counter(int value, CounterStyle style);

// A number format such as "1", "1.1", "A", "a)", "(i)", "Pillar 1:": counters (1, A, a, I, i)
// between literal text; a letter within a word is text, not a counter. A format of n counters prints the last n values it is given (a level-3 heading
// with "1.1" prints its parent's and its own).
class NumberFormat {
public:
    static std::optional<NumberFormat> parse(const std::string& text);
    std::string format(const std::vector<int>& values) const;  // with the text before and after ("b)")
    std::string core(const std::vector<int>& values) const;    // without it ("b"): what references print
    size_t counters() const { return m_counters.size(); }

private:
    std::string print(const std::vector<int>& values, bool outer) const;
    std::vector<std::string> m_literals;  // m_literals[k] comes before counter k; the last one after them all
    std::vector<CounterStyle> m_counters;
};

// How one heading level or one figure kind is numbered and printed.
struct NumberRule {
    std::optional<NumberFormat> format;  // none: not numbered (an explicit number="…" still prints)
    std::string label;                   // "Section", "Diagram": what references print before the number
    std::string separator;               // between the number and the title in the heading or caption
    bool show_label = false;             // the heading or caption prints the label too ("Diagram 4: …")
    bool per_part = false;               // figures: counted from 1 in each top-level section ("2-3")
};

struct NumberingRules {
    std::map<int, NumberRule> headings;         // by level
    std::map<std::string, NumberRule> figures;  // by kind
    std::string footnote_label;                 // what a reference to a footnote prints before its number
    std::map<std::string, std::string> ref_formats;  // by name: the built-in ones and the layout's
};

// The rules from the layout's <numbering>; malformed values are errors at their attributes.
NumberingRules compile_numbering(const std::vector<doc::NumberingDecl>& decls, Diagnostics& diags);

// Numbers headings, figures and the items of numbered lists in document order. An explicit
// number="…" prints as given and does not advance the counter; a label and number printed twice
// (a duplicate, as some published reports have) is a warning at the second, with a note at the first.
void assign_numbers(doc::Document& document, const NumberingRules& rules, Diagnostics& diags);

// The same a part at a time (xref::Resolution): number() the parts in document order, then
// finish(), which checks each list of figures against every kind the document numbers.
class Numbering {
public:
    Numbering(const NumberingRules& rules, Diagnostics& diags);
    ~Numbering();
    void number(std::vector<doc::Block>& blocks);
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace reportc::xref
