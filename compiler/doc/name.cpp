#include "doc/name.h"

#include <mutex>
#include <set>

namespace reportc::doc {
namespace {

// The interned values of a process: a node-based set, so an entry's address never changes;
// readers on several threads (-j, merged records) intern through one mutex.
const std::string kNoName;
const std::vector<std::string> kNoStyles;

const std::vector<std::string>* intern(const std::vector<std::string>& value) {
    if (value.empty()) return &kNoStyles;  // the common case: no lock
    static std::mutex mutex;
    static std::set<std::vector<std::string>> table;
    std::lock_guard lock(mutex);
    return &*table.insert(value).first;
}

const std::string* intern_string(std::string_view s) {
    if (s.empty()) return &kNoName;
    static std::mutex mutex;
    static std::set<std::string, std::less<>> table;
    std::lock_guard lock(mutex);
    if (auto it = table.find(s); it != table.end()) return &*it;
    return &*table.emplace(s).first;
}

}  // namespace

Name::Name() : m_value(&kNoName) {}
Name::Name(std::string_view s) : m_value(intern_string(s)) {}

StyleList::StyleList() : m_value(&kNoStyles) {}
StyleList::StyleList(const std::vector<std::string>& styles) : m_value(intern(styles)) {}

StyleList StyleList::inside(const std::vector<std::string>& outer) const {
    std::vector<std::string> all = outer;
    all.insert(all.end(), m_value->begin(), m_value->end());
    return StyleList(all);
}

std::ostream& operator<<(std::ostream& os, const StyleList& s) {
    for (const auto& name : s) os << "[" << name << "]";
    return os;
}

}  // namespace reportc::doc
