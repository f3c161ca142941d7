// Everything rendered from one article: its Gemini page, its Gopher text and
// menu, and its words for search. Kept between reloads and reused while
// nothing the renders depend on has changed, so saving one file re-renders
// that story and the lists, not the whole site.
#pragma once
#include "config/config.hpp"
#include "content/publication.hpp"
#include "content/search_index.hpp"
#include "gemini/gemtext_pages.hpp"
#include "gopher/gopher_pages.hpp"
#include "snapshot/page_store.hpp"
#include "snapshot/shared_bytes.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

struct ArticleRenders {
  SharedBytes gemini_response; // header and gemtext
  SharedBytes gopher_text;     // the text document, CRLF lines
  SharedBytes gopher_menu;     // the article's menu
  SharedBytes finger_text;     // Finger's text, when it cannot be Gopher's (see finger_shares_gopher_text)
  GemtextStoryEntry gemini_entry; // how lists show the story
  GopherStoryEntry gopher_entry;  // likewise
  StoryWords words;               // what search finds it by
  // What the renders were made from, hashed (see render_key): a hundred
  // thousand stories' keys in full would take tens of megabytes.
  std::size_t key = 0;
};

// Bytes of pages and entries the renders hold.
std::uint64_t page_bytes(const ArticleRenders& renders);

using RenderCache = std::unordered_map<std::string, std::shared_ptr<const ArticleRenders>>; // by article path

// Whether Finger sends a story's Gopher text document as it is: it does
// unless the two differ in ASCII or Gopher ends its texts with a "." line.
bool finger_shares_gopher_text(const Config& config);

// A story's renders, and how many bytes its entry adds to a list page
// (see EntryBytes), whole and compact. Planning a list reads the sizes of
// every story in it: kept here, beside the pointer, they are read without
// touching each story's renders, spread over the whole archive's memory.
class HeldRenders {
public:
  HeldRenders() = default;
  HeldRenders(std::shared_ptr<const ArticleRenders> renders);

  const ArticleRenders* operator->() const { return renders_.get(); }
  const ArticleRenders& operator*() const { return *renders_; }
  const std::shared_ptr<const ArticleRenders>& get() const { return renders_; }

  std::size_t entry_bytes(bool compact) const { return compact ? compact_entry_bytes_ : entry_bytes_; }

private:
  std::shared_ptr<const ArticleRenders> renders_;
  std::uint32_t entry_bytes_ = 0;
  std::uint32_t compact_entry_bytes_ = 0;
};

using RendersByArticle = std::unordered_map<const Article*, HeldRenders>;

// When a story's search words are made: with its pages, or after them
// (add_search_words), so that a server starting up can serve its pages
// before its search index is built.
enum class SearchWords { now, later };

// Renders every published article, or takes it from `previous` (the last
// build's renders, by path) when its key is unchanged. The pages go to
// `store` when there is one.
RendersByArticle render_articles(const Publication& publication, const Config& config, const RenderCache* previous,
                                 PageStore* store = nullptr, SearchWords search_words = SearchWords::now);

// The search words of every published story rendered with
// SearchWords::later, from its body, before any other build reads them;
// each body is let go once its words are found.
void add_search_words(const Publication& publication, const RendersByArticle& renders);

// One story rendered anew, its body in memory; its pages go to `store`
// when there is one.
std::shared_ptr<const ArticleRenders> render_article(const Publication& publication, const Article& article,
                                                     const Config& config, PageStore* store = nullptr);

// How lists take each story's entry from `renders`, on each protocol.
GemtextEntries gemtext_entries(const RendersByArticle& renders);
GopherEntries gopher_entries(const RendersByArticle& renders);

} // namespace gazette
