// Golden pages: the publication in tests/data/pages rendered for both
// protocols must match tests/data/pages/expected/<page> byte for byte.
#include "article_renders.hpp"
#include "gemtext_pages.hpp"
#include "gopher_pages.hpp"
#include "gopher_site.hpp"
#include "publication_loader.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

const fs::path pages = fs::path(GAZETTE_TEST_DATA) / "pages";

std::string expected(const std::string& name) {
  std::ifstream in(pages / "expected" / name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

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
      {"front.gmi", render_front_page_gemtext(publication)},
      {"world.gmi", render_section_gemtext(publication, publication.sections.at(0))},
      {"pier.gmi", render_article_gemtext(publication, pier)},
      {"tag-aid.gmi", render_tag_gemtext(publication, "aid", publication.by_tag.at("aid"))},
      {"front.gophermap", render_front_page_menu(publication, style)},
      {"pier.gophermap", render_article_menu(publication, pier, style)},
      {"pier.txt", render_article_text(publication, pier, style)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(row.rendered == expected(row.name));
  }
}
