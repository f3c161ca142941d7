#include "snapshot/outside_links.hpp"

#include <algorithm>
#include <functional>

namespace gazette {

OutsideLinks::OutsideLinks() {
  for (auto& shard : shards_) shard = std::make_shared<Shard>();
}

std::size_t OutsideLinks::shard_of(std::string_view link) {
  // The high bits: the shard's own table buckets by the low ones.
  return (std::hash<std::string_view>{}(link) >> 32) % shard_count;
}

bool OutsideLinks::contains(std::string_view link) const { return shards_[shard_of(link)]->count(link) > 0; }

std::size_t OutsideLinks::size() const {
  std::size_t links = 0;
  for (const auto& shard : shards_) links += shard->size();
  return links;
}

// Snapshots are built on one thread and never written once served, so a
// shard shared with another snapshot stays shared until this copy is made.
OutsideLinks::Shard& OutsideLinks::own(std::size_t shard) {
  if (shards_[shard].use_count() > 1) shards_[shard] = std::make_shared<Shard>(*shards_[shard]);
  return *shards_[shard];
}

void OutsideLinks::add(const std::string& link) { ++own(shard_of(link))[link]; }

void OutsideLinks::remove(const std::string& link) {
  const std::size_t shard = shard_of(link);
  if (!shards_[shard]->count(link)) return;
  Shard& owned = own(shard);
  if (auto found = owned.find(link); --found->second == 0) owned.erase(found);
}

bool OutsideLinks::operator==(const OutsideLinks& other) const {
  return std::equal(shards_.begin(), shards_.end(), other.shards_.begin(),
                    [](const auto& mine, const auto& theirs) { return *mine == *theirs; });
}

} // namespace gazette
