// The published capsule as the request path sees it: every answer rendered
// once, indexed by path, and what search needs. A snapshot never changes
// after it is built; a new one replaces it whole (see SnapshotStore).
#pragma once
#include "config/config.hpp"
#include "content/diagnostic.hpp"
#include "content/search_index.hpp"
#include "content/story_index.hpp"
#include "snapshot/outside_links.hpp"
#include "snapshot/resources.hpp"
#include "snapshot/search_entries.hpp"
#include "snapshot/shared_bytes.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace asio::ssl {
class context;
}

namespace gazette {

// Where readers search, on every protocol.
inline constexpr std::string_view search_path = "/search";

// Files kept in memory up to this size; larger ones are streamed from disk.
inline constexpr std::uint64_t max_in_memory_file = 256 * 1024;

struct Snapshot {
  // The settings and TLS identity this snapshot was built with: a
  // connection takes one snapshot when it starts and uses it to the end.
  std::shared_ptr<const Config> config;
  std::shared_ptr<asio::ssl::context> tls;

  Resources gemini;  // by path
  Resources gopher;  // by selector
  Resources spartan; // by path, when Spartan is on: Gemini's pages, mostly their very bytes
  Resources finger;  // by name ("" for the latest stories), when Finger is on
  OutsideLinks outside_links; // each answered at its Gopher "URL:" selector

  // Search, for a capsule with a publication: the index finds stories by
  // their place in search_entries.
  std::shared_ptr<const SearchIndex> search;
  SearchEntries search_entries;
  // Set while the index is being built, just after a start: a search
  // waits for the snapshot that has it.
  bool search_pending = false;
  std::string site_title;
  std::string lang;

  // Every story, drafts too, for the newsroom; null when no editors are
  // configured or the capsule has no publication.
  std::shared_ptr<const StoryIndex> stories;
  // The capsule's errors and warnings, for the newsroom's page: the people
  // who publish from a Gemini client never see the server's log. Null when
  // no editors are configured.
  std::shared_ptr<const Diagnostics> problems;
  // When the build began reading the capsule: a change saved before then is in it.
  std::chrono::steady_clock::time_point capsule_read_at{};

  static const Resource* find(const Resources& resources, const std::string& key) { return resources.find(key); }
};

} // namespace gazette
