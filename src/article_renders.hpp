// Everything rendered from one article: its Gemini page, its Gopher text and
// menu, and its words for search. Kept between reloads and reused while
// nothing the renders depend on has changed, so saving one file re-renders
// that story and the lists, not the whole site.
#pragma once
#include "config.hpp"
#include "gemtext_pages.hpp"
#include "gopher_pages.hpp"
#include "pointer_map.hpp"
#include "publication.hpp"
#include "shared_bytes.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

struct ArticleRenders {
  SharedBytes gemini_response; // header and gemtext
  SharedBytes gopher_text;     // the text document, CRLF lines
  SharedBytes gopher_menu;     // the article's menu
  GemtextStoryEntry gemini_entry; // how lists show the story
  GopherStoryEntry gopher_entry;  // likewise
  std::string title_words; // see word_list
  std::string all_words;
};

struct CachedRenders {
  std::string key; // what the renders were made from; see render_key
  std::shared_ptr<const ArticleRenders> renders;
};
using RenderCache = std::unordered_map<std::string, CachedRenders>; // by article path

using RendersByArticle = PointerMap<Article, std::shared_ptr<const ArticleRenders>>;

// Renders every published article, or takes it from `previous` when its key
// is unchanged; `next` receives what to pass as `previous` next time.
RendersByArticle render_articles(const Publication& publication, const Config& config, const RenderCache* previous,
                                 RenderCache& next);

} // namespace gazette
