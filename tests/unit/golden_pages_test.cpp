// Golden pages: the publication in tests/data/pages rendered for both
// protocols must match tests/data/pages/expected/<page> byte for byte.
#include "site/article_renders.hpp"
#include "gemini/gemtext_pages.hpp"
#include "gopher/gopher_pages.hpp"
#include "content/gemtext_page.hpp"
#include "content/publication_loader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

const fs::path pages = fs::path(GAZETTE_TEST_DATA) / "pages";

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string expected(const std::string& name) { return read(pages / "expected" / name); }

} // namespace

TEST_CASE("golden pages for Gemini and Gopher") {
  LoadedPublication loaded = load_publication(pages / "capsule");
  REQUIRE(loaded.publication);
  CHECK(loaded.diagnostics.empty());
  const Publication& publication = *loaded.publication;
  const Article& pier = *publication.by_path.at("/world/pier");
  const GopherStyle style{{"gopher.example", 70}, 70, true};

  struct Row {
    std::string name, rendered;
  };
  const Row rows[] = {
      {"front.gmi", render_front_page_gemtext(publication).joined()},
      {"world.gmi", render_section_gemtext(publication, publication.sections.at(0)).joined()},
      {"pier.gmi", render_article_gemtext(publication, pier)},
      {"tag-aid.gmi", render_tag_gemtext(publication, "aid", publication.by_tag.at("aid")).joined()},
      {"front.gophermap", render_front_page_menu(publication, style).joined()},
      {"pier.gophermap", render_article_menu(publication, pier, style)},
      {"pier.txt", render_article_text(publication, pier, style)},
      {"about.txt", render_gemtext_page_text(&publication, "/about.gmi", parse_gemtext(read(pages / "capsule" / "about.gmi")), style)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(row.rendered == expected(row.name));
  }
}

TEST_CASE("list pages are the same with each story's entry rendered once as with entries rendered as they go") {
  LoadedPublication loaded = load_publication(pages / "capsule");
  REQUIRE(loaded.publication);
  const Publication& publication = *loaded.publication;
  Config config;
  config.gopher.host = "gopher.example";
  config.gopher.port = 70;
  RenderCache cache;
  const RendersByArticle renders = render_articles(publication, config, nullptr, cache);
  const GopherStyle style = gopher_style(config.gopher);
  const GemtextEntries gemtext = [&](const Article& article) {
    return std::shared_ptr<const GemtextStoryEntry>(renders.at(&article), &renders.at(&article)->gemini_entry);
  };
  const GopherEntries gopher = [&](const Article& article) {
    return std::shared_ptr<const GopherStoryEntry>(renders.at(&article), &renders.at(&article)->gopher_entry);
  };

  CHECK(render_front_page_gemtext(publication, gemtext).joined() == render_front_page_gemtext(publication).joined());
  CHECK(render_front_page_menu(publication, style, gopher).joined() == render_front_page_menu(publication, style).joined());
  for (const auto& section : publication.sections) {
    CAPTURE(section.name);
    CHECK(render_section_gemtext(publication, section, gemtext).joined() == render_section_gemtext(publication, section).joined());
    CHECK(render_section_menu(publication, section, style, gopher).joined() == render_section_menu(publication, section, style).joined());
  }
  for (const auto& tagged : publication.by_tag) {
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    const auto& tag = tagged.first;
    const auto& stories = tagged.second;
    CAPTURE(tag);
    CHECK(render_tag_gemtext(publication, tag, stories, gemtext).joined() == render_tag_gemtext(publication, tag, stories).joined());
    CHECK(render_tag_menu(publication, tag, stories, style, gopher).joined() == render_tag_menu(publication, tag, stories, style).joined());
  }
  // The lists hold the stories' datelines: both kinds are there.
  const std::string front = render_front_page_menu(publication, style, gopher).joined();
  const std::string world = render_section_menu(publication, publication.sections.at(0), style, gopher).joined();
  const Article& pier = *publication.by_path.at("/world/pier");
  CHECK(front.find(fmt::format("i{} - {}\t", pier.date.day(), publication.section_title("world"))) != std::string::npos);
  CHECK(world.find(fmt::format("i{}\t", pier.date.day())) != std::string::npos);
}
