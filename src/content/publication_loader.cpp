#include "content/publication_loader.hpp"

#include "base/file_text.hpp"
#include "content/article_checks.hpp"
#include "content/article_source.hpp"
#include "content/capsule_files.hpp"
#include "content/capsule_pages.hpp"
#include "content/editor_leftovers.hpp"
#include "content/listings.hpp"
#include "base/parallel_for.hpp"
#include "content/related_stories.hpp"
#include "content/site_settings.hpp"
#include "text/url_path.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <future>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unordered_map>

namespace gazette {
namespace fs = std::filesystem;

namespace {

// Why a file that is there gave nothing, and what to do about it.
std::string cannot_read(int error) {
  return fmt::format("cannot be read ({}); let the server's user read it", std::strerror(error));
}

FileVersion version_of(const struct stat& info) {
  return {info.st_mtim.tv_sec, info.st_mtim.tv_nsec, static_cast<std::int64_t>(info.st_size)};
}

// A usable parse as the publication and the cache share it: its place,
// and its lead photo's path as a capsule path.
CachedArticle settle(ParsedArticle parsed, const std::string& section, const std::string& slug) {
  CachedArticle settled;
  parsed.article.place(section, slug);
  if (auto& image = parsed.article.image; image && !is_url(image->src)) {
    settled.image_src_written = image->src;
    std::string rooted = "/";
    rooted += capsule_relative(image->src); // appended: GCC 12 at -O3 misreads "/" + std::string as an overflow
    image->src = std::move(rooted);
  }
  // Not const itself: release_bodies lets its body go once it is rendered.
  settled.parsed = std::make_shared<ParsedArticle>(std::move(parsed));
  return settled;
}

class Loader {
public:
  Loader(const fs::path& capsule, const LoadCache* previous, std::chrono::sys_seconds now,
         const FilesBeingWritten& being_written, const ChangedFiles* changed)
      : capsule_(capsule), previous_(previous), now_(now.time_since_epoch().count()), being_written_(being_written),
        changed_(changed) {}

  LoadedPublication load() {
    if (being_written_.count("site.toml") && previous_ && previous_->site) {
      note("site.toml", "still being written; its last good settings stay in force until it is closed");
      publication_ = std::make_unique<Publication>();
      publication_->site = *previous_->site;
      result_.cache.site = previous_->site;
      return load_rest();
    }
    auto site_text = read_file_text(capsule_ / "site.toml");
    if (!site_text) {
      if (errno == ENOENT) error("site.toml", 0, "missing: a publication needs site.toml with at least title = \"...\"");
      else error("site.toml", 0, cannot_read(errno));
      return std::move(result_);
    }
    publication_ = std::make_unique<Publication>();
    load_site(*site_text);
    return load_rest();
  }

private:
  LoadedPublication load_rest() {
    FoundPages pages = find_capsule_pages(capsule_, publication_->site);
    append(pages.diagnostics);
    publication_->pages = std::move(pages.pages);

    load_sections();
    order_sections();
    hold_articles();
    check_images();
    index_articles();
    collect_aliases();
    resolve_related();
    result_.publication = std::move(publication_);
    return std::move(result_);
  }

  void error(std::string path, int line, std::string message) {
    result_.diagnostics.push_back({std::move(path), line, Diagnostic::Severity::error, std::move(message)});
  }
  void warning(std::string path, int line, std::string message) {
    result_.diagnostics.push_back({std::move(path), line, Diagnostic::Severity::warning, std::move(message)});
  }
  void note(std::string path, std::string message) {
    result_.diagnostics.push_back({std::move(path), 0, Diagnostic::Severity::note, std::move(message)});
  }
  void append(const Diagnostics& more) { result_.diagnostics.insert(result_.diagnostics.end(), more.begin(), more.end()); }

  // A site.toml with errors leaves the last good settings in force, where a
  // load before this one had them: a broken save must not turn the front
  // page's title, language and section order back to defaults.
  void load_site(std::string_view text) {
    auto parsed = parse_site_settings(text, "site.toml");
    append(parsed.diagnostics);
    if (!has_errors(parsed.diagnostics)) {
      result_.cache.site = parsed.site;
    } else if (previous_ && previous_->site) {
      warning("site.toml", 0, "keeping the last good settings of site.toml in force until the errors are fixed");
      result_.cache.site = previous_->site;
      publication_->site = *previous_->site;
      return;
    }
    publication_->site = std::move(parsed.site);
  }

