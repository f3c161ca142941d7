#include "cli/commands.hpp"
#include "config/config.hpp"
#include "content/publication_loader.hpp"
#include "content/capsule_files.hpp"

#include <fmt/format.h>

namespace gazette {

int check_command(const std::filesystem::path& config_file) {
  ConfigResult loaded = load_config(config_file);
  int errors = 0, warnings = 0;
  for (const auto& problem : loaded.problems) {
    fmt::print("{}\n", format_problem(config_file, problem));
    (problem.severity == ConfigProblem::Severity::error ? errors : warnings)++;
  }
  if (loaded.has_errors()) {
    fmt::print("{} errors, {} warnings\n", errors, warnings);
    return exit_failure;
  }

  Diagnostics diagnostics = scan_capsule_files(loaded.config.capsule).skipped;
  LoadedPublication publication = load_publication(loaded.config.capsule);
  diagnostics.insert(diagnostics.end(), publication.diagnostics.begin(), publication.diagnostics.end());
  for (const auto& diagnostic : diagnostics) {
    fmt::print("{}\n", diagnostic.to_string());
    (diagnostic.severity == Diagnostic::Severity::error ? errors : warnings)++;
  }
  std::size_t articles = publication.publication ? publication.publication->articles.size() : 0;
  std::size_t published = publication.publication ? publication.publication->published.size() : 0;
  fmt::print("{} errors, {} warnings; {} articles checked, {} published\n", errors, warnings, articles, published);
  return errors > 0 ? exit_failure : exit_ok;
}

} // namespace gazette
