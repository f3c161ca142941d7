#include "snapshot/search_entries.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace gazette {

SearchEntries::SearchEntries(std::vector<SearchEntry> entries) {
  for (std::size_t from = 0; from < entries.size(); from += chunk_size) {
    const auto begin = entries.begin() + static_cast<std::ptrdiff_t>(from);
    const auto end = entries.begin() + static_cast<std::ptrdiff_t>(std::min(from + chunk_size, entries.size()));
    chunks_.push_back(std::make_shared<const Chunk>(std::make_move_iterator(begin), std::make_move_iterator(end)));
  }
  count();
}

const SearchEntry& SearchEntries::operator[](std::size_t place) const {
  const auto [chunk, index] = locate(place);
  return (*chunks_[chunk])[index];
}

std::pair<std::size_t, std::size_t> SearchEntries::locate(std::size_t place) const {
  if (place >= size_) throw std::out_of_range("search entry past the last story");
  const auto chunk = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), place) - starts_.begin()) - 1;
  return {chunk, place - starts_[chunk]};
}

SearchEntries SearchEntries::inserted(std::size_t place, SearchEntry entry) const {
  if (place > size_) throw std::out_of_range("search entry inserted past the last story");
  SearchEntries after = *this;
  if (chunks_.empty()) {
    after.chunks_.push_back(std::make_shared<const Chunk>(Chunk{std::move(entry)}));
    after.count();
    return after;
  }
  // After the last story: at the end of the last chunk.
  const auto [chunk, index] = place == size_ ? std::pair(chunks_.size() - 1, chunks_.back()->size()) : locate(place);
  Chunk grown = *chunks_[chunk];
  grown.insert(grown.begin() + static_cast<std::ptrdiff_t>(index), std::move(entry));
  if (grown.size() < 2 * chunk_size) {
    after.chunks_[chunk] = std::make_shared<const Chunk>(std::move(grown));
  } else {
    const auto half = grown.begin() + static_cast<std::ptrdiff_t>(grown.size() / 2);
    after.chunks_[chunk] = std::make_shared<const Chunk>(std::make_move_iterator(grown.begin()), std::make_move_iterator(half));
    after.chunks_.insert(after.chunks_.begin() + static_cast<std::ptrdiff_t>(chunk) + 1,
                         std::make_shared<const Chunk>(std::make_move_iterator(half), std::make_move_iterator(grown.end())));
  }
  after.count();
  return after;
}

SearchEntries SearchEntries::erased(std::size_t place) const {
  const auto [chunk, index] = locate(place);
  SearchEntries after = *this;
  Chunk shrunk = *chunks_[chunk];
  shrunk.erase(shrunk.begin() + static_cast<std::ptrdiff_t>(index));
  after.chunks_[chunk] = std::make_shared<const Chunk>(std::move(shrunk));
  after.count();
  return after;
}

SearchEntries SearchEntries::replaced(std::size_t place, SearchEntry entry) const {
  const auto [chunk, index] = locate(place);
  SearchEntries after = *this;
  Chunk changed = *chunks_[chunk];
  changed[index] = std::move(entry);
  after.chunks_[chunk] = std::make_shared<const Chunk>(std::move(changed));
  return after;
}

void SearchEntries::count() {
  std::erase_if(chunks_, [](const auto& chunk) { return chunk->empty(); });
  starts_.clear();
  size_ = 0;
  for (const auto& chunk : chunks_) {
    starts_.push_back(size_);
    size_ += chunk->size();
  }
}

} // namespace gazette
