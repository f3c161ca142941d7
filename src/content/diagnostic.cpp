#include "content/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <string_view>

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

std::size_t files_with_errors(const Diagnostics& diagnostics) {
  std::set<std::string_view> files;
  for (const auto& diagnostic : diagnostics)
    if (diagnostic.severity == Diagnostic::Severity::error) files.insert(diagnostic.path);
  return files.size();
}

} // namespace gazette
