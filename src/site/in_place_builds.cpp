#include "site/in_place_builds.hpp"

#include "content/editor_leftovers.hpp"
#include "site/finger_site.hpp"
#include "site/gemini_site.hpp"
#include "site/gopher_site.hpp"
#include "site/spartan_site.hpp"

namespace gazette {

bool may_build_in_place(const BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                        std::chrono::sys_seconds now, const CapsuleReading& reading) {
  if (!previous.publication || !reading.changed || !reading.being_written.empty() || !reading.serving ||
      reading.serving->config != config || !reading.serving->search ||
      reading.serving->search->replaced_count() >= max_search_replacements ||
      (previous.next_scheduled && *previous.next_scheduled <= now))
    return false;
  // The pages go where the last build's went, while most of that store is still served.
  return config->page_store.empty() ||
         (previous.pages && previous.pages->folder() == config->page_store &&
          previous.pages->bytes_written() <= 2 * previous.page_bytes + 256 * 1024 * 1024);
}

bool is_passing_file(const std::filesystem::path& capsule, const std::string& path, const Snapshot& serving) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (path == "site.toml" || name == "_section.toml" || serving.gemini.find("/" + path) ||
      serving.gemini.find("/" + path + "/"))
    return false;
  std::error_code ec;
  return !std::filesystem::exists(std::filesystem::symlink_status(capsule / path, ec)) || is_editor_leftover(name) ||
         name.starts_with('.');
}

std::shared_ptr<Snapshot> snapshot_to_change(const Snapshot& serving, const std::shared_ptr<asio::ssl::context>& tls) {
  auto snapshot = std::make_shared<Snapshot>(serving);
  snapshot->tls = tls;
  snapshot->capsule_read_at = std::chrono::steady_clock::now();
  return snapshot;
}

void update_story_answers(Snapshot& snapshot, const Publication& publication, const Article& article,
                          const RendersByArticle& renders, const std::vector<std::pair<std::string, std::string>>& redirects,
                          const Config& config, std::vector<std::string>& gemini_paths) {
  update_gemini_story(snapshot, article, renders);
  gemini_paths.push_back(article.path());
  update_gopher_story(snapshot, publication, article, article, redirects, config.gopher, renders);
  if (!config.finger.listen.empty()) update_finger_story(snapshot, publication, article, renders, config);
}

void update_latest_pages(Snapshot& snapshot, const Publication& publication, const RendersByArticle& renders,
                         const Config& config, const std::set<std::string>& sections, std::vector<std::string> gemini_paths) {
  const auto latest = update_gemini_latest_pages(snapshot, publication, gemini_base_url(config), renders, sections);
  gemini_paths.insert(gemini_paths.end(), latest.begin(), latest.end());
  update_gopher_front_page(snapshot, publication, config.gopher, renders);
  if (!config.finger.listen.empty()) update_finger_lists(snapshot, publication, config, sections);
  if (!config.spartan.listen.empty()) update_spartan_pages(snapshot, publication, renders, config.spartan, gemini_paths);
}

} // namespace gazette
