#include "site/in_place_builds.hpp"

#include "base/parallel_for.hpp"
#include "content/article_bodies.hpp"
#include "content/editor_leftovers.hpp"
#include "site/finger_site.hpp"
#include "site/gemini_site.hpp"
#include "site/gopher_site.hpp"
#include "site/link_check.hpp"
#include "site/spartan_site.hpp"

#include <algorithm>
#include <map>

namespace gazette {

bool may_build_in_place(const BuiltSnapshot& previous, const std::shared_ptr<const Config>& config,
                        std::chrono::sys_seconds now, const CapsuleReading& reading) {
  if (!previous.publication || !reading.changed || !reading.serving ||
      reading.serving->config != config || !reading.serving->search ||
      reading.serving->search->replaced_count() >= max_search_replacements ||
      (previous.next_scheduled && *previous.next_scheduled <= now))
    return false;
  // A file still open for writing that the change does not name keeps its
  // last answers, as a build that does not touch it leaves them: a slow
  // upload does not turn the saves beside it into whole builds. One the
  // change names is left to a whole build, which keeps its last good version.
  if (std::any_of(reading.being_written.begin(), reading.being_written.end(),
                  [&](const std::string& path) { return reading.changed->count(path) > 0; }))
    return false;
  // The pages go where the last build's went, while most of that store is still served.
  return config->page_store.empty() ||
         (previous.pages && previous.pages->folder() == config->page_store &&
          previous.pages->bytes_written() <= 2 * previous.page_bytes + 256 * 1024 * 1024);
}

bool is_settings_file(const std::string& path) {
  return path == "site.toml" || std::filesystem::path(path).filename() == "_section.toml";
}

bool is_passing_file(const std::filesystem::path& capsule, const std::string& path, const BuiltSnapshot& previous,
                     const Snapshot& serving) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (is_settings_file(path) || serving.gemini.find("/" + path) || serving.gemini.find("/" + path + "/") ||
      std::any_of(previous.diagnostics.begin(), previous.diagnostics.end(),
                  [&](const Diagnostic& diagnostic) { return diagnostic.path == path; }))
    return false;
  std::error_code ec;
  return !std::filesystem::exists(std::filesystem::symlink_status(capsule / path, ec)) || is_editor_leftover(name) ||
         name.starts_with('.');
}

BuiltSnapshot taken_in_place(BuiltSnapshot& previous) {
  BuiltSnapshot built = std::move(previous);
  built.edited_in_place = true;
  built.changes = {};
  return built;
}

void renew_story_index(Snapshot& snapshot, const Publication& publication, const BuiltSnapshot& previous,
                       const Config& config, std::chrono::sys_seconds now) {
  if (!config.editors.empty())
    snapshot.stories = std::make_shared<const StoryIndex>(
        make_story_index(publication, previous.redirects, now.time_since_epoch().count()));
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
  update_gopher_story(snapshot, article, redirects, renders);
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

bool restore_bodies(const std::filesystem::path& capsule, const std::vector<const Article*>& articles) {
  std::vector<char> restored(articles.size());
  parallel_for(restored.size(), [&](std::size_t i) { restored[i] = restore_body(capsule, *articles[i]); });
  if (std::count(restored.begin(), restored.end(), 0) == 0) return true;
  for (const Article* article : articles) release_body(*article);
  return false;
}

std::vector<ListingPage> write_list_pages(Snapshot& snapshot, const std::vector<ListingPlan>& plans,
                                          const Publication& publication, const Config& config,
                                          const RendersByArticle& renders, const ListingPagesByPath& before,
                                          std::vector<std::string>& gemini_paths) {
  std::vector<ListingPage> changed;
  for (auto& page : listing_pages(plans, publication, config, renders, &before)) {
    const auto last = before.find(page.plan->path);
    if (last != before.end() && last->second.key == page.key) continue;
    const std::string& path = page.plan->path;
    if (last != before.end()) snapshot.gemini[path] = Resource{page.gemini, {}, 0};
    else if (std::string bare = add_gemini_listing_page(snapshot, path, page.gemini); !bare.empty())
      gemini_paths.push_back(std::move(bare));
    snapshot.gopher[path] = Resource{page.gopher, {}, 0};
    gemini_paths.push_back(path);
    changed.push_back(std::move(page));
  }
  return changed;
}

void keep_list_pages(ListingPagesByPath& listings, std::vector<ListingPage> pages) {
  for (auto& page : pages) {
    std::string path = page.plan->path;
    page.plan = nullptr;
    listings.insert_or_assign(std::move(path), std::move(page));
  }
}

bool answered_otherwise(const std::filesystem::path& capsule, const Publication& publication, std::string_view path) {
  if (path.ends_with('/')) path.remove_suffix(1);
  std::error_code ec;
  if (path.size() > 1 && std::filesystem::exists(std::filesystem::symlink_status(capsule / path.substr(1), ec)))
    return true;
  return std::any_of(publication.pages.begin(), publication.pages.end(), [&](const auto& page) {
    const auto dot = page.path.rfind('.');
    return dot != std::string::npos && std::string_view(page.path).substr(0, dot) == path;
  });
}

std::vector<std::string> remove_list_pages(Snapshot& snapshot, const std::vector<std::string>& paths) {
  std::vector<std::string> gone;
  for (const auto& path : paths) {
    gone.push_back(path);
    // A list page's path without its slash redirects to it on Gemini and Spartan.
    if (path.size() > 1 && path.ends_with('/')) gone.push_back(path.substr(0, path.size() - 1));
    snapshot.gopher.erase(path);
  }
  for (const auto& path : gone) {
    snapshot.gemini.erase(path);
    snapshot.spartan.erase(path);
  }
  return gone;
}

bool may_be_linked(const BuiltSnapshot& built, const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(),
                     [&](const std::string& path) { return built.link_targets.count(link_target_hash(path)) > 0; });
}

void recheck_link_warnings(BuiltSnapshot& built, const Publication& publication, const std::vector<std::string>& gone,
                           const Resources& before, const Resources& after, const std::string& unchecked) {
  const bool everywhere = may_be_linked(built, gone);
  std::set<std::string> warned;
  for (const auto& diagnostic : built.diagnostics) warned.insert(diagnostic.path);
  warned.erase(unchecked);
  auto check = [&](const Resources& gemini) {
    return everywhere ? check_links(&publication, built.gemtext_pages, gemini)
                      : check_links_of(publication, built.gemtext_pages, warned, gemini);
  };
  remove_each(built.diagnostics, check(before));
  const Diagnostics now = check(after);
  built.diagnostics.insert(built.diagnostics.end(), now.begin(), now.end());
}

void remove_each(Diagnostics& all, const Diagnostics& gone) {
  if (gone.empty()) return;
  std::map<std::string, std::size_t> left;
  for (const auto& diagnostic : gone) ++left[diagnostic.to_string()];
  std::erase_if(all, [&](const Diagnostic& diagnostic) {
    const auto found = left.find(diagnostic.to_string());
    return found != left.end() && found->second > 0 && found->second-- > 0;
  });
}

} // namespace gazette
