#include "content/capsule_files.hpp"
#include "content/publication_loader.hpp"
#include "temp_capsule.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <unistd.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::TempCapsule;

namespace {

const Diagnostic* find(const Diagnostics& diagnostics, const std::string& path, const std::string& text) {
  for (const auto& d : diagnostics)
    if (d.path == path && d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

std::vector<std::string> titles(const std::vector<const Article*>& articles) {
  std::vector<std::string> out;
  for (const auto* a : articles) out.push_back(a->title);
  return out;
}

std::vector<std::string> related_titles(const Publication& p, const std::string& path) {
  std::vector<std::string> out;
  for (const auto& story : p.related.at(p.by_path.at(path))) out.push_back(story.article ? story.article->title : story.url);
  return out;
}

TempCapsule& basic_site(TempCapsule& capsule) {
  return capsule.write("site.toml", "title = \"The Review\"\nlang = \"en\"\nsections = [\"world\", \"nowhere\"]\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("arts/_section.toml", "title = \"Arts\"\ndescription = \"Culture.\"\n");
}

} // namespace

TEST_CASE("sections follow site.sections, then the rest by name; stories newest first") {
  TempCapsule capsule;
  basic_site(capsule)
      .write("world/old.md", article("Old", "2023-01-01"))
      .write("world/new.md", article("New", "2024-01-01"))
      .write("arts/show.md", article("Show", "2023-06-01"))
      .write("arts/secret.md", article("Secret", "2025-01-01", "draft = true\n"));
  auto loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const Publication& p = *loaded.publication;
  REQUIRE(p.sections.size() == 2);
  CHECK(p.sections[0].name == "world");
  CHECK(p.sections[1].name == "arts");
  CHECK(p.sections[1].description == "Culture.");
  CHECK(titles(p.published) == std::vector<std::string>{"New", "Show", "Old"});
  CHECK(titles(p.sections[0].articles) == std::vector<std::string>{"New", "Old"});
  CHECK(p.articles.size() == 4);
  CHECK(p.by_path.count("/arts/secret") == 0);
  CHECK(find(loaded.diagnostics, "site.toml", "\"nowhere\"") != nullptr);
}

TEST_CASE("a capsule without site.toml is a plain file capsule, reported") {
  TempCapsule capsule;
  capsule.write("index.gmi", "# Hi\n");
  auto loaded = load_publication(capsule.root());
  CHECK_FALSE(loaded.publication);
  CHECK(find(loaded.diagnostics, "site.toml", "missing") != nullptr);
}

TEST_CASE("capsule-wide errors name file and line, and lose no story") {
  TempCapsule capsule;
  basic_site(capsule)
      .write("world/a.md", article("A", "2024-01-01",
                                   "related = [\"world/none\", \"world/b\"]\naliases = [\"/world/b\", \"/old-a\", \"relative\"]\n"
                                   "[image]\nsrc = \"images/missing.jpg\"\n"))
      .write("world/b.md", article("B", "2024-01-02", "aliases = [\"/old-a\"]\n"))
      .write("world/Bad_Name.md", article("Bad", "2024-01-03"))
      .write("Bad_Section/_section.toml", "title = \"Bad\"\n")
      .write("world/broken.md", "+++\ntitle = \"Broken\"\n")
      .write("arts/untitled.md", "+++\ndate = 2024-01-01\n+++\n");
  auto loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const auto& d = loaded.diagnostics;

  const Diagnostic* related = find(d, "world/a.md", "related \"world/none\" names no article");
  REQUIRE(related);
  CHECK(related->line == 4);
  const Diagnostic* collision = find(d, "world/a.md", "alias \"/world/b\" collides");
  REQUIRE(collision);
  CHECK(collision->line == 5);
  CHECK(find(d, "world/b.md", "alias \"/old-a\" collides") != nullptr);
  CHECK(find(d, "world/a.md", "alias \"relative\" must be a path") != nullptr);
  const Diagnostic* image = find(d, "world/a.md", "image.src \"images/missing.jpg\" is not a file");
  REQUIRE(image);
  CHECK(image->line == 7);
  CHECK(find(d, "world/Bad_Name.md", "lowercase ASCII") != nullptr);
  CHECK(find(d, "Bad_Section/", "lowercase ASCII") != nullptr);
  CHECK(find(d, "world/broken.md", "unterminated front matter") != nullptr);
  CHECK(find(d, "arts/untitled.md", "missing title") != nullptr);
  // Every article file is counted, those that failed too; not the section
  // that is skipped.
  CHECK(loaded.article_files == 5);

  // Both stories stay published; only the bad parts are dropped.
  const Publication& p = *loaded.publication;
  REQUIRE(p.by_path.count("/world/a"));
  REQUIRE(p.by_path.count("/world/b"));
  CHECK_FALSE(p.by_path.at("/world/a")->image);
  CHECK(loaded.redirects == std::vector<std::pair<std::string, std::string>>{{"/old-a", "/world/a"}});
  CHECK(related_titles(p, "/world/a").front() == "B");
}

TEST_CASE("an existing image in the capsule is kept with a root path; URLs are kept as they are") {
  TempCapsule capsule;
  basic_site(capsule)
      .write("images/pier.png", "png")
      .write("world/a.md", article("A", "2024-01-01", "[image]\nsrc = \"images/pier.png\"\n"))
      .write("world/b.md", article("B", "2024-01-01", "[image]\nsrc = \"https://example.org/p.jpg\"\n"))
      .write("world/c.md", article("C", "2024-01-01", "[image]\nsrc = \"../outside.png\"\n"));
  auto loaded = load_publication(capsule.root());
  const Publication& p = *loaded.publication;
  CHECK(p.by_path.at("/world/a")->image->src == "/images/pier.png");
  CHECK(p.by_path.at("/world/b")->image->src == "https://example.org/p.jpg");
  CHECK_FALSE(p.by_path.at("/world/c")->image);
}

TEST_CASE("related stories: explicit first, then most shared tags, then same section, newest first") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"R\"\nrelated = 3\n")
      .write("world/_section.toml", "title = \"World\"\n")
      .write("arts/_section.toml", "title = \"Arts\"\n")
      .write("world/main.md", article("Main", "2024-01-10", "tags = [\"a\", \"b\"]\nrelated = [\"arts/chosen\", \"https://example.org/x\"]\n"))
      .write("arts/chosen.md", article("Chosen", "2020-01-01"))
      .write("arts/two-tags.md", article("Two tags", "2021-01-01", "tags = [\"a\", \"b\"]\n"))
      .write("arts/one-tag.md", article("One tag", "2023-01-01", "tags = [\"b\"]\n"))
      .write("world/same-section.md", article("Same section", "2024-01-01"))
      .write("arts/unrelated.md", article("Unrelated", "2024-01-09"))
      .write("arts/draft.md", article("Draft", "2024-01-09", "tags = [\"a\", \"b\"]\ndraft = true\n"));
  auto loaded = load_publication(capsule.root());
  const Publication& p = *loaded.publication;
  CHECK(related_titles(p, "/world/main") == std::vector<std::string>{"Chosen", "https://example.org/x", "Two tags"});

