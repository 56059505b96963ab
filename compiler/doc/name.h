#pragma once
// Names that many nodes repeat from a small vocabulary (a paragraph's or frame's style, a page
// master, the character styles in force on a run), interned: one copy of each in a table of the
// process, and in a node a pointer to it, 8 bytes instead of a string of 32 or a vector of 24
// and its strings (docs/performance.md, "The parsed document made compact"). They read as the
// const string or vector they hold. The table only grows: it is for names a layout or a source
// defines, not for ids or text.
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace reportc::doc {

class Name {
public:
    Name();  // empty
    Name(std::string_view s);
    Name(const std::string& s) : Name(std::string_view(s)) {}
    Name(const char* s) : Name(std::string_view(s)) {}

    const std::string& str() const { return *m_value; }
    operator const std::string&() const { return *m_value; }
    bool empty() const { return m_value->empty(); }
    size_t size() const { return m_value->size(); }
    const char* c_str() const { return m_value->c_str(); }

    friend bool operator==(const Name& a, const Name& b) { return a.m_value == b.m_value; }  // interned
    friend bool operator==(const Name& a, const std::string& b) { return *a.m_value == b; }
    friend bool operator==(const Name& a, const char* b) { return *a.m_value == b; }
    friend auto operator<=>(const Name& a, const Name& b) { return *a.m_value <=> *b.m_value; }
    friend std::ostream& operator<<(std::ostream& os, const Name& n) { return os << *n.m_value; }
    // Messages quote a name as they quote a string.
    friend std::string operator+(const char* a, const Name& b) { return std::string(a).append(*b.m_value); }
    friend std::string operator+(std::string a, const Name& b) { return a.append(*b.m_value); }
    friend std::string operator+(const Name& a, const char* b) { return std::string(*a.m_value).append(b); }
    friend std::string operator+(const Name& a, const std::string& b) { return std::string(*a.m_value).append(b); }

private:
    const std::string* m_value;
};

// The character styles in force on a run, outermost first: an interned list (most runs share
// none or one of a few).
class StyleList {
public:
    StyleList();  // none
    StyleList(const std::vector<std::string>& styles);
    StyleList(std::initializer_list<std::string> styles) : StyleList(std::vector<std::string>(styles)) {}

    const std::vector<std::string>& list() const { return *m_value; }
    operator const std::vector<std::string>&() const { return *m_value; }
    auto begin() const { return m_value->begin(); }
    auto end() const { return m_value->end(); }
    bool empty() const { return m_value->empty(); }
    size_t size() const { return m_value->size(); }
    const std::string& operator[](size_t i) const { return (*m_value)[i]; }
    // These styles inside `outer` (outer's first): a run of a template field inside its cell.
    StyleList inside(const std::vector<std::string>& outer) const;

    friend bool operator==(const StyleList& a, const StyleList& b) { return a.m_value == b.m_value; }  // interned
    friend bool operator==(const StyleList& a, const std::vector<std::string>& b) { return *a.m_value == b; }

private:
    const std::vector<std::string>* m_value;
};

std::ostream& operator<<(std::ostream& os, const StyleList& s);

}  // namespace reportc::doc
