#include "newsroom/newsroom_pages.hpp"

#include "newsroom_snapshot.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;
using namespace gazette::testing;

namespace {

bool has_line(const std::string& page, const std::string& line) { return page.find("\n" + line + "\n") != std::string::npos; }

} // namespace

TEST_CASE("the newsroom page: drafts, scheduled, changes and latest, with the links each person may follow") {
  const auto snapshot = newsroom_snapshot();
  const Config& config = *snapshot->config;
  const std::vector<AuditRecord> recent{
      {"2024-05-19T23:00:00Z", "30", "R. Porter", reporter_fingerprint, "upload", "/world/storm", "version x"},
      {"2024-05-19T22:00:00Z", "30", "E. Ditor", editor_fingerprint, "unpublish", "/world/gone", "version y"},
  };

  const std::string editor_page = render_newsroom_page(snapshot->stories.get(), nullptr, config.editors[0], recent, "localhost:1965");
  CHECK(editor_page.starts_with("20 text/gemini\r\n# Newsroom\n"));
  CHECK(has_line(editor_page, "E. Ditor, editor: you may change every story."));
  CHECK(has_line(editor_page, "=> titan://localhost:1965/world/storm;edit Edit: Storm ahead (2024-05-19, R. Porter)"));
  CHECK(has_line(editor_page, "=> /newsroom/history/world/storm History: Storm ahead"));
  CHECK(has_line(editor_page, "=> titan://localhost:1965/world/summit;edit Edit: Summit (appears 2024-05-21T00:00:00Z, R. Porter)"));
  CHECK(has_line(editor_page, "=> /newsroom/history/world/storm 2024-05-19 23:00:00 UTC R. Porter uploaded /world/storm"));
  CHECK(has_line(editor_page, "=> /newsroom/history/world/gone 2024-05-19 22:00:00 UTC E. Ditor unpublished /world/gone"));
  CHECK(has_line(editor_page, "=> titan://localhost:1965/world/pier;edit Edit: Pier opens (2024-05-19, E. Ditor)"));
  CHECK(has_line(editor_page, "=> titan://localhost:1965/culture/ New story in Culture"));
  CHECK(editor_page.find("date = 2024-05-20\nauthor = \"E. Ditor\"\ndraft = true\n") != std::string::npos);
  // Drafts come before the stories waiting for their date, and those before changes.
  CHECK(editor_page.find("## Drafts") < editor_page.find("## Scheduled"));
  CHECK(editor_page.find("## Scheduled") < editor_page.find("## Recent changes"));

  const std::string reporter_page = render_newsroom_page(snapshot->stories.get(), nullptr, config.editors[1], recent, "localhost");
  CHECK(has_line(reporter_page, "R. Porter, reporter: you file and change your own drafts, in world."));
  CHECK(has_line(reporter_page, "=> titan://localhost/world/storm;edit Edit: Storm ahead (2024-05-19, R. Porter)"));
  // Another's draft, a draft outside their sections, a story waiting for its date: no edit link.
  CHECK(has_line(reporter_page, "Talks (2024-05-19, Someone Else)"));
  CHECK(has_line(reporter_page, "A show (2024-05-19, R. Porter)"));
  CHECK(has_line(reporter_page, "Summit (appears 2024-05-21T00:00:00Z, R. Porter)"));
  CHECK(has_line(reporter_page, "=> /world/pier Pier opens (2024-05-19, E. Ditor)"));
  CHECK(has_line(reporter_page, "2024-05-19 23:00:00 UTC R. Porter uploaded /world/storm"));
  CHECK(reporter_page.find("/newsroom/history") == std::string::npos);
  CHECK(reporter_page.find("New story in Culture") == std::string::npos);
  CHECK(has_line(reporter_page, "=> titan://localhost/world/ New story in World"));
}

TEST_CASE("the newsroom page of a capsule without a publication, and with nothing yet") {
  const auto snapshot = newsroom_snapshot();
  const std::string page = render_newsroom_page(nullptr, nullptr, snapshot->config->editors[0], {}, "localhost");
  CHECK(has_line(page, "## Problems\n\nNone."));
  CHECK(has_line(page, "## Drafts\n\nNone."));
  CHECK(has_line(page, "None yet."));
  CHECK(has_line(page, "This capsule has no sections to file stories in."));
}

