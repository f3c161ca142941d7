// Reads site.toml, every section and every article from the capsule and
// links them: sections in menu order, stories newest first, tags, related
// stories, aliases. Every problem is reported; whatever is valid is kept.
#pragma once
#include "content/article_source.hpp"
#include "content/diagnostic.hpp"
#include "content/publication.hpp"
#include "text/string_hash.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace gazette {

// What tells one version of a file from the next without reading it.
struct FileVersion {
  std::int64_t modified_seconds = 0, modified_nanoseconds = 0;
  std::int64_t size = 0;
  bool operator==(const FileVersion&) const = default;
};

// The last good version of each article file, so that a broken edit keeps
// the story online and an unchanged file is not parsed again. The article is
// the one the publication holds, not a copy: its lead photo's path is
// already the capsule path ("/images/pier.jpg").
struct CachedArticle {
  std::shared_ptr<const ParsedArticle> parsed;
  std::string image_src_written; // as the file has it, for messages
  FileVersion version;           // of the file parsed
};
using ArticleCache = std::unordered_map<std::string, CachedArticle, StringHash, std::equal_to<>>; // by source path

// The capsule's files whose writers have not closed them yet, by capsule path
// ("world/pier.md", "site.toml"): a load keeps the last good version of each
// rather than read it half written.
using FilesBeingWritten = std::set<std::string, std::less<>>;

// The capsule's files that may have changed since the last load, by capsule
// path, as inotify named them: every other article file is taken as the
// last load left it, without a stat.
using ChangedFiles = std::set<std::string, std::less<>>;

// What one load hands the next: the last good version of every article
// file, of site.toml and of each _section.toml, so that a broken save of any
// of them keeps the last good one in force.
struct LoadCache {
  ArticleCache articles;
  std::optional<Site> site;                              // from a site.toml without errors
  std::map<std::string, Section, std::less<>> sections; // by folder name, without their articles
  // Article files that held something else than their last good version
  // (a broken edit, a write not finished): read again at every load.
  std::set<std::string, std::less<>> not_current;
};

struct LoadedPublication {
  // Null when the capsule has no site.toml: it is then a plain file capsule.
  std::unique_ptr<Publication> publication;
  Diagnostics diagnostics;
  std::vector<std::pair<std::string, std::string>> redirects; // alias path -> article path
  LoadCache cache; // what to pass as `previous` next time
  std::size_t article_files = 0; // .md files found in section folders, those that failed included
  // The date of the next story to appear by itself, dated later than the
  // load's `now`: when the publication must be loaded again.
  std::optional<std::chrono::sys_seconds> next_scheduled;
};

// The time a load takes as `now` outside tests, to the second.
std::chrono::sys_seconds seconds_now();

// A story dated later than `now` is scheduled: loaded and checked, not
// published (nor listed, linked or found) until a load at or after its date.
// An article, _section.toml or site.toml in `being_written` keeps its last
// good version from `previous`; one that has none yet is left out. With
// `changed`, only the article files it names are looked at again (a folder
// is still listed, so new and removed files are seen); without it, every
// file's version is compared with the last.
LoadedPublication load_publication(const std::filesystem::path& capsule, const LoadCache* previous = nullptr,
                                   std::chrono::sys_seconds now = seconds_now(),
                                   const FilesBeingWritten& being_written = {}, const ChangedFiles* changed = nullptr);

// An article file read again as a load reads it, by its capsule path
// ("world/pier.md"): null when it cannot be read or cannot be published
// (a whole load then says why).
std::optional<CachedArticle> read_article_again(const std::filesystem::path& capsule, const std::string& source);

} // namespace gazette
