#include "site/listing_pages.hpp"

#include "base/parallel_for.hpp"
#include "gemini/gemini_response.hpp"
#include "gemini/gemtext_pages.hpp"
#include "gopher/gopher_pages.hpp"

#include <algorithm>

namespace gazette {

namespace {

std::size_t listing_key(const ListingPlan& plan, const std::string& settings, const RendersByArticle& renders) {
  std::string key = settings;
  auto field = [&](std::string_view text) { key.append(text).push_back('\x1f'); };
  auto links = [&](const std::vector<ListingLink>& list) {
    for (const auto& link : list) {
      field(link.path);
      field(link.label);
      field(link.gemini_only ? "gemini" : "");
    }
    key.push_back('\x1e');
  };
  field(plan.path);
  field(plan.heading);
  field(plan.description);
  links(plan.links);
  links(plan.after);
  field(plan.compact ? "compact" : "");
  field(plan.show_section ? "sections" : "");
  // A story's render key covers its file, its entry on both protocols, and
  // the section and topic names beside it. The keys are mixed in, in order,
  // rather than written out: a large archive's pages list a million entries.
  std::size_t hash = std::hash<std::string>{}(key);
  for (const Article* article : plan.stories)
    hash ^= renders.at(article)->key + 0x9e3779b97f4a7c15 + (hash << 6) + (hash >> 2);
  return hash;
}

} // namespace

EntryBytes entry_bytes(const RendersByArticle& renders) {
  return [&renders](const Article& article, bool compact) { return renders.at(&article).entry_bytes(compact); };
}

std::vector<ListingPage> listing_pages(const std::vector<ListingPlan>& plans, const Publication& publication,
                                       const Config& config, const RendersByArticle& renders,
                                       const ListingPagesByPath* previous) {
  // What every list draws on besides its plan and stories: the site's
  // name and language, and where Gopher's items point.
  const std::string settings = publication.site.title + '\x1f' + publication.site.lang + '\x1f' + config.gopher.host +
                               '\x1f' + std::to_string(config.gopher.port) + '\x1f' +
                               std::to_string(config.gopher.wrap) + (config.gopher.ascii ? "\x1f" "ascii" : "\x1f") +
                               (config.gopher.dot_terminator ? "\x1f" "dot" : "\x1f") + '\x1e';
  const std::string ok = gemini_header(20, gemtext_mime_type(publication.site.lang));
  const GopherStyle style = gopher_style(config.gopher);
  const GemtextEntries gemini = gemtext_entries(renders);
  const GopherEntries gopher = gopher_entries(renders);
  std::vector<ListingPage> pages(plans.size());
  parallel_for(plans.size(), [&](std::size_t i) {
    ListingPage& page = pages[i];
    page.plan = &plans[i];
    page.key = listing_key(plans[i], settings, renders);
    if (previous)
      if (auto found = previous->find(plans[i].path); found != previous->end() && found->second.key == page.key) {
        page.gemini = found->second.gemini;
        page.gopher = found->second.gopher;
        return;
      }
    page.gemini = render_listing_gemtext(publication, plans[i], gemini, ok);
    page.gopher = render_listing_menu(publication, plans[i], style, gopher);
  });
  return pages;
}

ListingPagesByPath by_path(std::vector<ListingPage> pages) {
  ListingPagesByPath kept;
  kept.reserve(pages.size());
  for (auto& page : pages) {
    const std::string path = page.plan->path;
    page.plan = nullptr;
    kept.insert_or_assign(path, std::move(page));
  }
  return kept;
}

} // namespace gazette
