#include "gemini/gemtext_pages.hpp"

#include "gemini/gemtext.hpp"
#include "text/url_path.hpp"

#include <fmt/format.h>
#include <utility>

namespace gazette {

std::string tag_url(const std::string& tag) { return percent_encode_path("/tags/" + tag + "/"); }

namespace {

void text_line(std::string& out, std::string_view text) {
  out += escape_gemtext_line(text);
  out += '\n';
}

void link_line(std::string& out, std::string_view url, std::string_view label) {
  out.append("=> ").append(url).append(" ").append(label).append("\n");
}

std::shared_ptr<const GemtextStoryEntry> entry_of(const Article& article, const GemtextEntries& entries) {
  return entries ? entries(article) : std::make_shared<const GemtextStoryEntry>(render_story_entry_gemtext(article));
}

void story_list(SharedBytesBuilder& page, const Publication& publication, StorySpan stories, std::size_t limit,
                bool show_section, const GemtextEntries& entries) {
  if (stories.empty()) text_line(page.text(), "No stories yet.");
  for (std::size_t i = 0; i < stories.size() && i < limit; ++i) {
    const Article& article = *stories[i];
    const auto entry = entry_of(article, entries);
    if (!show_section) {
      page.share(entry->text(), entry->lines);
      continue;
    }
    page.share(entry->link(), entry->lines);
    // Labelled: between the headline and the teaser, a bare name reads as teaser text.
    text_line(page.text(), "Section: " + publication.section_title(article.section));
    page.share(entry->rest(), entry->lines);
  }
}

void back_to_front(std::string& out, const Publication& publication) {
  link_line(out, "/", fmt::format("Front page: {}", publication.site.title));
}

} // namespace

// The dated link line makes the page a Gemini subscription page; the
// undated "Keep reading" line keeps feed readers from counting the story twice.
GemtextStoryEntry render_story_entry_gemtext(const Article& article) {
  GemtextStoryEntry entry;
  std::string lines;
  const std::string url = percent_encode_path(article.path());
  link_line(lines, url, article.date.day() + " " + article.title);
  entry.link_end = lines.size();
  if (const auto& teaser = article.teaser(); !teaser.empty()) text_line(lines, teaser);
  link_line(lines, url, "Keep reading");
  lines += '\n';
  entry.lines = SharedBytes(std::move(lines));
  return entry;
}

std::string render_article_gemtext(const Publication& publication, const Article& article, std::string out) {
  out.append("# ").append(article.title) += '\n';
  if (!article.subtitle.empty()) text_line(out, article.subtitle);
  out += '\n';
  text_line(out, byline(article, " · "));
  // Where the story belongs, linked under the headline.
  link_line(out, percent_encode_path("/" + article.section + "/"), "Section: " + publication.section_title(article.section));
  for (const auto& tag : article.tags) link_line(out, tag_url(tag), "Topic: " + publication.tag_title(tag));
  bool corrected = false;
  for (const auto& note : article.notes)
    if (note.kind == "correction") {
      if (!std::exchange(corrected, true)) out += '\n';
      text_line(out, fmt::format("Correction, {}: {}", note.date.day(), note.text));
    }
  if (article.image) {
    out += '\n';
    link_line(out, percent_encode_path(article.image->src), photo_label(*article.image));
  }
  // Each block after this starts with its own blank line; an empty body adds none.
  if (!article.body.blocks.empty()) {
    out += '\n';
    render_body_gemtext(article.body, out);
  }

  bool has_updates = std::any_of(article.notes.begin(), article.notes.end(), [](const Note& n) { return n.kind == "update"; });
  if (has_updates) {
    out += "\n## Updates\n\n";
    for (const auto& note : article.notes)
      if (note.kind == "update") text_line(out, fmt::format("Update, {}: {}", note.date.day(), note.text));
  }

  auto related = publication.related.find(&article);
  if (related != publication.related.end() && !related->second.empty()) {
    out += "\n## Related stories\n\n";
    for (const auto& story : related->second) {
      if (story.article) link_line(out, percent_encode_path(story.article->path()), story.article->title);
      else append_link_line(out, story.url, story.url);
    }
  }

  out += '\n';
  link_line(out, percent_encode_path("/" + article.section + "/"),
            fmt::format("More from {}", publication.section_title(article.section)));
  back_to_front(out, publication);
  return out;
}

SharedBytes render_front_page_gemtext(const Publication& publication, const GemtextEntries& entries,
                                      SearchLink search) {
  const Site& site = publication.site;
  SharedBytesBuilder page;
  std::string& out = page.text();
  out += "# " + site.title + "\n";
  if (!site.tagline.empty()) text_line(out, site.tagline);
  // The ways around the publication, and the capsule's own pages, come
  // first, within a client's first link keys, not after every story.
  out += "\n## Sections\n\n";
  for (const auto& section : front_page_section_list(publication))
    link_line(out, percent_encode_path("/" + section.name + "/"), section.title);
  if (has_section_index(publication))
    link_line(out, std::string(section_index_path), fmt::format("All {} sections", publication.sections.size()));
  if (!publication.sections.empty()) out += '\n';
  if (!publication.by_tag.empty()) link_line(out, "/tags/", "All topics");
  link_line(out, "/archive/", "Archive, by date");
  if (search == SearchLink::prompt) out += "=: /search Search the news\n";
  else link_line(out, "/search", "Search the news");
  for (const auto& capsule_page : publication.pages) link_line(out, percent_encode_path(capsule_page.path), capsule_page.title);
  out += "\n## Top stories\n\n";
  const std::size_t count = front_page_count(publication, [&](const Article& article) {
    return entry_of(article, entries)->lines.size() + publication.section_title(article.section).size() + 10;
  });
  story_list(page, publication, publication.published, count, true, entries);
  if (publication.published.size() > count) link_line(page.text(), "/archive/", "Older stories, by date");

  link_line(page.text(), "/atom.xml", "Atom feed of the latest stories");
  if (!site.social.empty()) {
    out += "\n## Follow us\n\n";
    for (const auto& social : site.social) link_line(out, social.url, social.name);
  }
  return std::move(page).finish();
}

SharedBytes render_listing_gemtext(const Publication& publication, const ListingPlan& plan, const GemtextEntries& entries,
                                   std::string head) {
  SharedBytesBuilder page;
  std::string& out = page.text();
  out = std::move(head);
  out += "# " + plan.heading + "\n";
  if (!plan.description.empty()) text_line(out, plan.description);
  out += '\n';
  for (const auto& link : plan.links) link_line(out, percent_encode_path(link.path), link.label);
  if (!plan.links.empty()) out += '\n';
  if (plan.compact) {
    // One dated link line a story: the archive stays a subscription page too.
    for (const Article* article : plan.stories) {
      const auto entry = entry_of(*article, entries);
      page.share(entry->link(), entry->lines);
    }
    if (!plan.stories.empty()) page.text() += '\n';
  } else if (plan.links.empty()) {
    story_list(page, publication, plan.stories, plan.stories.size(), plan.show_section, entries);
  }
  for (const auto& link : plan.after) link_line(page.text(), percent_encode_path(link.path), link.label);
  return std::move(page).finish();
}

} // namespace gazette
