#include "content/capsule_pages.hpp"

#include "base/file_text.hpp"
#include "content/capsule_files.hpp"
#include "content/editor_leftovers.hpp"
#include "content/gemtext_page.hpp"
#include "text/url_path.hpp"

#include <fmt/format.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

bool is_gemtext(const fs::path& file) { return file.extension() == ".gmi" || file.extension() == ".gemini"; }

// A path of the capsule that is never served: a part starting with "." or
// "_", or ".." anywhere.
bool is_hidden(std::string_view relative) {
  for (std::size_t start = 0; start < relative.size();) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    const std::string_view part = relative.substr(start, end - start);
    if (part.starts_with('.') || part.starts_with('_') || is_editor_leftover(part)) return true;
    start = end + 1;
  }
  return false;
}

std::optional<CapsulePage> read_page(const fs::path& capsule, std::string_view relative) {
  std::error_code ec;
  const fs::path file = capsule / relative;
  if (relative.empty() || is_hidden(relative) || !is_gemtext(file) || !fs::is_regular_file(file, ec)) return std::nullopt;
  std::string title = gemtext_title(read_file_text(file).value_or(""));
  if (title.empty()) title = file.stem().string();
  std::string path = "/";
  path += relative;
  return CapsulePage{std::move(path), std::move(title)};
}

} // namespace

FoundPages find_capsule_pages(const fs::path& capsule, const Site& site) {
  FoundPages found;
  if (site.pages) {
    for (const auto& named : *site.pages) {
      if (auto page = read_page(capsule, capsule_relative(named))) found.pages.push_back(std::move(*page));
      else
        found.diagnostics.push_back({"site.toml", 0, Diagnostic::Severity::warning,
                                     fmt::format("pages names \"{}\", which is not a .gmi page in the capsule; "
                                                 "it is not linked (write its path from the capsule folder)",
                                                 named)});
    }
    return found;
  }
  std::error_code ec;
  for (const auto& entry : sorted_folder_entries(capsule, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().stem() == "index") continue; // the folder's own page: here, the front page's place
    if (auto page = read_page(capsule, name)) found.pages.push_back(std::move(*page));
  }
  return found;
}

} // namespace gazette
