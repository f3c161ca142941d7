#include "text/ascii_transliteration.hpp"
#include "cli/commands.hpp"
#include "config/config.hpp"
#include "content/article_source.hpp"
#include "content/site_settings.hpp"
#include "text/normalize.hpp"

#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace gazette {

int new_article_command(const std::filesystem::path& config_file, const std::string& section,
                        const std::string& title) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) fmt::print(stderr, "{}\n", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;

  // As the front matter is read: white space runs become one space, and a
  // title with nothing else is empty.
  const std::string headline = single_line(title);
  if (headline.empty()) {
    fmt::print(stderr, "the title is empty; give the headline, such as: gazette new {} \"Pier opens for business\"\n",
               section.empty() ? "world" : section);
    return exit_failure;
  }
  const auto folder = loaded.config.capsule / section;
  std::error_code ec;
  if (!is_valid_slug(section) || !std::filesystem::exists(folder / "_section.toml", ec)) {
    fmt::print(stderr, "{}: not a section; a section is a folder of the capsule with a _section.toml\n", section);
    return exit_failure;
  }
  const std::string slug = slug_from_title(headline);
  const auto file = folder / (slug + ".md");

  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
  std::ostringstream quoted_title;
  quoted_title << toml::value<std::string>(headline);

  // "x": never overwrite a story that already has this name.
  std::FILE* out = std::fopen(file.c_str(), "wx");
  if (!out) {
    fmt::print(stderr, "{}: {}; choose another title, or edit that file\n", file.string(),
               errno == EEXIST ? "already exists" : std::strerror(errno));
    return exit_failure;
  }
  fmt::print(out, "+++\ntitle = {}\ndate = {}\ndraft = true\n+++\n{}\n", quoted_title.str(), date, new_article_body);
  std::fclose(out);
  fmt::print("{}\n", file.string());
  return exit_ok;
}

} // namespace gazette
