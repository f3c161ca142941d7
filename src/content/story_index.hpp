// What the newsroom knows of every story the capsule holds, drafts and
// stories waiting for their date too: who may change it, what an upload may
// name, and the lists on the newsroom's page. Built with each snapshot,
// when the configuration names editors.
#pragma once
#include "content/publication.hpp"
#include "text/string_hash.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gazette {

struct StoryInfo {
  enum class State { published, draft, scheduled };
  std::string path; // "/world/pier"
  std::string title;
  std::vector<std::string> authors;
  Timestamp date;
  State state = State::published;
};

struct SectionInfo {
  std::string name; // folder name
  std::string title;
};

struct StoryIndex {
  // How many of the latest published stories the newsroom's page lists.
  static constexpr std::size_t latest_count = 20;

  std::vector<SectionInfo> sections; // menu order
  std::unordered_map<std::string, StoryInfo, StringHash, std::equal_to<>> stories; // by path
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> aliases; // alias -> its story's path
  std::vector<StoryInfo> drafts;    // newest first
  std::vector<StoryInfo> scheduled; // soonest first
  std::vector<StoryInfo> latest;    // published, newest first, at most latest_count
  std::int64_t now = 0;             // seconds since the epoch when it was made: later stories are scheduled

  const StoryInfo* find(std::string_view path) const;
  const SectionInfo* find_section(std::string_view name) const;
};

// `redirects` are the aliases the load accepted (alias path -> story path);
// a story not a draft and dated after `now` (seconds since the epoch) is
// scheduled.
StoryIndex make_story_index(const Publication& publication,
                            const std::vector<std::pair<std::string, std::string>>& redirects, std::int64_t now);

} // namespace gazette
