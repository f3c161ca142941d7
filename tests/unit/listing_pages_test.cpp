#include "site/listing_pages.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

// Two stories with renders, and a section page listing both.
struct Listing {
  Publication publication;
  Config config;
  Article first, second;
  RendersByArticle renders;
  std::vector<const Article*> stories;
  std::vector<ListingPlan> plans;

  Listing() {
    publication.site.title = "The Desk";
    publication.site.lang = "en";
    first.place("world", "a");
    second.place("world", "b");
    first.source = "world/a.md";
    second.source = "world/b.md";
    for (Article* article : {&first, &second}) {
      auto rendered = std::make_shared<ArticleRenders>();
      rendered->key = std::hash<std::string>{}(article->source);
      renders[article] = HeldRenders(rendered);
      stories.push_back(article);
    }
    ListingPlan plan;
    plan.path = "/world/";
    plan.heading = "World";
    plan.after = {{"/world/page/2/", "Older stories", false}};
    plan.stories = stories;
    plans.push_back(plan);
  }

  ListingPagesByPath build(const ListingPagesByPath* previous) {
    return by_path(listing_pages(plans, publication, config, renders, previous));
  }
};

// Whether `after` holds the very bytes `before` held (taken, not rendered again).
bool same_bytes(const SharedBytes& after, const SharedBytes& before) {
  return after.piece_count() > 0 && after.piece_count() == before.piece_count() &&
         after.piece(0).data() == before.piece(0).data();
}

} // namespace

TEST_CASE("a list page is taken from the build before unless what it shows changed") {
  struct Row {
    const char* change;
    void (*apply)(Listing&);
    bool kept;
  };
  const Row rows[] = {
      {"nothing", [](Listing&) {}, true},
      {"a story's renders", [](Listing& l) {
         auto changed = std::make_shared<ArticleRenders>(*l.renders.at(&l.second));
         changed->key += 1;
         l.renders[&l.second] = HeldRenders(changed);
       }, false},
      {"the stories' order", [](Listing& l) { std::swap(l.stories[0], l.stories[1]); }, false},
      {"one story fewer", [](Listing& l) { l.stories.pop_back(); }, false},
      {"the heading", [](Listing& l) { l.plans[0].heading = "World news"; }, false},
      {"a link after the list", [](Listing& l) { l.plans[0].after[0].path = "/world/page/3/"; }, false},
      {"compact", [](Listing& l) { l.plans[0].compact = true; }, false},
      {"the site's name", [](Listing& l) { l.publication.site.title = "The Other Desk"; }, false},
      {"the language", [](Listing& l) { l.publication.site.lang = "fr"; }, false},
      {"Gopher's host", [](Listing& l) { l.config.gopher.host = "gopher.example"; }, false},
      {"Gopher's ASCII", [](Listing& l) { l.config.gopher.ascii = false; }, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.change);
    Listing listing;
    const ListingPagesByPath before = listing.build(nullptr);
    row.apply(listing);
    listing.plans[0].stories = listing.stories;
    const ListingPagesByPath after = listing.build(&before);
    REQUIRE(after.count("/world/"));
    const ListingPage& page = after.at("/world/");
    const ListingPage& was = before.at("/world/");
    CHECK(same_bytes(page.gemini, was.gemini) == row.kept);
    CHECK(same_bytes(page.gopher, was.gopher) == row.kept);
    CHECK((page.key == was.key) == row.kept);
  }
}

TEST_CASE("a list page at a new path is rendered; without a build before, every page is") {
  Listing listing;
  const ListingPagesByPath first = listing.build(nullptr);
  CHECK(first.at("/world/").gemini.joined().starts_with("20 text/gemini; lang=en\r\n# World\n"));
  CHECK(first.at("/world/").gopher.joined().starts_with("iWorld\t"));
  listing.plans[0].path = "/world/page/2/";
  const ListingPagesByPath moved = listing.build(&first);
  CHECK(moved.size() == 1);
  const ListingPage& page = moved.at("/world/page/2/");
  CHECK_FALSE(same_bytes(page.gemini, first.at("/world/").gemini));
  CHECK(page.gemini.joined() == first.at("/world/").gemini.joined());
  CHECK(page.gopher.joined() == first.at("/world/").gopher.joined());
}