  capsule.write("site.toml", "title = \"R\"\nrelated = 6\n");
  auto more = load_publication(capsule.root());
  CHECK(related_titles(*more.publication, "/world/main") ==
        std::vector<std::string>{"Chosen", "https://example.org/x", "Two tags", "One tag", "Same section"});
  // Never the article itself, never a draft, never twice.
  capsule.write("world/main.md", article("Main", "2024-01-10", "tags = [\"a\"]\nrelated = [\"world/main\", \"arts/two-tags\", \"arts/two-tags\", \"arts/draft\"]\n"));
  auto again = load_publication(capsule.root());
  CHECK(related_titles(*again.publication, "/world/main") == std::vector<std::string>{"Two tags", "Same section"});
}

TEST_CASE("a site.toml or _section.toml that is there but cannot be read says why, not that it is missing") {
  TempCapsule capsule;
  // A folder where the file should be fails to read as root too.
  capsule.write("site.toml/x", "").write("index.gmi", "# Hi\n");
  auto loaded = load_publication(capsule.root());
  CHECK_FALSE(loaded.publication);
  CHECK(find(loaded.diagnostics, "site.toml", "cannot be read (Is a directory)") != nullptr);
  CHECK(find(loaded.diagnostics, "site.toml", "missing") == nullptr);

  TempCapsule sections;
  basic_site(sections).write("arts/a.md", article("A", "2024-01-01"));
  std::filesystem::remove(sections.root() / "world/_section.toml");
  sections.write("world/_section.toml/x", "").write("world/b.md", article("B", "2024-01-02"));
  loaded = load_publication(sections.root());
  REQUIRE(loaded.publication);
  const Diagnostic* why = find(loaded.diagnostics, "world/_section.toml", "cannot be read (Is a directory)");
  REQUIRE(why != nullptr);
  CHECK(why->severity == Diagnostic::Severity::error);
  CHECK(find(loaded.diagnostics, "world/_section.toml", "missing title") == nullptr);
  CHECK(loaded.publication->sections.size() == 1);
  CHECK(loaded.publication->sections[0].name == "arts");
}

