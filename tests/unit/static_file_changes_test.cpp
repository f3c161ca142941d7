// A static file saved, replaced or removed is changed in place when
// nothing but its own answers, its folder's menu and link warnings depend
// on it; else the whole is built. Either way every answer, search and
// problem is what a fresh build of the same files makes.
#include "site/static_file_changes.hpp"
#include "fresh_build.hpp"
#include "temp_capsule.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;
using gazette::testing::article;
using gazette::testing::build_after;
using gazette::testing::build_after_changes;
using gazette::testing::check_same_as_fresh;
using gazette::testing::FileChange;
using gazette::testing::every_protocol;
using gazette::testing::TempCapsule;

namespace {

const std::vector<std::string> queries{"pier", "kites", "map"};

void write_capsule(TempCapsule& capsule) {
  capsule.write("site.toml", "title = \"T\"\nlist_page = 2\n");
  capsule.write("world/_section.toml", "title = \"World\"\n");
  capsule.write("images/pier.jpg", "jpeg");
  capsule.write("images/old.png", "png");
  capsule.write("docs/notes.txt", "Notes.\n");
  capsule.write("about.gmi", "# About\n=> /docs/report.pdf The report\n");
  capsule.write("world/pier.md", article("Pier opens", "2024-05-16", "aliases = [\"/old/pier.html\"]\n",
                                         "The pier opened. [The map](/images/map.png), "
                                         "[the old one](/images/old.png)."));
  capsule.write("world/kites.md", article("Kites", "2024-05-18", "[image]\nsrc = \"images/pier.jpg\"\n",
                                          "Kites over the pier."));
  capsule.write("world/ferry.md", article("Ferry", "2024-05-12", "[image]\nsrc = \"images/ferry.jpg\"\n",
                                          "The ferry, its photo not yet there."));
}

struct Row {
  std::string what;
  FileChange change;
  bool in_place;
};

} // namespace

