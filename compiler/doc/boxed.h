#pragma once
// An optional value held behind one pointer, for the fields of a document node that most nodes
// leave unset (a run's reference, footnote or variable; a heading's number): unset, it costs the
// node 8 bytes instead of the whole value's size (docs/performance.md, "Peak memory"). It reads
// and writes as std::optional does, and copies deeply, so a copied node owns its own value.
#include <memory>
#include <optional>
#include <utility>

namespace reportc::doc {

template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(T value) : m_value(std::make_unique<T>(std::move(value))) {}
    Boxed(const Boxed& other) : m_value(other ? std::make_unique<T>(*other) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;

    Boxed& operator=(const Boxed& other) {
        if (this != &other) m_value = other ? std::make_unique<T>(*other) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(std::nullopt_t) {
        m_value.reset();
        return *this;
    }
    Boxed& operator=(T value) {
        if (m_value) *m_value = std::move(value);
        else m_value = std::make_unique<T>(std::move(value));
        return *this;
    }

    Boxed& operator=(std::optional<T> value) {
        if (value) *this = std::move(*value);
        else m_value.reset();
        return *this;
    }

    template <typename... Args>
    T& emplace(Args&&... args) {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }
    void reset() { m_value.reset(); }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }
    T& value() {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    const T& value() const {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    template <typename U>
    T value_or(U&& fallback) const {
        return m_value ? *m_value : static_cast<T>(std::forward<U>(fallback));
    }

    friend bool operator==(const Boxed& a, std::nullopt_t) { return !a; }
    friend bool operator==(const Boxed& a, const Boxed& b)
        requires requires(const T& x) { x == x; }
    {
        return a && b ? *a == *b : !a && !b;
    }

private:
    std::unique_ptr<T> m_value;
};

}  // namespace reportc::doc