TEST_CASE("site.toml and _section.toml errors") {
  TempCapsule capsule;
  capsule.write("site.toml", "tagline = 3\nfront_page = -1\n[[social]]\nname = \"M\"\n")
      .write("world/_section.toml", "description = \"d\"\n")
      .write("world/a.md", article("A", "2024-01-01"));
  auto loaded = load_publication(capsule.root());
  const auto& d = loaded.diagnostics;
  CHECK(find(d, "site.toml", "missing title") != nullptr);
  CHECK(find(d, "site.toml", "tagline must be a string")->line == 1);
  CHECK(find(d, "site.toml", "front_page must be a whole number")->line == 2);
  CHECK(find(d, "site.toml", "needs a name and a url") != nullptr);
  CHECK(find(d, "world/_section.toml", "missing title") != nullptr);
  // A section without a valid _section.toml is not published.
  REQUIRE(loaded.publication);
  CHECK(loaded.publication->sections.empty());
}

TEST_CASE("a folder's entries come in the order of their paths") {
  TempCapsule capsule;
  const std::vector<std::string> names = {"b", "a-b", "a", "ab", "a.md", "a_b", "A", "a0", "b-"};
  for (const auto& name : names) capsule.write("folder/" + name, "x");
  std::error_code ec;
  const auto entries = sorted_folder_entries(capsule.root() / "folder", ec);
  CHECK_FALSE(ec);
  std::vector<std::filesystem::path> listed, by_path;
  for (const auto& entry : entries) listed.push_back(entry.path());
  by_path = listed;
  std::sort(by_path.begin(), by_path.end());
  CHECK(listed == by_path);
  CHECK(listed.size() == names.size());
  CHECK(listed.front().filename() == "A");

  sorted_folder_entries(capsule.root() / "missing", ec);
  CHECK(ec);
}

TEST_CASE("article files are read whole, whatever their size; an empty or unreadable one is reported") {
  TempCapsule capsule;
  std::string long_body;
  for (int i = 0; i < 2000; ++i) long_body += "Paragraph " + std::to_string(i) + " of a long story.\n\n";
  basic_site(capsule)
      .write("world/long.md", article("Long", "2024-01-01", "", long_body + "The last words."))
      .write("world/empty.md", "")
      .write("world/locked.md", article("Locked", "2024-01-02"));
  std::filesystem::permissions(capsule.root() / "world/locked.md", std::filesystem::perms::none);
  auto loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const Article& story = *loaded.publication->by_path.at("/world/long");
  REQUIRE(!story.body.blocks.empty());
  CHECK(story.body.blocks.size() == 2001);
  CHECK(story.body.blocks.back().text == "The last words.");
  CHECK(find(loaded.diagnostics, "world/empty.md", "must start with a line that is exactly +++") != nullptr);
  // Permissions do not stop root, who reads the file as any other.
  if (geteuid() == 0) CHECK(loaded.publication->by_path.count("/world/locked") == 1);
  else CHECK(find(loaded.diagnostics, "world/locked.md", "cannot read this file") != nullptr);
}

TEST_CASE("stories of the same moment are ordered by path") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n");
  const std::vector<std::string> sections = {"a", "a-b", "ab", "a0", "b"};
  for (const auto& section : sections) {
    capsule.write(section + "/_section.toml", "title = \"" + section + "\"\n");
    for (const std::string slug : {"x", "x-y", "xy", "a"})
      capsule.write(section + "/" + slug + ".md", article(section + " " + slug, "2024-01-01T09:00:00Z"));
  }
  capsule.write("b/newer.md", article("newer", "2024-01-02"));
  auto loaded = load_publication(capsule.root());
  REQUIRE(loaded.publication);
  const auto& published = loaded.publication->published;
  REQUIRE(published.size() == 21);
  CHECK(published.front()->title == "newer");
  std::vector<std::string> paths, sorted;
  for (std::size_t i = 1; i < published.size(); ++i) paths.push_back(published[i]->path());
  sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  CHECK(paths == sorted);
  CHECK(paths.front() == "/a-b/a");
}