TEST_CASE("a static file saved or removed is changed in place unless more depends on it; both as a fresh build") {
  const Row rows[] = {
      {"a new photo in a folder of files", {"images/new.jpg", "jpeg"}, true},
      {"a photo a story shows, replaced", {"images/pier.jpg", "another jpeg"}, true},
      {"a new file a story links to, which had a warning", {"images/map.png", "png"}, true},
      {"a new file a gemtext page links to", {"docs/report.pdf", "pdf"}, true},
      {"a file a story links to, removed", {"images/old.png", std::nullopt}, true},
      {"a text file, replaced", {"docs/notes.txt", "New notes.\n.\n"}, true},
      {"a new file at the top", {"logo.png", "png"}, true},
      {"a new file in a section's folder", {"world/map.pdf", "pdf"}, true},
      {"a file in a hidden folder", {"_drafts/plan.txt", "plan"}, true},
      {"a photo a story shows, removed", {"images/pier.jpg", std::nullopt}, false},
      {"a photo a story waited for", {"images/ferry.jpg", "jpeg"}, false},
      {"a gemtext page", {"docs/index.gmi", "# Docs\n"}, false},
      {"a feed's name", {"world/atom.xml", "<feed/>"}, false},
      {"a story's alias", {"old/pier.html", "<html/>"}, false},
      {"a file without an extension, where a story could answer", {"world/pier", "text"}, false},
      {"a file in a new folder", {"maps/harbour.png", "png"}, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    TempCapsule capsule;
    write_capsule(capsule);
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    REQUIRE(last.publication);
    BuiltSnapshot next = build_after_changes(capsule, config, last, {row.change});
    CHECK(next.edited_in_place == row.in_place);
    check_same_as_fresh(next, config, queries);

    // And a story edited in place on top, with a file beside it.
    capsule.write("docs/notes.txt", "Notes again.\n");
    capsule.write("world/kites.md", article("Kites", "2024-05-18", "[image]\nsrc = \"images/pier.jpg\"\n",
                                            "Kites over the pier, and a map."));
    BuiltSnapshot after = build_after(config, next, {"docs/notes.txt", "world/kites.md"});
    const bool shown_without_photo = row.change.path == "images/pier.jpg" && !row.change.text;
    CHECK(after.edited_in_place == !shown_without_photo);
    check_same_as_fresh(after, config, queries);
  }
}

TEST_CASE("static files are left to a whole build beside settings, or in numbers; nothing is done for leftovers") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  CapsuleReading reading, rest;
  reading.serving = last.snapshot;

  // Beside a story only an editor's leftovers: the story's builds see to them.
  capsule.write("images/.new.jpg.swp", "swap");
  reading.changed = ChangedFiles{"images/.new.jpg.swp", "images/gone.tmp", "world/kites.md"};
  CHECK_FALSE(change_static_files_in_place(last, config, nullptr, seconds_now(), reading, rest));
  // Alone, they change nothing.
  reading.changed = ChangedFiles{"images/.new.jpg.swp", "images/gone.tmp"};
  const auto nothing = change_static_files_in_place(last, config, nullptr, seconds_now(), reading, rest);
  REQUIRE(nothing);
  CHECK(rest.changed->empty());
  CHECK(nothing->changes.added + nothing->changes.updated + nothing->changes.removed == 0);
  last = std::move(*nothing);
  reading.serving = last.snapshot;

  // A file and the site's settings: the settings are left for after.
  capsule.write("images/new.jpg", "jpeg");
  reading.changed = ChangedFiles{"images/new.jpg", "site.toml", "world/_section.toml"};
  const auto changed = change_static_files_in_place(last, config, nullptr, seconds_now(), reading, rest);
  REQUIRE(changed);
  CHECK(*rest.changed == ChangedFiles{"site.toml", "world/_section.toml"});
  CHECK(rest.serving == changed->snapshot);
  CHECK_FALSE(last.publication); // taken
  BuiltSnapshot next = std::move(*changed);

  // The photo of a story published in place is its photo too.
  reading.serving = next.snapshot;
  capsule.write("world/harbour.md", article("Harbour", "2024-05-20", "[image]\nsrc = \"images/new.jpg\"\n", "Boats."));
  next = build_after(config, next, {"world/harbour.md"});
  REQUIRE(next.edited_in_place);
  std::filesystem::remove(capsule.root() / "images/new.jpg");
  next = build_after(config, next, {"images/new.jpg"});
  CHECK_FALSE(next.edited_in_place);
  check_same_as_fresh(next, config, queries);

  // A deploy's worth of files is built whole.
  ChangedFiles many;
  for (int i = 0; i < 300; ++i) {
    capsule.write("images/photo-" + std::to_string(i) + ".jpg", "jpeg");
    many.insert("images/photo-" + std::to_string(i) + ".jpg");
  }
  reading.serving = next.snapshot;
  reading.changed = many;
  CHECK_FALSE(change_static_files_in_place(next, config, nullptr, seconds_now(), reading, rest));
  BuiltSnapshot whole = build_snapshot(config, nullptr, &next, seconds_now(), reading);
  CHECK_FALSE(whole.edited_in_place);
  check_same_as_fresh(whole, config, queries);
}

TEST_CASE("a folder's Gopher menu gains a page and loses it again, in place, as a fresh build has it") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  // As many files as the first page of the menu holds, about 48 KiB of lines.
  auto name = [](int i) { return fmt::format("photos/p-{:04}.jpg", i); };
  std::size_t bytes = 0;
  int count = 0;
  for (;; ++count) {
    // A line: the name, its selector, the host and the rest (see gopher_site).
    const std::size_t line = (name(count).size() - 7) + (name(count).size() + 1) + config->gopher.host.size() + 16;
    if (bytes + line > 48 * 1024) break;
    bytes += line;
    capsule.write(name(count), "jpeg");
  }
  BuiltSnapshot last = build_snapshot(config, nullptr);
  REQUIRE(last.snapshot->gopher.find("/photos/"));
  CHECK_FALSE(last.snapshot->gopher.find("/photos/page/2/"));

  BuiltSnapshot more = build_after_changes(capsule, config, last, {FileChange{name(count), "jpeg"}});
  CHECK(more.edited_in_place);
  const Resource* second = more.snapshot->gopher.find("/photos/page/2/");
  REQUIRE(second);
  CHECK(second->bytes.joined().find(name(count).substr(7) + "\t/" + name(count)) != std::string::npos);
  CHECK(more.snapshot->gopher.find("/photos/")->bytes.joined().find("More of /photos/ (page 2 of 2)\t/photos/page/2/") !=
        std::string::npos);
  check_same_as_fresh(more, config, queries);

  BuiltSnapshot fewer = build_after_changes(capsule, config, more, {FileChange{name(0), std::nullopt}});
  CHECK(fewer.edited_in_place);
  CHECK_FALSE(fewer.snapshot->gopher.find("/photos/page/2/"));
  check_same_as_fresh(fewer, config, queries);
}

