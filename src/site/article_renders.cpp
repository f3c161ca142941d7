#include "site/article_renders.hpp"

#include "base/parallel_for.hpp"
#include "content/article_bodies.hpp"
#include "gemini/gemini_response.hpp"
#include "gopher/gopher_documents.hpp"

#include <algorithm>
#include <array>

namespace gazette {
namespace {

// Whatever an article's pages show besides its own file: the site's name and
// language, its section's title, its tags' names, its related stories, and how Gopher text
// is laid out. The file itself is represented by its content hash.
std::size_t render_key(const Publication& publication, const Article& article, const Config& config) {
  const Section* section = publication.find_section(article.section);
  std::string key;
  auto field = [&](std::string_view text) { key.append(text).push_back('\x1f'); };
  field(article.source);
  field(std::to_string(article.content_hash));
  // A story is shown without its photo while the file is missing.
  field(article.image ? "photo" : "");
  field(publication.site.title);
  field(publication.site.lang);
  field(section ? section->title : "");
  for (const auto& tag : article.tags) field(publication.tag_title(tag));
  field(config.gopher.host);
  field(std::to_string(config.gopher.port));
  field(std::to_string(config.gopher.wrap));
  field(config.gopher.ascii ? "ascii" : "utf-8");
  field(config.gopher.dot_terminator ? "dot" : "");
  field(finger_shares_gopher_text(config) ? "" : config.finger.ascii ? "finger ascii" : "finger utf-8");
  if (auto related = publication.related.find(&article); related != publication.related.end())
    for (const auto& story : related->second) {
      if (story.article) key.append(story.article->path()).append("\x1e").append(story.article->title);
      else key.append(story.url);
      key.push_back('\x1f');
    }
  return std::hash<std::string>{}(key);
}

// Every text a reader sees on the story's page, and its teaser, which the
// lists show: search finds a story by any of them. `names` keeps the
// section's and tags' names the views point into.
std::vector<std::string_view> searchable_texts(const Publication& publication, const Article& article,
                                               std::vector<std::string>& names) {
  names.push_back(publication.section_title(article.section));
  for (const auto& tag : article.tags) names.push_back(publication.tag_title(tag));
  std::vector<std::string_view> texts{article.title, article.subtitle, article.summary};
  texts.insert(texts.end(), names.begin(), names.end());
  texts.insert(texts.end(), article.authors.begin(), article.authors.end());
  for (const auto& note : article.notes) texts.push_back(note.text);
  if (article.image) {
    texts.push_back(article.image->caption);
    texts.push_back(article.image->credit);
  }
  for (const auto& block : article.body.blocks) {
    texts.push_back(block.text);
    if (!block.caption.empty()) texts.push_back(block.caption);
  }
  return texts;
}

std::string searchable_words(const Publication& publication, const Article& article) {
  std::vector<std::string> names;
  return word_list(searchable_texts(publication, article, names));
}

// A story's renders, and its pages' text until they are kept (in memory or
// in the page store: a store takes the text as it is, a copy fewer).
struct Rendered {
  std::shared_ptr<ArticleRenders> renders;
  std::array<std::string, 4> pages; // gemini_response, gopher_text, gopher_menu, finger_text

  std::array<SharedBytes*, 4> page_bytes() const {
    return {&renders->gemini_response, &renders->gopher_text, &renders->gopher_menu, &renders->finger_text};
  }
};

void add_words(const Publication& publication, const Article& article, StoryWords& words) {
  words.title = word_list({article.title});
  words.all = searchable_words(publication, article);
  // Kept until the story changes: the slack these strings gathered while
  // growing would be a third of them.
  words.title.shrink_to_fit();
  words.all.shrink_to_fit();
}

Rendered render(const Publication& publication, const Article& article, const Config& config, std::size_t key,
                SearchWords search_words) {
  Rendered rendered{std::make_shared<ArticleRenders>(), {}};
  ArticleRenders* renders = rendered.renders.get();
  renders->key = key;
  const GopherStyle style = gopher_style(config.gopher);
  auto& pages = rendered.pages;
  pages[0] = render_article_gemtext(publication, article, gemini_header(20, gemtext_mime_type(publication.site.lang)));
  pages[1] = gopher_text_document(render_article_text(publication, article, style), config.gopher.dot_terminator);
  pages[2] = render_article_menu(publication, article, style);
  if (!finger_shares_gopher_text(config)) {
    GopherStyle finger_style = style;
    finger_style.ascii = config.finger.ascii;
    pages[3] = gopher_text_document(render_article_text(publication, article, finger_style), false);
  }
  renders->gemini_entry = render_story_entry_gemtext(article);
  renders->gopher_entry = render_story_entry_menu(publication, article, style);
  if (search_words == SearchWords::now) add_words(publication, article, renders->words);
  return rendered;
}

// The pages of `fresh` kept in memory.
void keep_in_memory(std::vector<Rendered>& fresh) {
  for (auto& rendered : fresh) {
    const auto bytes = rendered.page_bytes();
    for (std::size_t i = 0; i < bytes.size(); ++i)
      if (!rendered.pages[i].empty()) *bytes[i] = SharedBytes(std::move(rendered.pages[i]));
  }
}

// The pages of `fresh`, and the entries the lists share, moved to `store`
// in one write.
void keep_in_store(PageStore& store, std::vector<Rendered>& fresh) {
  std::vector<SharedBytes*> kept;
  std::vector<std::string_view> texts;
  for (auto& rendered : fresh) {
    const auto bytes = rendered.page_bytes();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      kept.push_back(bytes[i]);
      texts.push_back(rendered.pages[i]);
    }
    ArticleRenders& renders = *rendered.renders;
    for (SharedBytes* entry : {&renders.gemini_entry.lines, &renders.gopher_entry.lines,
                               &renders.gopher_entry.dateline_with_section}) {
      kept.push_back(entry);
      texts.push_back(entry->size() == 0 ? std::string_view() : entry->piece(0));
    }
  }
  std::vector<SharedBytes> stored = store.keep(texts);
  for (std::size_t i = 0; i < kept.size(); ++i) *kept[i] = std::move(stored[i]);
  for (auto& rendered : fresh) rendered.pages = {};
}

void keep(PageStore* store, std::vector<Rendered>& fresh) {
  if (store) keep_in_store(*store, fresh);
  else keep_in_memory(fresh);
}

} // namespace

