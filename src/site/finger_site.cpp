#include "site/finger_site.hpp"

#include "finger/finger_pages.hpp"
#include "site/gemini_site.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <map>

namespace gazette {

namespace {

// Where the lists send a reader for the whole story: Gemini, or Gopher when
// only Gopher is served.
std::string story_url_prefix(const Config& config) {
  if (!config.gemini.listen.empty() || config.gopher.listen.empty()) return gemini_base_url(config);
  return config.gopher.port == 70 ? fmt::format("gopher://{}/0", config.gopher.host)
                                  : fmt::format("gopher://{}:{}/0", config.gopher.host, config.gopher.port);
}

Resource text(std::string bytes) { return Resource{std::move(bytes), {}, 0}; }

// How the lists name stories: by slug alone where `slug_is_its_own`.
FingerStyle finger_style(const Config& config, const std::function<bool(const Article&)>& slug_is_its_own) {
  return FingerStyle{config.finger.host, story_url_prefix(config), static_cast<std::size_t>(config.gopher.wrap),
                     config.finger.ascii, [slug_is_its_own](const Article& article) {
                       return slug_is_its_own(article) ? article.slug : article.section + "/" + article.slug;
                     }};
}

// A story's text at "section/slug", and at its slug when that is its own.
void add_story(Snapshot& snapshot, const Article& article, const ArticleRenders& rendered, const Config& config,
               bool slug_is_its_own) {
  const Resource story{finger_shares_gopher_text(config) ? rendered.gopher_text : rendered.finger_text, {}, 0};
  snapshot.finger[article.section + "/" + article.slug] = story;
  if (slug_is_its_own) snapshot.finger[article.slug] = story;
}

// Whether a story's slug is its own, for a build in place: the lists name
// a handful of stories.
std::function<bool(const Article&)> slug_check(const Publication& publication) {
  return [&publication](const Article& story) { return slug_is_its_own(publication, story.slug, &story); };
}

} // namespace

void add_finger_resources(Snapshot& snapshot, const Publication* publication, const RendersByArticle& renders,
                          const Config& config) {
  if (!publication) {
    snapshot.finger[""] = text(crlf_lines("No news is published here yet.\n"));
    return;
  }

  std::map<std::string, std::vector<const Article*>> by_slug;
  for (const Article* article : publication->published) by_slug[article->slug].push_back(article);
  auto slug_is_its_own = [&](const Article& article) {
    return by_slug[article.slug].size() == 1 && !publication->find_section(article.slug);
  };
  const FingerStyle style = finger_style(config, slug_is_its_own);

  snapshot.finger.reserve(2 * publication->published.size() + publication->sections.size() + 1);
  snapshot.finger[""] = text(render_finger_front(*publication, style));
  for (const auto& section : publication->sections)
    snapshot.finger[section.name] = text(render_finger_section(*publication, section, style));
  for (const Article* article : publication->published)
    add_story(snapshot, *article, *renders.at(article), config, slug_is_its_own(*article));
  for (const auto& [slug, stories] : by_slug)
    if (stories.size() > 1 && !publication->find_section(slug))
      snapshot.finger[slug] = text(render_finger_choices(slug, stories, style));
}

void update_finger_story(Snapshot& snapshot, const Publication& publication, const Article& article,
                         const RendersByArticle& renders, const Config& config) {
  const auto slug_is_its_own = slug_check(publication);
  const FingerStyle style = finger_style(config, slug_is_its_own);
  const bool own = slug_is_its_own(article);
  add_story(snapshot, article, *renders.at(&article), config, own);
  // A slug several stories share answers with the list of them, by title.
  if (!own && !publication.find_section(article.slug)) {
    std::vector<const Article*> sharing;
    for (const Article* other : publication.published)
      if (other->slug == article.slug) sharing.push_back(other);
    snapshot.finger[article.slug] = text(render_finger_choices(article.slug, sharing, style));
  }
}

void update_finger_lists(Snapshot& snapshot, const Publication& publication, const Config& config,
                         const std::set<std::string>& sections) {
  const FingerStyle style = finger_style(config, slug_check(publication));
  snapshot.finger[""] = text(render_finger_front(publication, style));
  for (const auto& name : sections)
    if (const Section* section = publication.find_section(name))
      snapshot.finger[section->name] = text(render_finger_section(publication, *section, style));
}

} // namespace gazette
