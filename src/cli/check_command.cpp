#include "cli/commands.hpp"
#include "config/config.hpp"
#include "content/publication_loader.hpp"
#include "content/capsule_files.hpp"

#include <fmt/format.h>
#include <set>

namespace gazette {
namespace {

std::string counted(std::size_t count, std::string_view thing) {
  return fmt::format("{} {}{}", count, thing, count == 1 ? "" : "s");
}

// Article files with an error of their own, whether the story stayed online
// (a bad related entry) or not (front matter that does not parse).
std::size_t articles_with_errors(const Diagnostics& diagnostics) {
  std::set<std::string_view> files;
  for (const auto& diagnostic : diagnostics)
    if (diagnostic.severity == Diagnostic::Severity::error && diagnostic.path.ends_with(".md")) files.insert(diagnostic.path);
  return files.size();
}

} // namespace

int check_command(const std::filesystem::path& config_file) {
  ConfigResult loaded = load_config(config_file);
  std::size_t errors = 0, warnings = 0;
  for (const auto& problem : loaded.problems) {
    fmt::print("{}\n", format_problem(config_file, problem));
    (problem.severity == ConfigProblem::Severity::error ? errors : warnings)++;
  }
  if (loaded.has_errors()) {
    fmt::print("{}, {}; the capsule is checked once the configuration has no errors\n", counted(errors, "error"),
               counted(warnings, "warning"));
    return exit_failure;
  }

  Diagnostics diagnostics = scan_capsule_files(loaded.config.capsule).skipped;
  LoadedPublication publication = load_publication(loaded.config.capsule);
  diagnostics.insert(diagnostics.end(), publication.diagnostics.begin(), publication.diagnostics.end());
  for (const auto& diagnostic : diagnostics) {
    fmt::print("{}\n", diagnostic.to_string());
    if (diagnostic.severity == Diagnostic::Severity::error) ++errors;
    else if (diagnostic.severity == Diagnostic::Severity::warning) ++warnings;
  }
  const std::size_t published = publication.publication ? publication.publication->published.size() : 0;
  fmt::print("{}, {}; {} checked, {} with errors, {} published\n", counted(errors, "error"), counted(warnings, "warning"),
             counted(publication.article_files, "article"), articles_with_errors(diagnostics), published);
  return errors > 0 ? exit_failure : exit_ok;
}

} // namespace gazette