TEST_CASE("a static file's bytes are held once, shared by every protocol's answer, whole and in place") {
  TempCapsule capsule;
  write_capsule(capsule);
  const auto config = every_protocol(capsule.root());
  // Where each protocol's answer holds the bytes after its header (Gopher
  // has none): one address for all three when they are shared.
  auto bytes_at = [](const Resources& resources, const std::string& path, std::size_t header) -> const char* {
    const Resource* found = resources.find(path);
    REQUIRE(found);
    const std::string_view last = found->bytes.piece(found->bytes.piece_count() - 1);
    REQUIRE(last.size() >= header);
    return last.data() + last.size() - header;
  };
  auto check_shared = [&](const Snapshot& snapshot, const std::string& path, const std::string& text) {
    CAPTURE(path);
    CHECK(snapshot.gopher.find(path)->bytes.joined() == text);
    CHECK(snapshot.gemini.find(path)->bytes.joined().ends_with(text));
    const char* gopher = bytes_at(snapshot.gopher, path, text.size());
    CHECK(bytes_at(snapshot.gemini, path, text.size()) == gopher);
    CHECK(bytes_at(snapshot.spartan, path, text.size()) == gopher);
  };
  BuiltSnapshot whole = build_snapshot(config, nullptr);
  check_shared(*whole.snapshot, "/images/pier.jpg", "jpeg");
  BuiltSnapshot changed = build_after_changes(capsule, config, whole, {{"images/new.jpg", "a new jpeg"}});
  REQUIRE(changed.edited_in_place);
  check_shared(*changed.snapshot, "/images/new.jpg", "a new jpeg");
}

TEST_CASE("with a page store, static files are kept in it, not on the heap, whole and in place") {
  TempCapsule capsule;
  write_capsule(capsule);
  const std::string photo(100 * 1024, 'p');
  capsule.write("images/large.jpg", photo);
  auto in_store = std::make_shared<Config>(*every_protocol(capsule.root()));
  auto on_heap = std::make_shared<Config>(*in_store);
  on_heap->page_store.clear();
  REQUIRE(!in_store->page_store.empty());

  BuiltSnapshot stored = build_snapshot(in_store, nullptr);
  BuiltSnapshot held = build_snapshot(on_heap, nullptr);
  REQUIRE(stored.pages);
  CHECK(!held.pages);
  // The store holds the stories' pages and every static file's bytes, and
  // counts them all as served.
  CHECK(stored.pages->bytes_written() >= photo.size());
  CHECK(stored.page_bytes == stored.pages->bytes_written());
  for (const std::string path : {"/images/large.jpg", "/images/pier.jpg", "/docs/notes.txt"}) {
    CAPTURE(path);
    CHECK(stored.snapshot->gemini.find(path)->bytes.joined() == held.snapshot->gemini.find(path)->bytes.joined());
    CHECK(stored.snapshot->gopher.find(path)->bytes.joined() == held.snapshot->gopher.find(path)->bytes.joined());
  }

  // A photo saved while serving goes to the same store.
  const std::uint64_t before = stored.pages->bytes_written();
  BuiltSnapshot changed = build_after_changes(capsule, in_store, stored, {{"images/new.jpg", photo}});
  REQUIRE(changed.edited_in_place);
  CHECK(changed.pages->bytes_written() == before + photo.size());
  CHECK(changed.page_bytes == changed.pages->bytes_written());
  CHECK(changed.snapshot->gopher.find("/images/new.jpg")->bytes.joined() == photo);
}

