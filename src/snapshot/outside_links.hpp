// Where the published pages link outside Gopherspace: Gopher answers a
// "URL:" selector for each with a small page it makes when asked, as every
// story's links would otherwise hold a page of their own. Each link counts
// the pages that have it, so a story withdrawn or edited in place takes its
// links away without reading every other story; and the links are held in
// shards that snapshots share, so a change copies one shard, not them all.
#pragma once
#include "text/string_hash.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette {

class OutsideLinks {
public:
  OutsideLinks();

  bool contains(std::string_view link) const;
  std::size_t size() const;

  // One page more, or one fewer, has `link`; with none left it is forgotten.
  void add(const std::string& link);
  void remove(const std::string& link);

  // The same links, each on as many pages.
  bool operator==(const OutsideLinks& other) const;

private:
  using Shard = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;
  // A story commonly links outside: at 100,000 stories there are about as
  // many links, and a story withdrawn or moved copies its links' shards.
  static constexpr std::size_t shard_count = 1024;
  static std::size_t shard_of(std::string_view link);
  Shard& own(std::size_t shard);

  std::array<std::shared_ptr<Shard>, shard_count> shards_;
};

} // namespace gazette
