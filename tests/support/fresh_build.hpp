// A build made from the one before (in place or whole) against a fresh
// build of the same files: every protocol's answers, the links Gopher may
// leave for, the problems reported (and listed for the newsroom), and
// search must be the same.
#pragma once
#include "site/snapshot_builder.hpp"
#include "temp_capsule.hpp"

#include <doctest/doctest.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gazette::testing {

// Settings for a build of `capsule` that serves Spartan and Finger too,
// and has a newsroom.
inline std::shared_ptr<const Config> every_protocol(const std::filesystem::path& capsule) {
  auto config = std::make_shared<Config>();
  config->capsule = capsule;
  config->editors = {{"E. Ditor", std::string(64, 'e'), EditorSettings::Role::editor, {}}};
  config->spartan.listen.push_back(*parse_listen_address("127.0.0.1:300"));
  config->finger.listen.push_back(*parse_listen_address("127.0.0.1:79"));
  return config;
}

// The build after the files `changed` changed, made from `last` as a reload makes it.
inline BuiltSnapshot build_after(const std::shared_ptr<const Config>& config, BuiltSnapshot& last, ChangedFiles changed) {
  CapsuleReading reading;
  reading.changed = std::move(changed);
  reading.serving = last.snapshot;
  return build_snapshot(config, nullptr, &last, seconds_now(), reading);
}

// A file of a capsule saved with `text`, or removed without it.
struct FileChange {
  std::string path;
  std::optional<std::string> text;
};

// The build after `changes` are made to `capsule`, made from `last` as a
// reload makes it, the files named as inotify names them.
inline BuiltSnapshot build_after_changes(TempCapsule& capsule, const std::shared_ptr<const Config>& config,
                                         BuiltSnapshot& last, const std::vector<FileChange>& changes) {
  ChangedFiles changed;
  for (const auto& change : changes) {
    if (change.text) capsule.write(change.path, *change.text);
    else std::filesystem::remove(capsule.root() / change.path);
    changed.insert(change.path);
  }
  return build_after(config, last, std::move(changed));
}

inline std::map<std::string, std::string> answers_of(const Resources& resources) {
  std::map<std::string, std::string> all;
  resources.for_each([&](const std::string& path, const Resource& resource) {
    all[path] = resource.bytes.joined() + resource.streamed_file.string();
  });
  return all;
}

// The first path whose answers differ (or that only one has), and both
// answers: empty when the two are the same, and readable in a failure.
inline std::string first_difference(const Resources& built, const Resources& fresh) {
  const auto a = answers_of(built), b = answers_of(fresh);
  auto at = a.begin();
  auto bt = b.begin();
  for (; at != a.end() && bt != b.end(); ++at, ++bt)
    if (at->first != bt->first || at->second != bt->second) break;
  if (at == a.end() && bt == b.end()) return "";
  const auto shown = [](const auto& it, const auto& end) { return it == end ? std::string("(none)") : it->first + ":\n" + it->second; };
  return "built " + shown(at, a.end()) + "\nfresh " + shown(bt, b.end());
}

// Every problem reported (or every error and warning), one a line in
// order: readable in a failure.
inline std::string problems_of(const BuiltSnapshot& built, bool with_notes = true) {
  std::set<std::string> all;
  for (const auto& diagnostic : built.diagnostics)
    if (with_notes || diagnostic.severity != Diagnostic::Severity::note) all.insert(diagnostic.to_string());
  std::string lines;
  for (const auto& problem : all) lines += problem + "\n";
  return lines;
}

// The problems the newsroom's page lists, one a line as it lists them.
inline std::string newsroom_problems(const BuiltSnapshot& built) {
  std::string lines;
  if (built.snapshot->problems)
    for (const auto& problem : *built.snapshot->problems) lines += problem.to_string() + "\n";
  return lines;
}

inline void check_same_as_fresh(const BuiltSnapshot& built, const std::shared_ptr<const Config>& config,
                                const std::vector<std::string>& queries) {
  const BuiltSnapshot fresh = build_snapshot(config, nullptr);
  CHECK(first_difference(built.snapshot->gemini, fresh.snapshot->gemini) == "");
  CHECK(first_difference(built.snapshot->gopher, fresh.snapshot->gopher) == "");
  CHECK(first_difference(built.snapshot->spartan, fresh.snapshot->spartan) == "");
  CHECK(first_difference(built.snapshot->finger, fresh.snapshot->finger) == "");
  CHECK(built.snapshot->outside_links == fresh.snapshot->outside_links);
  CHECK(problems_of(built) == problems_of(fresh));
  CHECK(newsroom_problems(built) == newsroom_problems(fresh));
  // Each error and warning once, and nothing else.
  REQUIRE(built.snapshot->problems);
  std::set<std::string> listed;
  for (const auto& problem : *built.snapshot->problems) listed.insert(problem.to_string());
  CHECK(listed.size() == built.snapshot->problems->size());
  std::string lines;
  for (const auto& line : listed) lines += line + "\n";
  CHECK(lines == problems_of(built, false));
  // Search finds stories by their place, and shows each by its entry there.
  auto shown = [](const Snapshot& snapshot, const std::vector<std::uint32_t>& hits) {
    std::vector<std::string> entries;
    for (std::uint32_t hit : hits)
      entries.push_back(snapshot.search_entries[hit].gemini.joined() + snapshot.search_entries[hit].gopher.joined());
    return entries;
  };
  CHECK(built.snapshot->search_entries.size() == fresh.snapshot->search_entries.size());
  for (const auto& query : queries) {
    CAPTURE(query);
    const auto hits = built.snapshot->search->find(query, 50).hits;
    CHECK(hits == fresh.snapshot->search->find(query, 50).hits);
    CHECK(shown(*built.snapshot, hits) == shown(*fresh.snapshot, hits));
  }
}

} // namespace gazette::testing