namespace {

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

bool has_message(const Diagnostics& diagnostics, const std::string& line) {
  const auto all = messages(diagnostics);
  return std::find(all.begin(), all.end(), line) != all.end();
}

} // namespace

TEST_CASE("a broken _section.toml keeps the section's last good settings, and its stories online") {
  struct Row {
    std::string text;
    int line;
    std::string error;
  };
  const Row rows[] = {
      {"title = World\n", 1, "text must be in quotes"},
      {"title = \"World\n", 1, "missing its closing \""},
      {"description = \"No title\"\n", 1, "missing title"},
      {"title = 3\n", 1, "title must be a string"},
      {"\ntitle = \"caf\xC3\"\n", 2, "invalid UTF-8"},
      {"", 1, "missing title"}, // a save caught half way
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    TempCapsule capsule;
    basic_site(capsule).write("world/_section.toml", "title = \"World\"\ndescription = \"Abroad.\"\n")
        .write("world/a.md", article("A", "2024-01-01"));
    const auto first = load_publication(capsule.root());
    capsule.write("world/_section.toml", row.text);
    const auto broken = load_publication(capsule.root(), &first.cache);
    REQUIRE(broken.publication);
    const Section* world = broken.publication->find_section("world");
    REQUIRE(world);
    CHECK(world->title == "World");
    CHECK(world->description == "Abroad.");
    CHECK(titles(world->articles) == std::vector<std::string>{"A"});
    CHECK(broken.publication->by_path.count("/world/a") == 1);
    CHECK(broken.publication->sections.front().name == "world"); // still first, as site.toml orders it
    const Diagnostic* error = find(broken.diagnostics, "world/_section.toml", row.error);
    REQUIRE(error);
    CHECK(error->severity == Diagnostic::Severity::error);
    CHECK(error->line == row.line);
    CHECK(has_message(broken.diagnostics, "world/_section.toml: warning: keeping the last good settings of this section "
                                          "in force until the errors are fixed"));
    CHECK_FALSE(find(broken.diagnostics, "site.toml", "\"world\""));

    // Broken again: the same last good settings, handed on.
    const auto still = load_publication(capsule.root(), &broken.cache);
    REQUIRE(still.publication->find_section("world"));
    CHECK(still.publication->find_section("world")->title == "World");

    // With no load before it (gazette check, a start), the section is left
    // out and says so; site.toml's `sections` naming it is no extra warning.
    const auto fresh = load_publication(capsule.root());
    CHECK_FALSE(fresh.publication->find_section("world"));
    CHECK(find(fresh.diagnostics, "world/_section.toml", row.error));
    CHECK(has_message(fresh.diagnostics, "world/_section.toml: warning: this section and its stories are not published "
                                         "until the errors are fixed"));
    CHECK_FALSE(find(fresh.diagnostics, "site.toml", "\"world\""));
    CHECK(find(fresh.diagnostics, "site.toml", "\"nowhere\"")); // a name that is no folder still is

    // The fix is published.
    capsule.write("world/_section.toml", "title = \"Abroad\"\n");
    const auto fixed = load_publication(capsule.root(), &still.cache);
    REQUIRE(fixed.publication->find_section("world"));
    CHECK(fixed.publication->find_section("world")->title == "Abroad");
    CHECK(fixed.publication->find_section("world")->description.empty());
    CHECK_FALSE(has_errors(fixed.diagnostics));
  }
}

