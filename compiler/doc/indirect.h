#pragma once
// A value always held behind one pointer, for the large node types of doc::Block's variant (a
// table, a chart): a variant is as large as its largest alternative, so one 720-byte chart made
// every paragraph of the document cost as much (docs/performance.md, "Peak memory"). It holds a
// value from construction on and copies deeply, as the proposed std::indirect does (WG21 P3019);
// a moved-from one holds none and may only be assigned or destroyed.
#include <memory>
#include <utility>

namespace reportc::doc {

template <typename T>
class Indirect {
public:
    Indirect() : m_value(std::make_unique<T>()) {}
    Indirect(T value) : m_value(std::make_unique<T>(std::move(value))) {}
    Indirect(const Indirect& other) : m_value(std::make_unique<T>(*other)) {}
    Indirect(Indirect&&) noexcept = default;

    Indirect& operator=(const Indirect& other) {
        if (this != &other) m_value = std::make_unique<T>(*other);
        return *this;
    }
    Indirect& operator=(Indirect&&) noexcept = default;

    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }

private:
    std::unique_ptr<T> m_value;
};

}  // namespace reportc::doc
