#include "site/static_file_changes.hpp"

#include "content/article_checks.hpp"
#include "content/mime_types.hpp"
#include "site/gemini_site.hpp"
#include "site/gopher_site.hpp"
#include "site/spartan_site.hpp"
#include "site/static_files.hpp"

#include <algorithm>
#include <map>

namespace gazette {
namespace {

// More files than this at once is a deploy: it is built whole.
constexpr std::size_t max_files_changed = 256;

// The folder of a URL path, with both slashes: "/images/" for "/images/pier.jpg".
std::string folder_of(const std::string& url_path) { return url_path.substr(0, url_path.rfind('/') + 1); }

// Whether a whole build would let the publication answer at `url_path`
// rather than the file there. Stories, lists and search answer at paths
// without an extension, so only a few names need looking for.
bool answered_by_publication(const BuiltSnapshot& built, const std::string& url_path) {
  const std::string name = url_path.substr(url_path.rfind('/') + 1);
  if (name.find('.', 1) == std::string::npos || name == "atom.xml" || url_path == "/caps.txt") return true;
  const Publication& publication = *built.publication;
  return std::any_of(built.redirects.begin(), built.redirects.end(),
                     [&](const auto& redirect) { return redirect.first == url_path; }) ||
         std::any_of(publication.pages.begin(), publication.pages.end(),
                     [&](const CapsulePage& page) { return page.path == url_path; });
}

// Whether `folder` answers on Gopher with its own menu: not the top, a
// section's or a list's folder, nor a folder named as a story is.
bool has_folder_menu(const BuiltSnapshot& built, const std::string& folder) {
  const std::string bare = folder.substr(0, folder.size() - 1);
  return folder != "/" && !built.listings.count(folder) && !built.publication->by_path.count(bare) &&
         std::none_of(built.redirects.begin(), built.redirects.end(),
                      [&](const auto& redirect) { return redirect.first == folder || redirect.first == bare; });
}

struct FileChange {
  std::string url_path;
  std::optional<StaticFile> now; // none: the file went
};

} // namespace

std::optional<BuiltSnapshot> change_static_files_in_place(BuiltSnapshot& previous,
                                                          const std::shared_ptr<const Config>& config,
                                                          const std::shared_ptr<asio::ssl::context>& tls,
                                                          std::chrono::sys_seconds now, const CapsuleReading& reading,
                                                          CapsuleReading& rest) {
  if (!may_build_in_place(previous, config, now, reading) || reading.changed->size() > max_files_changed)
    return std::nullopt;
  const std::filesystem::path& capsule = reading.capsule(*config);
  const Snapshot& serving = *reading.serving;

  // The files named, sorted: story sources and settings are left for the
  // builds that change stories; files no build serves are nothing.
  ChangedFiles others;
  std::map<std::string, std::vector<std::string>> by_folder; // URL folder -> URL paths of the files in it
  for (const auto& path : *reading.changed) {
    if (previous.cache.articles.count(path) || is_settings_file(path) || path.ends_with(".md")) {
      others.insert(path);
      continue;
    }
    if (is_hidden_capsule_path(path) || is_passing_file(capsule, path, previous, serving)) continue;
    const std::string url_path = "/" + path;
    if (mime_type_for_extension(std::filesystem::path(path).extension().string()) == "text/gemini" ||
        answered_by_publication(previous, url_path) || !serving.gopher.find(folder_of(url_path)))
      return std::nullopt;
    by_folder[folder_of(url_path)].push_back(url_path);
  }
  if (by_folder.empty() && !others.empty()) return std::nullopt;

  // Each folder read once, as a whole build's walk reads it.
  std::vector<FileChange> changes;
  std::map<std::string, CapsuleFiles> folders;
  for (const auto& [folder, url_paths] : by_folder) {
    CapsuleFiles listed = scan_capsule_folder(capsule, folder);
    for (const auto& url_path : url_paths) {
      const std::string path = url_path.substr(1);
      if (std::any_of(listed.skipped.begin(), listed.skipped.end(),
                      [&](const Diagnostic& skipped) { return skipped.path == path; }))
        return std::nullopt; // its warning is a whole build's to give
      const auto file = std::find_if(listed.files.begin(), listed.files.end(),
                                     [&](const StaticFile& file) { return file.url_path == url_path; });
      FileChange change{url_path, file == listed.files.end() ? std::nullopt : std::optional<StaticFile>(*file)};
      const bool served_before = serving.gemini.find(url_path) != nullptr;
      if (served_before != change.now.has_value() && previous.photo_paths.count(link_target_hash(url_path)))
        return std::nullopt;
      changes.push_back(std::move(change));
    }
    folders.emplace(folder, std::move(listed));
  }

  const std::shared_ptr<Snapshot> snapshot = snapshot_to_change(serving, tls);
  const Publication& publication = *previous.publication;
  std::vector<std::string> gemini_paths; // written, for Spartan's
  std::vector<std::string> gone;
  std::vector<SharedBytes> read_now;
  for (const auto& change : changes) {
    const StaticFile* file = change.now ? &*change.now : nullptr;
    const SharedBytes bytes = file ? read_static_file(*file, previous.pages.get()) : SharedBytes();
    read_now.push_back(bytes);
    update_gemini_static_file(*snapshot, change.url_path, file, bytes, publication.site.lang);
    update_gopher_static_file(*snapshot, change.url_path, file, bytes, config->gopher);
    if (file) {
      gemini_paths.push_back(change.url_path);
    } else {
      snapshot->spartan.erase(change.url_path);
      gone.push_back(change.url_path);
    }
  }
  for (const auto& [folder, listed] : folders)
    if (has_folder_menu(previous, folder)) update_gopher_folder_menu(*snapshot, folder, listed, config->gopher);
  if (!config->spartan.listen.empty())
    update_spartan_pages(*snapshot, publication, previous.article_renders, config->spartan, gemini_paths);

  BuiltSnapshot built = taken_in_place(previous);
  // A file the last walk skipped (a symlink leading out, say) is served
  // now or gone: either way its warning goes.
  std::erase_if(built.diagnostics, [&](const Diagnostic& diagnostic) {
    return std::any_of(changes.begin(), changes.end(), [&](const FileChange& change) {
      return diagnostic.path == std::string_view(change.url_path).substr(1);
    });
  });
  // The bytes held of each file, and the store's count of them, follow the change.
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (const auto was = built.static_files.find(changes[i].url_path); was != built.static_files.end()) {
      built.page_bytes -= std::min(built.page_bytes, static_cast<std::uint64_t>(was->second.bytes.size()));
      built.static_files.erase(was);
    }
    if (changes[i].now && changes[i].now->size <= max_in_memory_file) {
      built.page_bytes += read_now[i].size();
      built.static_files.emplace(changes[i].url_path, KeptFile{changes[i].now->size, changes[i].now->version, read_now[i]});
    }
  }
  recheck_link_warnings(built, *built.publication, gone, serving.gemini, snapshot->gemini);
  finish_build(built, std::move(snapshot));
  rest = reading;
  rest.changed = std::move(others);
  rest.serving = built.snapshot;
  return built;
}

void add_photo_path(LinkTargets& photo_paths, const Article& article) {
  if (article.image && !is_url(article.image->src)) photo_paths.insert(link_target_hash(article.image->src));
}

} // namespace gazette