TEST_CASE("a broken site.toml keeps the last good site settings") {
  struct Row {
    std::string text;
    int line;
    std::string error;
  };
  const Row rows[] = {
      {"title = \"The Review\n", 1, "missing its closing \""},
      {"title = The Review\n", 1, "text must be in quotes"},
      {"tagline = \"No title\"\n", 1, "missing title"},
      {"title = \"R\"\nlang = \"e n\"\n", 2, "lang must be a BCP 47 tag"},
      {"title = \"R\"\nfront_page = -1\n", 2, "front_page must be a whole number"},
      {"title = \"R\"\nsections = \"world\"\n", 2, "sections must be an array"},
      {"title = \"R\"\n[[social]]\nname = \"M\"\n", 2, "needs a name and a url"},
      {"\xEF\xBB\xBFtitle = \"caf\xC3\"\n", 1, "invalid UTF-8"},
      {"", 1, "missing title"},
  };
  const std::string good = "title = \"The Review\"\ntagline = \"Plainly\"\nlang = \"en\"\nfront_page = 5\nrelated = 1\n"
                           "sections = [\"world\", \"arts\"]\n[[social]]\nname = \"Mastodon\"\nurl = \"https://m.example/@r\"\n"
                           "[tags]\nnato = \"NATO\"\n";
  for (const auto& row : rows) {
    CAPTURE(row.text);
    TempCapsule capsule;
    basic_site(capsule).write("site.toml", good).write("world/a.md", article("A", "2024-01-01", "tags = [\"nato\"]\n"));
    const auto first = load_publication(capsule.root());
    REQUIRE_FALSE(has_errors(first.diagnostics));
    capsule.write("site.toml", row.text);
    const auto broken = load_publication(capsule.root(), &first.cache);
    REQUIRE(broken.publication);
    for (const auto* loaded : {&broken, &first}) {
      const Site& site = loaded->publication->site;
      CHECK(site.title == "The Review");
      CHECK(site.tagline == "Plainly");
      CHECK(site.lang == "en");
      CHECK(site.front_page == 5);
      CHECK(site.related == 1);
      CHECK(site.section_order == std::vector<std::string>{"world", "arts"});
      REQUIRE(site.social.size() == 1);
      CHECK(site.social[0].url == "https://m.example/@r");
      CHECK(loaded->publication->tag_title("nato") == "NATO");
      CHECK(loaded->publication->sections.front().name == "world");
    }
    const Diagnostic* error = find(broken.diagnostics, "site.toml", row.error);
    REQUIRE(error);
    CHECK(error->line == row.line);
    CHECK(has_message(broken.diagnostics,
                      "site.toml: warning: keeping the last good settings of site.toml in force until the errors are fixed"));
    const auto still = load_publication(capsule.root(), &broken.cache);
    CHECK(still.publication->site.title == "The Review");

    // Without a load before it, the errors are reported, and what is valid is used.
    const auto fresh = load_publication(capsule.root());
    REQUIRE(fresh.publication);
    CHECK(find(fresh.diagnostics, "site.toml", row.error));
    CHECK_FALSE(find(fresh.diagnostics, "site.toml", "keeping the last good"));
    CHECK(fresh.publication->site.title != "The Review");

    capsule.write("site.toml", "title = \"Fixed\"\n");
    const auto fixed = load_publication(capsule.root(), &still.cache);
    CHECK(fixed.publication->site.title == "Fixed");
    CHECK(fixed.publication->site.tagline.empty());
    CHECK(fixed.publication->sections.front().name == "arts"); // by name, as the fixed file orders none
  }
}

