#include "cli/commands.hpp"
#include "config/config.hpp"
#include "site/snapshot_builder.hpp"

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

  // Built as the server builds it, so that every link can be looked up
  // among the answers readers would get.
  const BuiltSnapshot built = build_snapshot(std::make_shared<const Config>(loaded.config), nullptr);
  for (const auto& diagnostic : built.diagnostics) {
    fmt::print("{}\n", diagnostic.to_string());
    if (diagnostic.severity == Diagnostic::Severity::error) ++errors;
    else if (diagnostic.severity == Diagnostic::Severity::warning) ++warnings;
  }
  fmt::print("{}, {}; {} checked, {} with errors, {} published\n", counted(errors, "error"), counted(warnings, "warning"),
             counted(built.article_files, "article"), articles_with_errors(built.diagnostics),
             built.publication ? built.publication->published.size() : 0);
  return errors > 0 ? exit_failure : exit_ok;
}

} // namespace gazette