TEST_CASE("a folder's Gopher menu lists its own subfolders, then its own files, at every depth") {
  TempCapsule capsule;
  capsule.write("site.toml", "title = \"T\"\n");
  capsule.write("images/top.png", "png").write("images/2024/05/a.png", "png").write("images/2024/05/b.png", "png");
  capsule.write("images/2024/06/c.png", "png").write("images/2024/note.txt", "text").write("images/2025/d.png", "png");
  capsule.write("images/page/e.png", "png").write("docs/x.pdf", "pdf");
  const BuiltSnapshot built = build_snapshot(every_protocol(capsule.root()), nullptr);
  // Each menu's items, as "<type><name> <selector>".
  auto items = [&](const std::string& folder) {
    std::vector<std::string> found;
    const Resource* menu = built.snapshot->gopher.find(folder);
    REQUIRE(menu);
    const std::string text = menu->bytes.joined();
    for (std::size_t start = 0, end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
      const std::string line = text.substr(start, end - start);
      if (line.empty() || line[0] == 'i' || line == "." || line.find("\t/\t") != std::string::npos) continue;
      found.push_back(line.substr(0, line.find('\t')) + " " +
                      line.substr(line.find('\t') + 1, line.find('\t', line.find('\t') + 1) - line.find('\t') - 1));
    }
    return found;
  };
  CHECK(items("/images/") == std::vector<std::string>{"12024/ /images/2024/", "12025/ /images/2025/",
                                                      "1page/ /images/page/", "Itop.png /images/top.png"});
  CHECK(items("/images/2024/") == std::vector<std::string>{"105/ /images/2024/05/", "106/ /images/2024/06/",
                                                           "0note.txt /images/2024/note.txt"});
  CHECK(items("/images/2024/05/") == std::vector<std::string>{"Ia.png /images/2024/05/a.png", "Ib.png /images/2024/05/b.png"});
  CHECK(items("/images/page/") == std::vector<std::string>{"Ie.png /images/page/e.png"});
  CHECK(items("/docs/") == std::vector<std::string>{"dx.pdf /docs/x.pdf"});
}

TEST_CASE("a whole build takes an unchanged static file's bytes from the last build, and reads a changed one") {
  TempCapsule capsule;
  write_capsule(capsule);
  const std::string photo(100 * 1024, 'p');
  capsule.write("images/large.jpg", photo);
  const auto config = every_protocol(capsule.root());
  REQUIRE(!config->page_store.empty());
  BuiltSnapshot last = build_snapshot(config, nullptr);
  REQUIRE(last.pages);
  const char* large_before = last.snapshot->gopher.find("/images/large.jpg")->bytes.piece(0).data();
  const std::uint64_t written_before = last.pages->bytes_written();
  const std::shared_ptr<PageStore> store = last.pages;

  // A settings change is built whole; a photo saved with it is read again.
  BuiltSnapshot next = build_after_changes(
      capsule, config, last, {{"site.toml", "title = \"T2\"\nlist_page = 2\n"}, {"images/pier.jpg", "another jpeg"}});
  CHECK_FALSE(next.edited_in_place);
  REQUIRE(next.pages == store);
  CHECK(next.snapshot->gopher.find("/images/large.jpg")->bytes.piece(0).data() == large_before);
  CHECK(next.snapshot->gopher.find("/images/pier.jpg")->bytes.joined() == "another jpeg");
  // The store grew by the pages rendered anew and the photo read again, not
  // by the large photo.
  CHECK(next.pages->bytes_written() < written_before + photo.size());
  CHECK(next.static_files.at("/images/pier.jpg").bytes.joined() == "another jpeg");
  check_same_as_fresh(next, config, queries);

  // A file rewritten with the same bytes is read again all the same: its version changed.
  capsule.write("images/large.jpg", photo);
  BuiltSnapshot again = build_after_changes(capsule, config, next, {{"site.toml", "title = \"T3\"\nlist_page = 2\n"}});
  CHECK(again.snapshot->gopher.find("/images/large.jpg")->bytes.joined() == photo);
  CHECK(again.snapshot->gopher.find("/images/large.jpg")->bytes.piece(0).data() != large_before);
}

TEST_CASE("a file the scan skipped, removed alone or beside an edit, takes its warning along; both as a fresh build") {
  for (const bool beside_an_edit : {false, true}) {
    CAPTURE(beside_an_edit);
    TempCapsule capsule;
    write_capsule(capsule);
    std::filesystem::create_symlink("/etc/hostname", capsule.root() / "images/out.png");
    const auto config = every_protocol(capsule.root());
    BuiltSnapshot last = build_snapshot(config, nullptr);
    auto warned = [](const BuiltSnapshot& built) {
      return std::any_of(built.diagnostics.begin(), built.diagnostics.end(),
                         [](const Diagnostic& diagnostic) { return diagnostic.path == "images/out.png"; });
    };
    REQUIRE(warned(last));
    std::vector<FileChange> changes{{"images/out.png", std::nullopt}};
    if (beside_an_edit)
      changes.push_back({"world/kites.md", article("Kites", "2024-05-18", "[image]\nsrc = \"images/pier.jpg\"\n",
                                                   "Kites over the pier, again.")});
    BuiltSnapshot next = build_after_changes(capsule, config, last, changes);
    CHECK_FALSE(warned(next));
    check_same_as_fresh(next, config, queries);
  }
}
