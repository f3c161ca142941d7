// What each story is rendered with: here, the words search finds it by.
#include "content/publication_loader.hpp"
#include "site/article_renders.hpp"
#include "site/listing_pages.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::TempCapsule;

TEST_CASE("search finds a story by every text its page shows") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n[tags]\nhumanitarian-aid = \"Relief convoys\"\n")
      .write("world/_section.toml", "title = \"Elsewhere\"\n")
      .write("images/p.png", "png")
      .write("world/pier.md",
             article("Pier", "2024-05-16",
                     "subtitle = \"A standfirst mentioning breakwaters\"\n"
                     "author = \"Jo Quillfeather\"\n"
                     "tags = [\"humanitarian-aid\", \"floating-docks\"]\n"
                     "[[notes]]\ndate = 2024-05-17\nkind = \"update\"\ntext = \"Eight thousand shelters were sent.\"\n"
                     "[[notes]]\ndate = 2024-05-18\nkind = \"correction\"\ntext = \"A misspelt tonnage.\"\n"
                     "[image]\nsrc = \"images/p.png\"\ncaption = \"Soldiers outside the Altiplano prison\"\n"
                     "credit = \"Photographer Zanzibaro\"\n",
                     "Body text.\n\n![alt words](/images/p.png \"An inline caption of lighthouses\")\n\n"
                     "=> gemini://example.org/ A passed link to marinas"));
  const LoadedPublication loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  Config config;
  const RendersByArticle renders = render_articles(*loaded.publication, config, nullptr);
  const std::string& words = renders.at(loaded.publication->by_path.at("/world/pier"))->words.all;
  CAPTURE(words);
  // The standfirst, the author, the section's and the tags' names (named
  // and made), each kind of note, the photo's caption and credit, a body
  // image's caption and a link line's words.
  for (const char* word : {"breakwaters", "quillfeather", "elsewhere", "relief", "floating", "docks", "shelters",
                           "tonnage", "altiplano", "zanzibaro", "lighthouses", "marinas", "body"}) {
    CAPTURE(word);
    CHECK(words.find(std::string(word) + " ") != std::string::npos);
  }
}

TEST_CASE("a story's entry sizes are those of the renders held for it, whenever they change") {
  // Whole: the larger of the gemtext entry with room for a section line,
  // and the menu entry with its section's dateline. Compact: the larger of
  // the dated link line and the menu's title item with room for a date.
  struct Row {
    std::string gemini_lines;
    std::size_t link_end;
    std::string gopher_lines;
    std::size_t dateline_end, title_end;
    std::string dateline_with_section;
    std::size_t whole, compact;
  };
  const Row rows[] = {
      {std::string(100, 'g'), 40, std::string(50, 'm'), 10, 30, std::string(15, 'd'), 164, 52},
      {std::string(10, 'g'), 5, std::string(300, 'm'), 20, 60, std::string(25, 'd'), 305, 72},
      {std::string(10, 'g'), 9, std::string(30, 'm'), 0, 1, "", 74, 33},
  };
  RendersByArticle renders;
  const Article story;
  for (const auto& row : rows) {
    CAPTURE(row.whole);
    auto rendered = std::make_shared<ArticleRenders>();
    rendered->gemini_entry = {SharedBytes(row.gemini_lines), row.link_end};
    rendered->gopher_entry = {SharedBytes(row.gopher_lines), row.dateline_end, row.title_end,
                              SharedBytes(row.dateline_with_section)};
    renders[&story] = HeldRenders(rendered);
    CHECK(entry_bytes(renders)(story, false) == row.whole);
    CHECK(entry_bytes(renders)(story, true) == row.compact);
    CHECK(renders.at(&story).get() == rendered);
  }
}