TEST_CASE("a story dated later than the load's now is scheduled: checked, not published, until its date") {
  using namespace std::chrono;
  TempCapsule capsule;
  basic_site(capsule)
      .write("world/past.md", article("Past", "2024-05-01", "tags = [\"aid\"]\n"))
      .write("world/noon.md", article("Noon", "2024-06-01T12:00:00Z", "tags = [\"aid\"]\naliases = [\"/old-noon\"]\n"))
      .write("arts/far.md", article("Far", "2099-01-01"))
      .write("arts/draft.md", article("Draft", "2024-07-01", "draft = true\n"))
      .write("world/pointer.md", article("Pointer", "2024-05-02", "tags = [\"aid\"]\nrelated = [\"world/noon\"]\n"));
  const sys_seconds noon = sys_days{2024y / June / 1} + 12h;
  const sys_seconds far = sys_days{2099y / January / 1};
  struct Row {
    sys_seconds now;
    std::vector<std::string> published; // newest first
    std::optional<sys_seconds> next;
    std::vector<std::string> notes;
  };
  const std::string noon_note = "world/noon.md: note: scheduled; appears 2024-06-01T12:00:00Z";
  const std::string far_note = "arts/far.md: note: scheduled; appears 2099-01-01T00:00:00Z";
  const Row rows[] = {
      {noon - 1s, {"Pointer", "Past"}, noon, {far_note, noon_note}}, // in the order of the files
      {noon, {"Noon", "Pointer", "Past"}, far, {far_note}},
      {noon + 24h, {"Noon", "Pointer", "Past"}, far, {far_note}},
      {far, {"Far", "Noon", "Pointer", "Past"}, std::nullopt, {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.now.time_since_epoch().count());
    const auto loaded = load_publication(capsule.root(), nullptr, row.now);
    REQUIRE(loaded.publication);
    const Publication& p = *loaded.publication;
    CHECK(titles(p.published) == row.published);
    CHECK(loaded.next_scheduled == row.next);
    std::vector<std::string> notes;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Diagnostic::Severity::note) notes.push_back(d.to_string());
    std::string all;
    for (const auto& message : messages(loaded.diagnostics)) all += message + "\n";
    CAPTURE(all);
    CHECK(notes == row.notes);
    CHECK_FALSE(has_errors(loaded.diagnostics)); // naming a scheduled story in `related` is right
    CHECK(p.articles.size() == 5);               // every story is loaded, and checked

    const bool noon_out = row.now >= noon;
    CHECK(p.by_path.count("/world/noon") == (noon_out ? 1u : 0u));
    CHECK(p.by_tag.at("aid").size() == (noon_out ? 3u : 2u));
    CHECK(titles(p.find_section("world")->articles).front() == (noon_out ? "Noon" : "Pointer"));
    CHECK(loaded.redirects.size() == (noon_out ? 1u : 0u));
    CHECK(related_titles(p, "/world/pointer").front() == (noon_out ? "Noon" : "Past"));
    CHECK(p.by_path.count("/arts/draft") == 0);
  }
}

TEST_CASE("a file still being written keeps its last good version; a new one waits until it is closed") {
  struct Row {
    const char* file;       // written half way and still open
    const char* half;       // what it holds so far
    const char* expect;     // "old": the last good version stays; "none": nothing yet
  };
  const Row rows[] = {
      {"world/a.md", "+++\ntitle = \"A, cut\"\ndate = 2024-01-01\n+++\nThe minister did not", "old"},
      {"world/a.md", "", "old"},
      {"world/b.md", "+++\ntitle = \"B, cut\"\ndate = 2024-02-01\n+++\nHalf", "none"},
      {"site.toml", "title = \"The Rev", "old"},
      {"site.toml", "title = \"The Review, cut\"\n", "old"},
      {"world/_section.toml", "title = \"Wor", "old"},
      {"world/_section.toml", "title = \"World, cut\"\n", "old"},
  };
  for (const auto& row : rows) {
    const std::string file = row.file, half = row.half;
    CAPTURE(file);
    CAPTURE(half);
    TempCapsule capsule;
    basic_site(capsule).write("world/a.md", article("A", "2024-01-01", "", "Whole."));
    const auto first = load_publication(capsule.root());
    REQUIRE(first.publication);
    capsule.write(row.file, row.half);
    const FilesBeingWritten open{row.file};
    const auto during = load_publication(capsule.root(), &first.cache, seconds_now(), open);
    REQUIRE(during.publication);
    const Publication& p = *during.publication;
    CHECK(p.site.title == "The Review");
    REQUIRE(p.find_section("world"));
    CHECK(p.find_section("world")->title == "World");
    REQUIRE(p.by_path.count("/world/a") == 1);
    CHECK(p.by_path.at("/world/a")->title == "A");
    CHECK(p.by_path.count("/world/b") == 0);
    CHECK(std::none_of(during.diagnostics.begin(), during.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; }));
    const Diagnostic* note = find(during.diagnostics, row.file, "still being written");
    REQUIRE(note);
    CHECK(note->severity == Diagnostic::Severity::note);
    CHECK((note->message.find("last good") != std::string::npos) == (std::string(row.expect) == "old"));

    // Closed: read as it is, and a cut file is an error like any broken save.
    const auto closed = load_publication(capsule.root(), &during.cache);
    CHECK_FALSE(find(closed.diagnostics, row.file, "still being written"));
    const bool changed_title = closed.publication->site.title != "The Review" ||
                               closed.publication->find_section("world")->title != "World" ||
                               closed.publication->by_path.count("/world/b") == 1 ||
                               closed.publication->by_path.at("/world/a")->title != "A";
    const bool has_error = std::any_of(closed.diagnostics.begin(), closed.diagnostics.end(),
                                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
    CHECK(changed_title != has_error);
  }
}