  // The section's settings: as its _section.toml has them, else, when it has
  // errors, as they last were without; null when they never were.
  std::optional<Section> load_section_settings(const fs::path& folder, const std::string& name) {
    const std::string settings_path = name + "/_section.toml";
    if (being_written_.count(settings_path)) {
      if (previous_)
        if (auto last_good = previous_->sections.find(name); last_good != previous_->sections.end()) {
          note(settings_path, "still being written; the last good settings of this section stay in force until it is closed");
          return last_good->second;
        }
      note(settings_path, "still being written; this section is published once the file is closed");
      return std::nullopt;
    }
    auto text = read_file_text(folder / "_section.toml");
    ParsedSection parsed;
    if (text) parsed = parse_section_settings(*text, settings_path);
    else parsed.diagnostics.push_back({settings_path, 0, Diagnostic::Severity::error, cannot_read(errno)});
    append(parsed.diagnostics);
    if (!has_errors(parsed.diagnostics)) {
      parsed.section.name = name;
      return std::move(parsed.section);
    }
    if (previous_)
      if (auto last_good = previous_->sections.find(name); last_good != previous_->sections.end()) {
        warning(settings_path, 0, "keeping the last good settings of this section in force until the errors are fixed");
        return last_good->second;
      }
    broken_sections_.insert(name);
    warning(settings_path, 0, "this section and its stories are not published until the errors are fixed");
    return std::nullopt;
  }

  void load_sections() {
    std::vector<SectionFiles> found = read_article_files();
    auto next = found.begin();
    for (const auto& entry : entries_of(capsule_)) {
      const std::string name = entry.path().filename().string();
      if (!is_section_folder(entry)) continue;
      if (!is_valid_slug(name)) {
        error(name + "/", 0, "a section folder name must use only lowercase ASCII letters, digits and '-'; "
                             "rename the folder (this section is skipped)");
        continue;
      }
      SectionFiles& files = *next++; // read_article_files took the same folders in the same order
      if (is_reserved_section_name(name)) {
        error(name + "/_section.toml", 1,
              fmt::format("a section may not be called \"{}\": /{}/ is the publication's own page; "
                          "rename the folder (this section is skipped)", name, name));
        continue;
      }
      std::optional<Section> section = load_section_settings(entry.path(), name);
      if (!section) continue;
      result_.cache.sections.insert_or_assign(name, *section);
      publication_->sections.push_back(std::move(*section));
      load_articles(files);
    }
  }

  // A section folder, as load_sections will take it.
  static bool is_section_folder(const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    std::error_code ec;
    return entry.is_directory(ec) && !name.starts_with('.') && !name.starts_with('_') &&
           fs::exists(entry.path() / "_section.toml", ec);
  }

  // A file load_articles takes as an article (its name may still be refused).
  static bool is_article_file(const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    std::error_code ec;
    return name.size() > 3 && name.ends_with(".md") && !name.starts_with('.') && !name.starts_with('_') &&
           !is_editor_leftover(name) && entry.is_regular_file(ec);
  }

  const std::vector<fs::directory_entry>& entries_of(const fs::path& folder) {
    auto found = listings_.find(folder);
    if (found == listings_.end()) {
      std::error_code ec;
      found = listings_.emplace(folder, sorted_folder_entries(folder, ec)).first;
    }
    return found->second;
  }

  struct FileRead {
    FileVersion version;
    const CachedArticle* last_good = nullptr;
    bool unchanged = false;                // since the last load: last_good is current
    bool being_written = false;            // still open for writing: last_good, if any, is kept
    CachedArticle usable;                  // the file parsed without errors, settled in its place
    std::optional<ParsedArticle> unusable; // or parsed with errors; neither when unchanged or unreadable
  };

  // An article file, as the capsule holds it: its path, its section, its
  // slug, and whether that slug is one a story may have.
  struct ArticleFile {
    const fs::path* path; // in its section's listing
    std::string section, slug, source;
    bool valid_slug = false;
    FileRead read; // when the slug is valid
  };

  // A section folder's article files, in name order, and the folder's
  // listing their paths point into.
  struct SectionFiles {
    std::vector<fs::directory_entry> listing;
    std::vector<ArticleFile> files;
  };

