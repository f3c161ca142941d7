#include "snapshot/resources.hpp"

#include <functional>
#include <stdexcept>

namespace gazette {

Resources::Resources() {
  for (auto& shard : shards_) shard = std::make_shared<Shard>();
}

namespace {

// The list a page of older stories belongs to: "/world/" for
// "/world/page/3/" (and Gemini's "/world/page/3"); else the path itself.
std::string_view list_of(std::string_view path) {
  const std::size_t at = path.rfind("/page/");
  if (at == std::string_view::npos) return path;
  std::string_view number = path.substr(at + 6);
  if (number.ends_with('/')) number.remove_suffix(1);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string_view::npos) return path;
  return path.substr(0, at + 1);
}

} // namespace

// Every page of a list shares its first page's shard: a story published at
// the top of a list moves each of its pages on by one, and then copies that
// list's shard, not every shard.
std::size_t Resources::shard_of(const std::string& path) {
  // The high bits: the shard's own table buckets by the low ones.
  return (std::hash<std::string_view>{}(list_of(path)) >> 32) % shard_count;
}

const Resource* Resources::find(const std::string& path) const {
  const Shard& shard = *shards_[shard_of(path)];
  auto found = shard.find(path);
  return found == shard.end() ? nullptr : &found->second;
}

const Resource& Resources::at(const std::string& path) const {
  if (const Resource* found = find(path)) return *found;
  throw std::out_of_range("no answer at " + path);
}

std::size_t Resources::size() const {
  std::size_t paths = 0;
  for (const auto& shard : shards_) paths += shard->size();
  return paths;
}

void Resources::reserve(std::size_t paths) {
  for (std::size_t i = 0; i < shard_count; ++i) own(i).reserve(paths / shard_count + 1);
}

// Snapshots are built on one thread and never written once served, so a
// shard shared with another snapshot stays shared until this copy is made.
Resources::Shard& Resources::own(std::size_t shard) {
  if (shards_[shard].use_count() > 1) shards_[shard] = std::make_shared<Shard>(*shards_[shard]);
  return *shards_[shard];
}

Resource& Resources::operator[](const std::string& path) { return own(shard_of(path))[path]; }

void Resources::erase(const std::string& path) {
  const std::size_t shard = shard_of(path);
  if (shards_[shard]->count(path)) own(shard).erase(path);
}

bool Resources::try_emplace(const std::string& path, Resource resource) {
  const std::size_t shard = shard_of(path);
  if (shards_[shard]->count(path)) return false;
  return own(shard).try_emplace(path, std::move(resource)).second;
}

} // namespace gazette
