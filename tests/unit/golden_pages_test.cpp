// Golden pages: the publication in tests/data/pages rendered for both
// protocols must match tests/data/pages/expected/<page> byte for byte.
#include "site/article_renders.hpp"
#include "gemini/gemtext_pages.hpp"
#include "gopher/gopher_pages.hpp"
#include "content/gemtext_page.hpp"
#include "content/publication_loader.hpp"

#include <algorithm>
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

// The listing pages, every entry counted at the same size: the sample is far
// from any page's byte budget.
std::vector<ListingPlan> plans_of(const Publication& publication) {
  return listing_plans(publication, [](const Article&, bool) { return std::size_t{100}; });
}

const ListingPlan& plan_at(const std::vector<ListingPlan>& plans, const std::string& path) {
  const auto found = std::find_if(plans.begin(), plans.end(), [&](const ListingPlan& plan) { return plan.path == path; });
  REQUIRE(found != plans.end());
  return *found;
}

} // namespace

TEST_CASE("golden pages for Gemini and Gopher") {
  LoadedPublication loaded = load_publication(pages / "capsule");
  REQUIRE(loaded.publication);
  CHECK(loaded.diagnostics.empty());
  const Publication& publication = *loaded.publication;
  const Article& pier = *publication.by_path.at("/world/pier");
  const GopherStyle style{{"gopher.example", 70}, 70, true};
  const auto plans = plans_of(publication);

  struct Row {
    std::string name, rendered;
  };
  const Row rows[] = {
      {"front.gmi", render_front_page_gemtext(publication).joined()},
      {"world.gmi", render_listing_gemtext(publication, plan_at(plans, "/world/")).joined()},
      {"pier.gmi", render_article_gemtext(publication, pier)},
      {"tag-aid.gmi", render_listing_gemtext(publication, plan_at(plans, "/tags/aid/")).joined()},
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
  const RendersByArticle renders = render_articles(publication, config, nullptr);
  const GopherStyle style = gopher_style(config.gopher);
  const GemtextEntries gemtext = [&](const Article& article) {
    return std::shared_ptr<const GemtextStoryEntry>(renders.at(&article).get(), &renders.at(&article)->gemini_entry);
  };
  const GopherEntries gopher = [&](const Article& article) {
    return std::shared_ptr<const GopherStoryEntry>(renders.at(&article).get(), &renders.at(&article)->gopher_entry);
  };

  CHECK(render_front_page_gemtext(publication, gemtext).joined() == render_front_page_gemtext(publication).joined());
  CHECK(render_front_page_menu(publication, style, gopher).joined() == render_front_page_menu(publication, style).joined());
  for (const auto& plan : plans_of(publication)) {
    CAPTURE(plan.path);
    CHECK(render_listing_gemtext(publication, plan, gemtext).joined() == render_listing_gemtext(publication, plan).joined());
    CHECK(render_listing_menu(publication, plan, style, gopher).joined() == render_listing_menu(publication, plan, style).joined());
  }
  // The lists hold the stories' datelines: both kinds are there.
  const std::string front = render_front_page_menu(publication, style, gopher).joined();
  const std::string world = render_listing_menu(publication, plan_at(plans_of(publication), "/world/"), style, gopher).joined();
  const Article& pier = *publication.by_path.at("/world/pier");
  CHECK(front.find(fmt::format("i{} - {}\t", pier.date.day(), publication.section_title("world"))) != std::string::npos);
  CHECK(world.find(fmt::format("i{}\t", pier.date.day())) != std::string::npos);
}