  FileRead read_article_file(const ArticleFile& file) const {
    FileRead read;
    if (previous_)
      if (auto found = previous_->articles.find(file.source); found != previous_->articles.end())
        read.last_good = &found->second;
    // A file inotify did not name since the last load is as that load left
    // it: at 100,000 stories a stat of each is most of a reload.
    if (read.last_good && changed_ && !changed_->count(file.source) && !being_written_.count(file.source) &&
        !previous_->not_current.count(file.source)) {
      read.version = read.last_good->version;
      read.unchanged = true;
      return read;
    }
    // A file read before is looked at first: unchanged, it need not be read.
    struct stat info {};
    if (read.last_good) {
      if (::stat(file.path->c_str(), &info) == 0) read.version = version_of(info);
      read.unchanged = read.last_good->version == read.version;
      if (read.unchanged) return read;
    }
    if (being_written_.count(file.source)) {
      read.being_written = true;
      return read;
    }
    // The version is taken before the text: a file changed in between is
    // read again at the next reload, never kept at a version it is not.
    if (auto text = read_file_text(*file.path, &info)) {
      read.version = version_of(info);
      ParsedArticle parsed = parse_article(*text, file.source);
      if (!parsed.usable) {
        read.unusable = std::move(parsed);
        return read;
      }
      read.usable = settle(std::move(parsed), file.section, file.slug);
      read.usable.version = read.version;
    }
    return read;
  }

  // Reading, parsing and settling the article files is most of a load, and
  // each file stands alone: it is done up front on every core, for every
  // folder load_sections will take as a section, in the order it takes them.
  std::vector<SectionFiles> read_article_files() {
    std::vector<std::pair<const fs::path*, std::string>> folders; // each section folder and its name
    for (const auto& folder : entries_of(capsule_)) {
      std::string section = folder.path().filename().string();
      if (is_section_folder(folder) && is_valid_slug(section)) folders.emplace_back(&folder.path(), std::move(section));
    }
    // Listing a folder of thousands of files is worth a core of its own.
    std::vector<SectionFiles> sections(folders.size());
    parallel_for(folders.size(), [&](std::size_t i) {
      const auto& [folder, section] = folders[i];
      std::error_code ec;
      sections[i].listing = sorted_folder_entries(*folder, ec);
      // An ArticleFile holds room for a whole parse: it is never moved.
      sections[i].files.reserve(sections[i].listing.size());
      for (const auto& entry : sections[i].listing) {
        if (!is_article_file(entry)) continue;
        const std::string name = entry.path().filename().string();
        std::string slug = name.substr(0, name.size() - 3);
        const bool valid = is_valid_slug(slug);
        sections[i].files.push_back({&entry.path(), section, std::move(slug), section + "/" + name, valid, {}});
      }
    });
    std::vector<ArticleFile*> named;
    for (auto& section : sections) {
      result_.article_files += section.files.size();
      for (auto& file : section.files)
        if (file.valid_slug) named.push_back(&file);
    }
    result_.cache.articles.reserve(named.size());
    parsed_.reserve(named.size());
    parallel_for(named.size(), [&](std::size_t i) { named[i]->read = read_article_file(*named[i]); });
    return sections;
  }

  void load_articles(SectionFiles& section) {
    for (auto& file : section.files) {
      if (!file.valid_slug) {
        error(file.source, 0, "an article file name must use only lowercase ASCII letters, digits and '-' before .md; "
                              "rename the file (this article is skipped)");
        continue;
      }
      if (is_reserved_story_slug(file.slug)) {
        error(file.source, 1, reserved_story_slug(file.section, file.slug));
        continue;
      }
      FileRead& read = file.read;
      const CachedArticle* last_good = read.last_good;

      CachedArticle kept;
      if (read.being_written) {
        if (!last_good) {
          note(file.source, "still being written; published once the file is closed");
          continue;
        }
        note(file.source, "still being written; its last good version stays online until it is closed");
        result_.cache.not_current.insert(file.source);
        kept = *last_good;
        append(kept.parsed->diagnostics);
      } else if (read.unchanged) {
        kept = *last_good;
        append(kept.parsed->diagnostics);
      } else if (read.usable.parsed) {
        kept = std::move(read.usable);
        append(kept.parsed->diagnostics);
      } else {
        if (read.unusable) append(read.unusable->diagnostics);
        else error(file.source, 0, "cannot read this file; check its permissions");
        if (!last_good) continue;
        // A broken edit: keep serving the story as it was.
        warning(file.source, 0, "keeping the last good version of this article online until the errors are fixed");
        result_.cache.not_current.insert(file.source);
        kept = *last_good;
      }
      result_.cache.articles.emplace(std::move(file.source), kept);
      parsed_.push_back(std::move(kept));
    }
  }

