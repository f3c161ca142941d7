// The publication as admins wrote it: site settings, sections and articles,
// loaded from the capsule and checked. Renderers for each protocol read it;
// nothing here knows about Gemini or Gopher.
#pragma once
#include "content/body.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette {

// What pages show of the texts admins write is kept short, so that no one
// text swells every page it is on: a longer title, summary, tagline or
// description is cut at a word, with "…", and tags past the last, or too
// long, are left out, each with a warning.
inline constexpr std::size_t max_title_characters = 200;
inline constexpr std::size_t max_summary_characters = 300; // a teaser's length, as one cut from the body
inline constexpr std::size_t max_description_characters = 500;
inline constexpr std::size_t max_tags = 32;
inline constexpr std::size_t max_tag_characters = 64; // a tag, and the readable name site.toml gives it

// A TOML date or date-time, kept in UTC.
struct Timestamp {
  std::int64_t unix_seconds = 0;
  bool has_time = false; // written as a date alone

  std::string day() const;     // "2023-11-03"
  std::string rfc3339() const; // "2023-11-03T09:00:00Z"
};

struct SocialLink {
  std::string name;
  std::string url;
};

struct Site {
  std::string title;
  std::string tagline;
  std::string lang;
  int front_page = 10;
  int list_page = 20;    // stories on each page of a section or topic
  int feed_entries = 50; // latest stories in each Atom feed
  int related = 3;
  std::vector<std::string> section_order;
  std::vector<SocialLink> social;
  std::map<std::string, std::string, std::less<>> tag_names; // [tags]: a tag's readable name, by tag
  std::optional<std::vector<std::string>> pages; // the pages the front page links, when site.toml says
};

// One of the capsule's own pages, linked from the front page.
struct CapsulePage {
  std::string path;  // its URL path, "/about.gmi"
  std::string title; // its first "# " heading, else its file name
};

struct Note {
  Timestamp date;
  std::string kind; // "update" or "correction"
  std::string text;
};

struct LeadImage {
  std::string src; // capsule path ("images/pier.jpg") or absolute URL
  std::string caption;
  std::string credit;
};

// Whether a related entry or a photo names a place elsewhere ("https://...")
// rather than one in the capsule.
inline bool is_url(std::string_view target) { return target.find("://") != std::string_view::npos; }

// An entry of `related`: another article of this capsule, or a URL elsewhere.
struct RelatedLink {
  std::string target; // "section/slug" or "https://..."
  int line = 0;

  // The story's path it names, "/section/slug" (the file may leave out the first slash).
  std::string story_path() const { return target.starts_with('/') ? target : "/" + target; }
};

struct Article;

// A related story as readers see it: an article here, or a link elsewhere.
struct RelatedStory {
  const Article* article = nullptr;
  std::string url; // when article is null
  // For a story chosen for its tags and section: how many tags it shares
  // with the story it is listed on, and whether the two share a section.
  // A story published in place is ranked against each list's last with
  // these, rather than by reading both stories again: it may enter
  // thousands of lists.
  std::uint32_t shared_tags = 0;
  bool same_section = false;
};

struct Article {
  // Set by place(), with the path made of them.
  std::string section; // folder name
  std::string slug;    // file name without ".md"
  std::string source;  // "section/slug.md", relative to the capsule
  std::uint64_t content_hash = 0; // of the file's text, to tell when renders are stale

  std::string title;
  std::string subtitle;
  Timestamp date;
  std::optional<Timestamp> updated;
  std::vector<std::string> authors;
  std::string summary; // as written; teaser() falls back to body_teaser
  std::vector<std::string> tags;
  std::vector<RelatedLink> related;
  std::vector<std::string> aliases;
  bool draft = false;
  std::vector<Note> notes;
  std::optional<LeadImage> image;
  Body body;
  std::string body_teaser; // default_teaser(body), made by the parser when summary is empty
  std::vector<BodyReference> references; // body_references(body), made by the parser
  // The body was let go once the story's pages were rendered (see
  // release_bodies): read the file again to render them anew.
  bool body_released = false;

  void place(std::string section_name, std::string slug_name) {
    section = std::move(section_name);
    slug = std::move(slug_name);
    path_ = "/" + section + "/" + slug;
  }
  // "/section/slug": made once, as sorting, listing and indexing the stories
  // ask for it many times over.
  const std::string& path() const { return path_; }
  const std::string& teaser() const { return summary.empty() ? body_teaser : summary; }

private:
  std::string path_;
};

struct Section {
  std::string name; // folder name, also its URL path "/<name>/"
  std::string title;
  std::string description;
  std::vector<const Article*> articles; // published, newest first
};

struct Publication {
  Site site;
  std::vector<Section> sections;          // in menu order
  std::vector<CapsulePage> pages;         // linked from the front page, in order
  std::vector<std::shared_ptr<const Article>> articles; // every loaded article, drafts too; shared with the load cache
  std::vector<const Article*> published;  // not drafts, newest first
  std::vector<const Article*> waiting;    // the drafts and the stories dated later
  std::unordered_map<std::string_view, const Article*> by_path; // path() -> published article, keyed by its own path
  std::map<std::string, std::vector<const Article*>> by_tag; // newest first
  std::unordered_map<const Article*, std::vector<RelatedStory>> related; // explicit first, then automatic

  const Section* find_section(const std::string& name) const;
  // The section's title, or its folder name when it has none.
  std::string section_title(const std::string& name) const;
  // The tag's name as site.toml gives it, else tag_name_from_slug.
  std::string tag_title(std::string_view tag) const;
};

// The order of every list of stories: newest first, then by path.
bool newer_first(const Article* a, const Article* b);

// A story published in place, into every list and index a load would put
// it in (the related stories aside), and taken out again.
void publish_story(Publication& publication, std::shared_ptr<const Article> article);
void withdraw_story(Publication& publication, const Article& article);

// Whether `slug` is `story`'s alone: no section and no other published
// story has it (Finger then answers the slug by itself).
bool slug_is_its_own(const Publication& publication, const std::string& slug, const Article* story);

// "us-foreign-policy" -> "Us foreign policy": hyphens as spaces, the first
// letter capitalized. Names it cannot get right belong in site.toml's [tags].
std::string tag_name_from_slug(std::string_view tag);

// The latest of the date, the updated date and any note's date: when the
// story last changed, for its byline and its feed entry.
Timestamp last_change(const Article& article);

// "By A and B<separator>Published 2024-05-16<separator>Updated 2024-05-17";
// "Updated" when the story changed after it was published (see
// last_change). The separator differs between protocols (Gopher stays ASCII).
std::string byline(const Article& article, std::string_view separator);

// "Photo: caption (credit)": how a lead photo is labelled everywhere.
std::string photo_label(const LeadImage& image);

} // namespace gazette
