#include "content/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace gazette {

std::string Diagnostic::to_string() const {
  const char* kind = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  if (line > 0) return fmt::format("{}:{}: {}: {}", path, line, kind, message);
  return fmt::format("{}: {}: {}", path, kind, message);
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

} // namespace gazette