  void order_sections() {
    auto& sections = publication_->sections;
    std::vector<Section> ordered;
    for (const auto& name : publication_->site.section_order) {
      auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.name == name; });
      if (it == sections.end()) {
        // A section left out for its own errors has been reported as such.
        if (std::none_of(ordered.begin(), ordered.end(), [&](const Section& s) { return s.name == name; }) &&
            !broken_sections_.count(name))
          warning("site.toml", 0, fmt::format("sections names \"{}\", which is not a section folder with _section.toml", name));
        continue;
      }
      ordered.push_back(std::move(*it));
      sections.erase(it);
    }
    for (auto& section : sections) ordered.push_back(std::move(section)); // already by name
    sections = std::move(ordered);
  }

  void index_articles() {
    publication_->by_path.reserve(publication_->articles.size());
    for (const auto& article : publication_->articles) {
      if (is_scheduled(*article)) {
        const std::chrono::sys_seconds date{std::chrono::seconds(article->date.unix_seconds)};
        if (!result_.next_scheduled || date < *result_.next_scheduled) result_.next_scheduled = date;
        result_.diagnostics.push_back(
            {article->source, 0, Diagnostic::Severity::note, "scheduled; appears " + article->date.rfc3339()});
      }
      if (is_published(*article)) publication_->published.push_back(article.get());
      else publication_->waiting.push_back(article.get());
    }
    std::sort(publication_->published.begin(), publication_->published.end(), newer_first);
    // The paths are indexed on a core of their own, beside the lists.
    auto paths = std::async(std::launch::async, [this] {
      for (const Article* article : publication_->published) publication_->by_path.emplace(article->path(), article);
    });
    // Each section and tag is looked up by name once, not once per story.
    std::unordered_map<std::string_view, std::vector<const Article*>*> section_lists, tag_lists;
    for (auto& section : publication_->sections) section_lists.emplace(section.name, &section.articles);
    for (const Article* article : publication_->published) {
      for (const auto& tag : article->tags) {
        auto [found, added] = tag_lists.emplace(tag, nullptr);
        if (added) found->second = &publication_->by_tag[tag];
        found->second->push_back(article);
      }
      if (auto found = section_lists.find(article->section); found != section_lists.end()) found->second->push_back(article);
    }
    paths.get();
  }

  // Every article the publication holds, in the cache's own instance.
  void hold_articles() {
    auto& articles = publication_->articles;
    articles.reserve(parsed_.size());
    for (const auto& cached : parsed_) articles.emplace_back(cached.parsed, &cached.parsed->article);
  }

  // A photo missing from the capsule is left out of this load's copy of the
  // article; the cached article keeps it for when the file appears.
  void check_images() {
    for (std::size_t i = 0; i < publication_->articles.size(); ++i) {
      const Article& article = *publication_->articles[i];
      if (!article.image || is_url(article.image->src)) continue;
      const std::string relative = article.image->src.substr(1);
      if (!is_hidden_capsule_path(relative) && is_capsule_file(relative)) continue;
      error(article.source, parsed_[i].parsed->image_src_line, image_not_in_capsule(parsed_[i].image_src_written));
      auto without_photo = std::make_shared<Article>(article);
      without_photo->image.reset();
      publication_->articles[i] = std::move(without_photo);
    }
  }

  // Stories share a few photos, so each path is looked up once per load.
  bool is_capsule_file(const std::string& relative) {
    auto found = capsule_files_.find(relative);
    if (found == capsule_files_.end()) {
      std::error_code ec;
      found = capsule_files_.emplace(relative, fs::is_regular_file(capsule_ / relative, ec)).first;
    }
    return found->second;
  }

