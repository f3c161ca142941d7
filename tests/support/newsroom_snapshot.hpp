// A snapshot built by hand for the newsroom's tables: an editor and a
// reporter, two sections, a published story, drafts, one waiting for its
// date, an alias and a photo.
#pragma once
#include "content/story_index.hpp"
#include "snapshot/answer.hpp"
#include "snapshot/snapshot.hpp"

#include <memory>
#include <string>

namespace gazette::testing {

inline const std::string editor_fingerprint(64, 'e');
inline const std::string reporter_fingerprint(64, 'a');
inline const std::string stranger_fingerprint(64, 'f');

// 2024-05-20T00:00:00Z: the index's "now".
inline constexpr std::int64_t newsroom_now = 1716163200;

inline StoryInfo story_info(std::string path, std::string title, std::vector<std::string> authors, std::int64_t date,
                            StoryInfo::State state) {
  return StoryInfo{std::move(path), std::move(title), std::move(authors), Timestamp{date, false}, state};
}

inline std::shared_ptr<const Snapshot> newsroom_snapshot(std::uint64_t max_upload = 4096) {
  auto config = std::make_shared<Config>();
  config->hostnames = {"localhost"};
  config->capsule = "/srv/news/capsule";
  config->newsroom.history = "/srv/news/history";
  config->newsroom.max_upload = max_upload;
  config->editors = {{"E. Ditor", editor_fingerprint, EditorSettings::Role::editor, {}},
                     {"R. Porter", reporter_fingerprint, EditorSettings::Role::reporter, {"world"}}};
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->config = config;
  snapshot->gemini["/world/pier"] = {std::string("20 text/gemini\r\n# Pier opens\n"), {}, 0};
  snapshot->gemini["/world/old-pier"] = {std::string("31 /world/pier\r\n"), {}, 0};
  snapshot->gemini["/images/pier.png"] = {std::string("20 image/png\r\n"), {}, 0};
  snapshot->gemini["/world/"] = {std::string("20 text/gemini\r\n# World\n"), {}, 0};

  auto index = std::make_shared<StoryIndex>();
  index->now = newsroom_now;
  index->sections = {{"world", "World"}, {"culture", "Culture"}};
  const StoryInfo stories[] = {
      story_info("/world/pier", "Pier opens", {"E. Ditor"}, newsroom_now - 86400, StoryInfo::State::published),
      story_info("/world/storm", "Storm ahead", {"R. Porter"}, newsroom_now - 3600, StoryInfo::State::draft),
      story_info("/world/talks", "Talks", {"Someone Else"}, newsroom_now - 7200, StoryInfo::State::draft),
      story_info("/culture/show", "A show", {"R. Porter"}, newsroom_now - 60, StoryInfo::State::draft),
      story_info("/world/summit", "Summit", {"R. Porter"}, newsroom_now + 86400, StoryInfo::State::scheduled),
  };
  for (const auto& story : stories) {
    index->stories.emplace(story.path, story);
    if (story.state == StoryInfo::State::draft) index->drafts.push_back(story);
    if (story.state == StoryInfo::State::scheduled) index->scheduled.push_back(story);
    if (story.state == StoryInfo::State::published) index->latest.push_back(story);
  }
  index->aliases.emplace("/world/old-pier", "/world/pier");
  snapshot->stories = std::move(index);
  return snapshot;
}

inline ClientCertificate certificate_of(const std::string& fingerprint, bool valid_now = true) {
  return ClientCertificate{fingerprint, valid_now};
}

} // namespace gazette::testing
