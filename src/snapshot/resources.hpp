// A snapshot's answers by path, in shards that snapshots share: a reload
// that changes a few stories copies the snapshot and, on the first write to
// a shard, that shard alone, so the new snapshot costs what changed, not
// the hundreds of thousands of paths a large archive answers at.
#pragma once
#include "snapshot/shared_bytes.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette {

// A complete answer held in memory (for Gemini, its header too), and for a
// file too large to keep there, the file whose contents follow.
struct Resource {
  SharedBytes bytes;
  std::filesystem::path streamed_file;
  std::uint64_t streamed_size = 0;
};

class Resources {
public:
  using Shard = std::unordered_map<std::string, Resource>;

  Resources();

  const Resource* find(const std::string& path) const;
  const Resource& at(const std::string& path) const; // throws std::out_of_range when absent
  std::size_t size() const;
  // Room for about `paths` answers in all.
  void reserve(std::size_t paths);

  // Writes copy the shard first when another snapshot shares it.
  Resource& operator[](const std::string& path);
  void erase(const std::string& path);
  // Adds the answer unless the path has one; true when it was added.
  bool try_emplace(const std::string& path, Resource resource);

  template <class Visit> void for_each(Visit visit) const {
    for (const auto& shard : shards_)
      for (const auto& [path, resource] : *shard) visit(path, resource);
  }

private:
  // A story published or moved copies a few hundred shards (its lists',
  // its own, its related stories'): out of this many, a few percent of
  // the paths.
  static constexpr std::size_t shard_count = 8192;
  static std::size_t shard_of(const std::string& path);
  Shard& own(std::size_t shard);

  std::array<std::shared_ptr<Shard>, shard_count> shards_;
};

} // namespace gazette
