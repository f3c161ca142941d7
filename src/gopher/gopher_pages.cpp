#include "gopher/gopher_pages.hpp"

#include "gopher/gopher_documents.hpp"
#include "gopher/gopher_links.hpp"
#include "gopher/gopher_text.hpp"
#include "content/mime_types.hpp"
#include "text/text_wrap.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>
#include <set>
#include <utility>

namespace gazette {

char gopher_item_type(std::string_view extension) {
  const std::string_view type = mime_type_for_extension(extension);
  if (type.starts_with("text/html")) return 'h';
  if (type.starts_with("text/")) return '0';
  if (type == "image/gif") return 'g';
  if (type.starts_with("image/")) return 'I';
  if (type.starts_with("audio/")) return 's';
  if (type == "application/pdf") return 'd';
  if (type == "application/xml" || type == "application/atom+xml" || type == "application/rss+xml" ||
      type == "application/json")
    return '0';
  return '9';
}

GopherStyle gopher_style(const GopherSettings& settings) {
  return {{settings.host, settings.port}, static_cast<std::size_t>(settings.wrap), settings.ascii};
}

std::string gopher_url(const GopherOrigin& origin, char type, std::string_view selector) {
  std::string url = "gopher://" + origin.host + ":" + std::to_string(origin.port) + "/" + type;
  return url.append(selector);
}

namespace {

// Moves the lines `menu` holds so far into `page`, then shares the stories'
// entries; `menu` goes on with the lines after the list.
std::shared_ptr<const GopherStoryEntry> entry_of(const Publication& publication, const Article& article,
                                                 const GopherStyle& style, const GopherEntries& entries) {
  return entries ? entries(article)
                 : std::make_shared<const GopherStoryEntry>(render_story_entry_menu(publication, article, style));
}

void story_list(SharedBytesBuilder& page, GopherMenu& menu, const Publication& publication, StorySpan stories,
                std::size_t limit, bool show_section, const GopherStyle& style, const GopherEntries& entries) {
  if (stories.empty()) {
    menu.info("No stories yet.");
    menu.blank(); // as each story's entry ends
  }
  page.text() += menu.take_lines();
  for (std::size_t i = 0; i < stories.size() && i < limit; ++i) {
    const Article& article = *stories[i];
    const auto entry = entry_of(publication, article, style, entries);
    if (!show_section) {
      page.share(entry->text(), entry->lines);
      continue;
    }
    page.share(entry->dateline_with_section.piece(0), entry->dateline_with_section);
    page.share(entry->rest(), entry->lines);
  }
}

void back_to_front(GopherMenu& menu, const Publication& publication) {
  menu.item('1', "Front page: " + publication.site.title, "/");
}

// The References block: each link as the page at `page_path` resolves it.
void append_references(std::string& out, const TextReferences& references, const Publication* publication,
                       std::string_view page_path, const TextStyle& text, const GopherOrigin& origin) {
  if (references.urls.empty()) return;
  out += "\n";
  text.heading(out, "References", '-');
  for (std::size_t i = 0; i < references.urls.size(); ++i)
    out += fmt::format("[{}] {}\n", i + 1, gopher_link(origin, publication, page_path, references.urls[i]).url);
}

// A link no reader may be sent to (javascript:, a control character) is
// shown as text: its "URL:" selector would answer only "not found".
void link_item(GopherMenu& menu, std::string_view display, const GopherLink& link) {
  if (link.leaves_gopher() && !may_leave_for(std::string_view(link.selector).substr(4)))
    menu.info(fmt::format("{}: {}", display, link.url));
  else
    menu.item_at(link.type, display, link.selector, link.host, link.port);
}

} // namespace

GopherStoryEntry render_story_entry_menu(const Publication& publication, const Article& article,
                                         const GopherStyle& style) {
  GopherStoryEntry entry;
  GopherMenu menu(style.origin, style.ascii);
  const std::string day = article.date.day();
  menu.info(day + " - " + publication.section_title(article.section));
  entry.dateline_with_section = SharedBytes(menu.take_lines());
  menu.info(day);
  entry.dateline_end = menu.lines_size();
  menu.item('0', article.title, article.path());
  entry.title_end = menu.lines_size();
  if (const auto& teaser = article.teaser(); !teaser.empty()) menu.info(teaser);
  menu.item('1', article.image ? "  Photo, related stories and more" : "  Related stories and more", article.path() + "/");
  menu.blank();
  entry.lines = SharedBytes(menu.take_lines());
  return entry;
}

SharedBytes render_front_page_menu(const Publication& publication, const GopherStyle& style,
                                   const GopherEntries& entries) {
  SharedBytesBuilder page;
  GopherMenu menu(style.origin, style.ascii);
  const Site& site = publication.site;
  menu.info(site.title);
  if (!site.tagline.empty()) menu.info(site.tagline);
  // The ways around the publication, and the capsule's own pages, come
  // first, not after every story.
  menu.blank();
  menu.info("Sections");
  for (const auto& section : front_page_section_list(publication)) menu.item('1', section.title, "/" + section.name + "/");
  if (has_section_index(publication))
    menu.item('1', fmt::format("All {} sections", publication.sections.size()), std::string(section_index_path));
  if (!publication.sections.empty()) menu.blank();
  if (!publication.by_tag.empty()) menu.item('1', "All topics", "/tags/");
  menu.item('1', "Archive, by date", "/archive/");
  menu.item('7', "Search the news", "/search");
  // Gemtext pages are served as plain text.
  for (const auto& capsule_page : publication.pages) menu.item('0', capsule_page.title, capsule_page.path);
  menu.blank();
  menu.info("Top stories");
  menu.blank();
  const std::size_t count = front_page_count(publication, [&](const Article& article) {
    const auto entry = entry_of(publication, article, style, entries);
    return entry->dateline_with_section.size() + entry->rest().size();
  });
  story_list(page, menu, publication, publication.published, count, true, style, entries);
  if (publication.published.size() > count) {
    menu.item('1', "Older stories, by date", "/archive/");
    menu.blank();
  }
  if (!site.social.empty()) {
    menu.info("Follow us"); // after the blank line that ends each story
    for (const auto& social : site.social) link_item(menu, social.name, gopher_link(style.origin, &publication, "/", social.url));
  }
  page.text() += menu.finish();
  return std::move(page).finish();
}

SharedBytes render_listing_menu(const Publication& publication, const ListingPlan& plan, const GopherStyle& style,
                                const GopherEntries& entries) {
  SharedBytesBuilder page;
  GopherMenu menu(style.origin, style.ascii);
  menu.info(plan.heading);
  if (!plan.description.empty()) menu.info(plan.description);
  menu.blank();
  for (const auto& link : plan.links) menu.item('1', link.label, link.path);
  if (!plan.links.empty()) menu.blank();
  if (plan.compact) {
    // The day once, over the titles of its stories.
    page.text() += menu.take_lines();
    std::string shown_day;
    for (const Article* article : plan.stories) {
      if (std::string day = article->date.day(); day != shown_day) {
        if (!shown_day.empty()) menu.blank();
        menu.info(day);
        page.text() += menu.take_lines();
        shown_day = std::move(day);
      }
      const auto entry = entry_of(publication, *article, style, entries);
      page.share(entry->title(), entry->lines);
    }
    if (!plan.stories.empty()) menu.blank();
  } else if (plan.links.empty()) {
    story_list(page, menu, publication, plan.stories, plan.stories.size(), plan.show_section, style, entries);
  }
  for (const auto& link : plan.after)
    if (!link.gemini_only) menu.item('1', link.label, link.path);
  page.text() += menu.finish();
  return std::move(page).finish();
}

std::string render_article_menu(const Publication& publication, const Article& article, const GopherStyle& style) {
  GopherMenu menu(style.origin, style.ascii);
  menu.info(article.title);
  if (!article.subtitle.empty()) menu.info(article.subtitle);
  menu.info(byline(article, " - "));
  // Where the story belongs, under the headline.
  menu.item('1', "Section: " + publication.section_title(article.section), "/" + article.section + "/");
  for (const auto& tag : article.tags) menu.item('1', "Topic: " + publication.tag_title(tag), "/tags/" + tag + "/");
  menu.blank();
  const std::string page = article.path();
  menu.item('0', "Read the story", page);
  // Every link of the text, to follow from here: a text document cannot
  // link. Each once, in the order the text numbers them.
  std::set<std::string> listed;
  if (article.image) {
    const GopherLink photo = gopher_link(style.origin, &publication, page, article.image->src);
    link_item(menu, photo_label(*article.image), photo);
    listed.insert(photo.url);
  }
  std::vector<std::pair<std::string, GopherLink>> links;
  for (auto& link : body_links(article.body)) {
    GopherLink item = gopher_link(style.origin, &publication, page, link.url);
    if (listed.insert(item.url).second) links.emplace_back(std::move(link.label), std::move(item));
  }
  if (!links.empty()) {
    menu.blank();
    menu.info("Links in the story");
    for (const auto& [label, item] : links) link_item(menu, label, item);
  }
  auto related = publication.related.find(&article);
  if (related != publication.related.end() && !related->second.empty()) {
    menu.blank();
    menu.info("Related stories");
    for (const auto& story : related->second) {
      if (story.article) menu.item('1', story.article->title, story.article->path() + "/");
      else link_item(menu, story.url, gopher_link(style.origin, &publication, page, story.url));
    }
  }
  menu.blank();
  menu.item('1', "More from " + publication.section_title(article.section), "/" + article.section + "/");
  back_to_front(menu, publication);
  return menu.finish();
}

std::string render_article_text(const Publication& publication, const Article& article, const GopherStyle& style) {
  const TextStyle text{style.wrap, style.ascii};
  TextReferences references;
  std::string out;
  text.heading(out, article.title, '=');
  if (!article.subtitle.empty()) text.wrap(out, article.subtitle);
  out += "\n";
  text.wrap(out, byline(article, " - "));
  // Where the story belongs; the story's menu links them.
  text.wrap(out, "Section: " + publication.section_title(article.section));
  if (!article.tags.empty()) {
    std::string topics = article.tags.size() == 1 ? "Topic: " : "Topics: ";
    for (std::size_t i = 0; i < article.tags.size(); ++i)
      topics.append(i == 0 ? "" : ", ").append(publication.tag_title(article.tags[i]));
    text.wrap(out, topics);
  }
  bool corrected = false;
  for (const auto& note : article.notes)
    if (note.kind == "correction") {
      if (!std::exchange(corrected, true)) out += "\n";
      text.wrap(out, fmt::format("Correction, {}: {}", note.date.day(), note.text));
    }
  if (article.image) {
    out += "\n";
    text.wrap(out, photo_label(*article.image) + reference_marker(references.add(article.image->src)));
  }
  if (!article.body.blocks.empty()) {
    out += "\n";
    render_body_text(article.body, text, references, out);
  }

  bool has_updates = std::any_of(article.notes.begin(), article.notes.end(), [](const Note& n) { return n.kind == "update"; });
  if (has_updates) {
    out += "\n";
    text.heading(out, "Updates", '-');
    for (const auto& note : article.notes)
      if (note.kind == "update") text.wrap(out, fmt::format("Update, {}: {}", note.date.day(), note.text));
  }

  // Numbered like the body's links: a story's address is longer than a
  // line, and the references are where such addresses stand.
  auto related = publication.related.find(&article);
  if (related != publication.related.end() && !related->second.empty()) {
    out += "\n";
    text.heading(out, "Related stories", '-');
    for (const auto& story : related->second) {
      // A bare URL needs no reference to itself.
      if (!story.article) out += "* " + story.url + "\n";
      else
        text.wrap(out, story.article->title + reference_marker(references.add(story.article->path() + "/")), "* ", "  ");
    }
  }

  append_references(out, references, &publication, article.path(), text, style.origin);
  return out;
}

std::string render_gemtext_page_text(const Publication* publication, std::string_view url_path, const Body& page,
                                     const GopherStyle& style) {
  const TextStyle text{style.wrap, style.ascii};
  TextReferences references;
  std::string out;
  render_body_text(page, text, references, out);
  append_references(out, references, publication, url_path, text, style.origin);
  return out;
}

} // namespace gazette
