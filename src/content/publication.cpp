#include "content/publication.hpp"

#include <algorithm>

namespace gazette {

const Section* Publication::find_section(const std::string& name) const {
  for (const auto& section : sections)
    if (section.name == name) return &section;
  return nullptr;
}

std::string Publication::section_title(const std::string& name) const {
  const Section* section = find_section(name);
  return section ? section->title : name;
}

std::string Publication::tag_title(std::string_view tag) const {
  auto named = site.tag_names.find(tag);
  return named != site.tag_names.end() ? named->second : tag_name_from_slug(tag);
}

bool newer_first(const Article* a, const Article* b) {
  if (a->date.unix_seconds != b->date.unix_seconds) return a->date.unix_seconds > b->date.unix_seconds;
  return a->path() < b->path();
}

namespace {

void insert_in_order(std::vector<const Article*>& list, const Article* article) {
  list.insert(std::upper_bound(list.begin(), list.end(), article, newer_first), article);
}

void erase_from(std::vector<const Article*>& list, const Article* article) {
  list.erase(std::remove(list.begin(), list.end(), article), list.end());
}

} // namespace

void publish_story(Publication& publication, std::shared_ptr<const Article> article) {
  const Article* story = article.get();
  publication.articles.push_back(std::move(article));
  insert_in_order(publication.published, story);
  for (auto& section : publication.sections)
    if (section.name == story->section) insert_in_order(section.articles, story);
  // As a load does: a tag named twice lists the story twice.
  for (const auto& tag : story->tags) insert_in_order(publication.by_tag[tag], story);
  publication.by_path.emplace(story->path(), story);
}

void withdraw_story(Publication& publication, const Article& article) {
  const Article* story = &article;
  erase_from(publication.published, story);
  for (auto& section : publication.sections)
    if (section.name == story->section) erase_from(section.articles, story);
  for (const auto& tag : story->tags)
    if (auto found = publication.by_tag.find(tag); found != publication.by_tag.end()) {
      erase_from(found->second, story);
      if (found->second.empty()) publication.by_tag.erase(found);
    }
  if (auto found = publication.by_path.find(story->path()); found != publication.by_path.end() && found->second == story)
    publication.by_path.erase(found);
  publication.related.erase(story);
  auto held = std::find_if(publication.articles.begin(), publication.articles.end(),
                           [&](const auto& each) { return each.get() == story; });
  if (held != publication.articles.end()) publication.articles.erase(held);
}

// A section holds one story of a slug, so another with it is in another
// section: one look per section, not one per story.
bool slug_is_its_own(const Publication& publication, const std::string& slug, const Article* story) {
  if (publication.find_section(slug)) return false;
  for (const auto& section : publication.sections) {
    const auto found = publication.by_path.find("/" + section.name + "/" + slug);
    if (found != publication.by_path.end() && found->second != story) return false;
  }
  return true;
}

std::string tag_name_from_slug(std::string_view tag) {
  std::string name(tag);
  std::replace(name.begin(), name.end(), '-', ' ');
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

Timestamp last_change(const Article& article) {
  Timestamp latest = article.date;
  if (article.updated && article.updated->unix_seconds > latest.unix_seconds) latest = *article.updated;
  for (const auto& note : article.notes)
    if (note.date.unix_seconds > latest.unix_seconds) latest = note.date;
  return latest;
}

std::string byline(const Article& article, std::string_view separator) {
  std::string line;
  for (std::size_t i = 0; i < article.authors.size(); ++i) {
    line += i == 0 ? "By " : (i + 1 == article.authors.size() ? " and " : ", ");
    line += article.authors[i];
  }
  if (!line.empty()) line += separator;
  line += "Published " + article.date.day();
  // An update or correction note changes the story as much as `updated` does.
  if (const Timestamp changed = last_change(article); changed.unix_seconds > article.date.unix_seconds)
    line += std::string(separator) + "Updated " + changed.day();
  return line;
}

std::string photo_label(const LeadImage& image) {
  std::string label = "Photo: " + (image.caption.empty() ? std::string("lead photo") : image.caption);
  if (!image.credit.empty()) label += " (" + image.credit + ")";
  return label;
}

} // namespace gazette