std::uint64_t page_bytes(const ArticleRenders& renders) {
  return renders.gemini_response.size() + renders.gopher_text.size() + renders.gopher_menu.size() +
         renders.finger_text.size() + renders.gemini_entry.lines.size() + renders.gopher_entry.lines.size() +
         renders.gopher_entry.dateline_with_section.size();
}

HeldRenders::HeldRenders(std::shared_ptr<const ArticleRenders> renders) : renders_(std::move(renders)) {
  if (!renders_) return;
  const ArticleRenders& r = *renders_;
  entry_bytes_ = static_cast<std::uint32_t>(
      std::max(r.gemini_entry.lines.size() + 64, r.gopher_entry.dateline_with_section.size() + r.gopher_entry.rest().size()));
  compact_entry_bytes_ =
      static_cast<std::uint32_t>(std::max(r.gemini_entry.link().size(), r.gopher_entry.title().size() + 32));
}

bool finger_shares_gopher_text(const Config& config) {
  return config.finger.listen.empty() || (config.finger.ascii == config.gopher.ascii && !config.gopher.dot_terminator);
}

RendersByArticle render_articles(const Publication& publication, const Config& config, const RenderCache* previous,
                                 PageStore* store, SearchWords search_words) {
  const auto& published = publication.published;
  std::vector<std::shared_ptr<const ArticleRenders>> made(published.size());
  // Stories are rendered a few dozen at a time, and each group's pages go
  // to the store in one write: a write for each story took a fifth of the
  // time a large load spent rendering.
  constexpr std::size_t group = 32;
  parallel_for((published.size() + group - 1) / group, [&](std::size_t g) {
    std::vector<Rendered> fresh;
    for (std::size_t i = g * group; i < std::min(published.size(), (g + 1) * group); ++i) {
      const Article& article = *published[i];
      const std::size_t key = render_key(publication, article, config);
      std::shared_ptr<const ArticleRenders> last;
      if (previous)
        if (auto found = previous->find(article.path()); found != previous->end()) last = found->second;
      if (last && last->key == key) {
        made[i] = std::move(last);
      } else if (restore_body(config.capsule, article) || !last) {
        fresh.push_back(render(publication, article, config, key, search_words));
        made[i] = fresh.back().renders;
      } else {
        made[i] = std::move(last); // its body is gone from the file: the last pages stay until the file is good again
      }
    }
    if (!fresh.empty()) keep(store, fresh);
  });
  RendersByArticle renders;
  renders.reserve(published.size());
  for (std::size_t i = 0; i < published.size(); ++i) renders.insert_or_assign(published[i], made[i]);
  return renders;
}

std::shared_ptr<const ArticleRenders> render_article(const Publication& publication, const Article& article,
                                                     const Config& config, PageStore* store) {
  std::vector<Rendered> fresh{
      render(publication, article, config, render_key(publication, article, config), SearchWords::now)};
  keep(store, fresh);
  return fresh.front().renders;
}

void add_search_words(const Publication& publication, const RendersByArticle& renders) {
  const auto& published = publication.published;
  parallel_for(published.size(), [&](std::size_t i) {
    const Article& article = *published[i];
    // Made by render_articles for this build alone, and not yet read by
    // any other: see SearchWords::later.
    auto& words = const_cast<StoryWords&>(renders.at(&article)->words);
    add_words(publication, article, words);
    // At once, not after all: the index, made next, then takes the memory
    // the bodies held, which would otherwise stay split between the two.
    release_body(article);
  });
}

GemtextEntries gemtext_entries(const RendersByArticle& renders) {
  return [&renders](const Article& article) {
    const auto& rendered = renders.at(&article);
    return std::shared_ptr<const GemtextStoryEntry>(rendered.get(), &rendered->gemini_entry);
  };
}

GopherEntries gopher_entries(const RendersByArticle& renders) {
  return [&renders](const Article& article) {
    const auto& rendered = renders.at(&article);
    return std::shared_ptr<const GopherStoryEntry>(rendered.get(), &rendered->gopher_entry);
  };
}

} // namespace gazette
