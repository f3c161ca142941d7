#include "site/finger_site.hpp"

#include "finger/finger_pages.hpp"
#include "site/gemini_site.hpp"

#include <fmt/format.h>
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

} // namespace

void add_finger_resources(Snapshot& snapshot, const Publication* publication, const RendersByArticle& renders,
                          const Config& config) {
  auto text = [](std::string bytes) { return Resource{std::move(bytes), {}, 0}; };
  if (!publication) {
    snapshot.finger[""] = text(crlf_lines("No news is published here yet.\n"));
    return;
  }

  std::map<std::string, std::vector<const Article*>> by_slug;
  for (const Article* article : publication->published) by_slug[article->slug].push_back(article);
  auto slug_is_its_own = [&](const Article& article) {
    return by_slug[article.slug].size() == 1 && !publication->find_section(article.slug);
  };
  FingerStyle style{config.finger.host, story_url_prefix(config), static_cast<std::size_t>(config.gopher.wrap),
                    config.finger.ascii, [&](const Article& article) {
                      return slug_is_its_own(article) ? article.slug : article.section + "/" + article.slug;
                    }};

  snapshot.finger.reserve(2 * publication->published.size() + publication->sections.size() + 1);
  snapshot.finger[""] = text(render_finger_front(*publication, style));
  for (const auto& section : publication->sections)
    snapshot.finger[section.name] = text(render_finger_section(*publication, section, style));
  const bool shares_gopher = finger_shares_gopher_text(config);
  for (const Article* article : publication->published) {
    const ArticleRenders& rendered = *renders.at(article);
    const Resource story{shares_gopher ? rendered.gopher_text : rendered.finger_text, {}, 0};
    snapshot.finger[article->section + "/" + article->slug] = story;
    if (slug_is_its_own(*article)) snapshot.finger[article->slug] = story;
  }
  for (const auto& [slug, stories] : by_slug)
    if (stories.size() > 1 && !publication->find_section(slug))
      snapshot.finger[slug] = text(render_finger_choices(slug, stories, style));
}

} // namespace gazette