TEST_CASE("with the files inotify named, only they are read again; a broken one is read at every load") {
  TempCapsule capsule;
  basic_site(capsule)
      .write("world/a.md", article("A", "2024-01-01"))
      .write("world/b.md", article("B", "2024-01-02"))
      .write("world/c.md", article("C", "2024-01-03"));
  const auto first = load_publication(capsule.root());
  REQUIRE(first.publication->published.size() == 3);
  // Every file changes on disk; the loads below are told of some of them.
  capsule.write("world/a.md", article("A2", "2024-01-01"))
      .write("world/b.md", article("B2", "2024-01-02"))
      .write("world/c.md", "+++\ntitle = \n+++\nBroken.\n")
      .write("world/d.md", article("D", "2024-01-04"));
  struct Row {
    ChangedFiles changed;
    std::vector<std::string> titles; // newest first
  };
  const Row rows[] = {
      // d.md is new: a file the last load did not have is always read.
      {{}, {"D", "C", "B", "A"}},
      {{"world/a.md"}, {"D", "C", "B", "A2"}},
      {{"world/a.md", "world/b.md"}, {"D", "C", "B2", "A2"}},
      // c.md broken: its last good version stays, with its error.
      {{"world/c.md"}, {"D", "C", "B", "A"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.titles);
    const auto loaded = load_publication(capsule.root(), &first.cache, seconds_now(), {}, &row.changed);
    CHECK(titles(loaded.publication->published) == row.titles);
    const bool broken_read = row.changed.count("world/c.md");
    CHECK((find(loaded.diagnostics, "world/c.md", "keeping the last good version") != nullptr) == broken_read);
    if (!broken_read) continue;
    // Named once, the broken file is read again at the next load too,
    // named or not, and its error is reported again.
    const ChangedFiles none;
    const auto next = load_publication(capsule.root(), &loaded.cache, seconds_now(), {}, &none);
    CHECK(find(next.diagnostics, "world/c.md", "keeping the last good version") != nullptr);
    // A file removed is gone, named or not: every folder is listed.
    std::filesystem::remove(capsule.root() / "world/d.md");
    const auto without = load_publication(capsule.root(), &next.cache, seconds_now(), {}, &none);
    CHECK(titles(without.publication->published) == std::vector<std::string>{"C", "B", "A"});
  }
  // Without a list, every file's version is compared: all changes are seen.
  const auto all = load_publication(capsule.root(), &first.cache);
  CHECK(titles(all.publication->published) == std::vector<std::string>{"C", "B2", "A2"});
}

TEST_CASE("a slug is a story's own when no other story and no section has it") {
  TempCapsule site;
  site.write("site.toml", "title = \"T\"\n");
  for (const char* section : {"world", "asia", "kites"}) site.write(std::string(section) + "/_section.toml", "title = \"S\"\n");
  site.write("world/pier.md", article("Pier", "2024-05-16")).write("asia/pier.md", article("Pier too", "2024-05-15"));
  site.write("world/talks.md", article("Talks", "2024-05-14")).write("asia/kites.md", article("Kites", "2024-05-13"));
  site.write("world/draft.md", article("Draft", "2024-05-12", "draft = true\n"));
  const auto loaded = load_publication(site.root());
  REQUIRE(loaded.publication);
  const Publication& p = *loaded.publication;
  const struct {
    const char* slug;
    const char* story; // its path, or null for a story not published
    bool own;
  } rows[] = {
      {"pier", "/world/pier", false}, // another section has one
      {"pier", "/asia/pier", false},
      {"talks", "/world/talks", true},
      {"kites", "/asia/kites", false}, // a section's name
      {"gala", nullptr, true},         // a new story's, which no story has
      {"talks", nullptr, false},       // a new story's, which one has
      {"draft", nullptr, true},        // a draft's is no published story's
  };
  for (const auto& row : rows) {
    CAPTURE(row.slug);
    const Article* story = row.story ? p.by_path.at(row.story) : nullptr;
    CHECK(slug_is_its_own(p, row.slug, story) == row.own);
  }
}