TEST_CASE("the newsroom page lists the capsule's problems: an editor all, a reporter those of their sections") {
  const auto snapshot = newsroom_snapshot();
  const Config& config = *snapshot->config;
  const Diagnostics problems{
      {"culture/show.md", 4, Diagnostic::Severity::warning, "unknown front matter key mood, ignored; check its spelling"},
      {"site.toml", 2, Diagnostic::Severity::warning, "unknown key colour, ignored; check its spelling"},
      {"world/storm.md", 0, Diagnostic::Severity::error, "not valid UTF-8"},
      {"world/storm.md", 3, Diagnostic::Severity::warning, "date is before the year 1000"},
  };
  const std::vector<std::string> lines{
      "culture/show.md:4: warning: unknown front matter key mood, ignored; check its spelling",
      "site.toml:2: warning: unknown key colour, ignored; check its spelling",
      "world/storm.md: error: not valid UTF-8",
      "world/storm.md:3: warning: date is before the year 1000",
  };
  struct Row {
    EditorSettings editor;
    std::vector<bool> shown; // each of `lines`
  };
  const Row rows[] = {
      {config.editors[0], {true, true, true, true}},
      {config.editors[1], {false, false, true, true}}, // a reporter in world
      {{"A. Nyone", reporter_fingerprint, EditorSettings::Role::reporter, {}}, {true, true, true, true}},
      {{"C. Ulture", reporter_fingerprint, EditorSettings::Role::reporter, {"culture"}}, {true, false, false, false}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.editor.name);
    const std::string page = render_newsroom_page(snapshot->stories.get(), &problems, row.editor, {}, "localhost");
    for (std::size_t i = 0; i < lines.size(); ++i) CHECK(has_line(page, lines[i]) == row.shown[i]);
    // First on the page, where a person who just filed a story looks.
    CHECK(page.find("## Problems") < page.find("## Drafts"));
    CHECK(page.find("\n## Problems\n\nNone.\n") == std::string::npos);
  }

  // A long list is cut, and says how much is left out; a line that would
  // read as a link is text.
  Diagnostics many;
  for (std::size_t i = 0; i < max_problems_listed + 7; ++i)
    many.push_back({fmt::format("=> s{:03}.gmi", i), 2, Diagnostic::Severity::warning, "w"});
  const std::string page = render_newsroom_page(snapshot->stories.get(), &many, config.editors[0], {}, "localhost");
  CHECK(has_line(page, fmt::format(" => s{:03}.gmi:2: warning: w", max_problems_listed - 1)));
  CHECK_FALSE(has_line(page, fmt::format(" => s{:03}.gmi:2: warning: w", max_problems_listed)));
  CHECK(page.find("\n=> s0") == std::string::npos);
  CHECK(has_line(page, "And 7 more; the server's log and gazette check list them all."));
}

TEST_CASE("a file's history: newest first, each version with who and when, and what may be done") {
  const std::vector<VersionRecord> versions{
      {"20240519-100000-000000", "2024-05-19T10:00:00Z", "found", 10, ""},
      {"20240519-110000-000000", "2024-05-19T11:00:00Z", "uploaded", 20, "R. Porter"},
      {"20240519-120000-000000", "2024-05-19T12:00:00Z", "unpublished", 0, "E. Ditor"},
      {"20240519-130000-000000", "2024-05-19T13:00:00Z", "restored 20240519-110000-000000", 20, "E. Ditor"},
  };
  const std::string page = render_history_page("/world/storm", "world/storm.md", versions, true, "localhost");
  CHECK(page.starts_with("20 text/gemini\r\n# History of /world/storm\n"));
  CHECK(has_line(page, "=> titan://localhost/world/storm;edit Edit the current version"));
  CHECK(has_line(page, "Restored 20240519-110000-000000 by E. Ditor, 20 bytes."));
  CHECK(has_line(page, "Unpublished by E. Ditor."));
  CHECK(has_line(page, "Uploaded by R. Porter, 20 bytes."));
  CHECK(has_line(page, "Kept as found in the capsule, 10 bytes."));
  CHECK(has_line(page, "=> /newsroom/version/20240519-110000-000000/world/storm View this version"));
  CHECK(has_line(page, "=> /newsroom/restore/20240519-110000-000000/world/storm Restore this version"));
  CHECK(page.find("20240519-120000-000000") == std::string::npos); // nothing to view of an unpublish
  CHECK(page.find("## 2024-05-19 13:00:00 UTC") < page.find("## 2024-05-19 10:00:00 UTC"));

  const std::string without_restore = render_history_page("/world/storm", "world/storm.md", versions, false, "localhost");
  CHECK(without_restore.find("Restore this version") == std::string::npos);
  CHECK(has_line(render_history_page("/world/x", "world/x.md", {}, true, "localhost"),
                 "No versions kept yet: the newsroom keeps one at each upload, unpublish or restore."));
}