  void collect_aliases() {
    // Most publications have no aliases: then there are no paths to collect.
    if (std::none_of(publication_->articles.begin(), publication_->articles.end(),
                     [&](const auto& article) { return is_published(*article) && !article->aliases.empty(); }))
      return;
    std::set<std::string> taken;
    for (const auto& section : publication_->sections) taken.insert("/" + section.name + "/");
    for (const Article* article : publication_->published) taken.insert(article->path());
    for (std::size_t i = 0; i < publication_->articles.size(); ++i) {
      const Article& article = *publication_->articles[i];
      if (!is_published(article)) continue;
      for (std::size_t k = 0; k < article.aliases.size(); ++k) {
        const std::string& alias = article.aliases[k];
        const int line = parsed_[i].parsed->alias_lines[k];
        if (!alias.starts_with('/')) {
          error(article.source, line, alias_not_a_path(alias));
        } else if (is_listing_path(alias)) {
          error(article.source, line, alias_takes_listing(alias));
        } else if (!taken.insert(alias).second) {
          error(article.source, line, alias_collides(alias));
        } else {
          result_.redirects.emplace_back(alias, article.path());
        }
      }
    }
  }

  void resolve_related() {
    const std::size_t limit = static_cast<std::size_t>(publication_->site.related);
    // A story not published yet is named rightly; it is listed once it is.
    std::set<std::string> unpublished_paths;
    for (const auto& article : publication_->articles)
      if (!is_published(*article)) unpublished_paths.insert(article->path());

    // Each article's list is worked out on its own, on every core; the
    // problems are reported in article order afterwards.
    struct Resolved {
      std::vector<RelatedStory> stories;
      Diagnostics diagnostics;
    };
    const RelatedStoryFinder finder(*publication_);
    std::vector<Resolved> resolved(publication_->articles.size());
    parallel_for(resolved.size(), [&](std::size_t i) {
      const Article& article = *publication_->articles[i];
      auto& [stories, diagnostics] = resolved[i];
      std::set<const Article*> listed{&article};
      for (const auto& entry : article.related) {
        if (is_url(entry.target)) {
          stories.push_back({nullptr, entry.target});
          continue;
        }
        const std::string path = entry.story_path();
        auto found = publication_->by_path.find(path);
        if (found == publication_->by_path.end()) {
          if (!unpublished_paths.count(path))
            diagnostics.push_back(
                {article.source, entry.line, Diagnostic::Severity::error, related_names_no_article(entry.target)});
        } else if (listed.insert(found->second).second) {
          stories.push_back({found->second, {}});
        }
      }
      if (is_published(article)) finder.add(article, limit, listed, stories);
    });
    publication_->related.reserve(resolved.size());
    for (std::size_t i = 0; i < resolved.size(); ++i) {
      append(resolved[i].diagnostics);
      if (is_published(*publication_->articles[i]))
        publication_->related[publication_->articles[i].get()] = std::move(resolved[i].stories);
    }
  }

  // A draft waits for its author; a story dated later than now, for its date.
  bool is_published(const Article& article) const { return !article.draft && article.date.unix_seconds <= now_; }
  bool is_scheduled(const Article& article) const { return !article.draft && article.date.unix_seconds > now_; }

  fs::path capsule_;
  const LoadCache* previous_;
  std::int64_t now_; // seconds since the epoch
  LoadedPublication result_;
  std::unique_ptr<Publication> publication_;
  std::vector<CachedArticle> parsed_;          // parallel to publication_->articles
  std::map<std::string, bool> capsule_files_; // photo path -> whether the capsule has that file
  std::map<fs::path, std::vector<fs::directory_entry>> listings_; // each folder is listed once per load
  std::set<std::string> broken_sections_; // section folders left out for errors in their _section.toml
  const FilesBeingWritten& being_written_;
  const ChangedFiles* changed_; // null: any file may have changed
};

} // namespace

std::chrono::sys_seconds seconds_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

LoadedPublication load_publication(const fs::path& capsule, const LoadCache* previous, std::chrono::sys_seconds now,
                                   const FilesBeingWritten& being_written, const ChangedFiles* changed) {
  return Loader(capsule, previous, now, being_written, changed).load();
}

std::optional<CachedArticle> read_article_again(const fs::path& capsule, const std::string& source) {
  const auto slash = source.find('/');
  if (slash == std::string::npos || !source.ends_with(".md")) return std::nullopt;
  struct stat info {};
  const auto text = read_file_text(capsule / source, &info);
  if (!text) return std::nullopt;
  ParsedArticle parsed = parse_article(*text, source);
  if (!parsed.usable) return std::nullopt;
  CachedArticle read = settle(std::move(parsed), source.substr(0, slash),
                              source.substr(slash + 1, source.size() - slash - 4));
  read.version = version_of(info);
  return read;
}

} // namespace gazette
