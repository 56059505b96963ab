#pragma once
// Diagnostics are values: every stage appends to a Diagnostics collector and goes on, so one
// run reports all the errors it can find.
#include <ostream>
#include <string>
#include <vector>

#include "base/span.h"

namespace reportc {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    Span span;
    std::string message;  // lowercase, no final period: what was expected, what was found
    // The character the error is about, when no font can set it: a merge names the record's
    // field that holds it (0: none).
    char32_t character = 0;
};

class Diagnostics {
public:
    void error(Span span, std::string message);
    void warning(Span span, std::string message);
    void note(Span span, std::string message);
    void add(Diagnostic d);

    const std::vector<Diagnostic>& all() const { return m_items; }
    bool has_errors() const { return m_error_count > 0; }
    size_t error_count() const { return m_error_count; }
    size_t warning_count() const { return m_warning_count; }

private:
    std::vector<Diagnostic> m_items;
    size_t m_error_count = 0;
    size_t m_warning_count = 0;
};

const char* to_string(Severity s);
std::ostream& operator<<(std::ostream& os, const Diagnostic& d);

}  // namespace reportc
