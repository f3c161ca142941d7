// How search results show each published story, by the story's place
// (newest first, as the search index numbers them).
//
// Publishing or withdrawing a story moves every later story on or back by
// one place. The entries are held in chunks that snapshots share, so such a
// change copies the one chunk it falls in rather than every entry: each
// entry holds a story's renders alive, and copying a hundred thousand of
// them touched every story's renders in memory.
#pragma once
#include "snapshot/shared_bytes.hpp"

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace gazette {

// A story as search results show it on each protocol; shared with its renders.
struct SearchEntry {
  SharedBytes gemini; // gemtext lines
  SharedBytes gopher; // menu lines
};

class SearchEntries {
public:
  // Entries are chunked this many at a time; a chunk grown to twice as many
  // is split in two.
  static constexpr std::size_t chunk_size = 1024;

  SearchEntries() = default;
  explicit SearchEntries(std::vector<SearchEntry> entries);

  std::size_t size() const { return size_; }
  const SearchEntry& operator[](std::size_t place) const;

  // These entries with `entry` at `place` (at most size()), those from
  // there on one place later.
  SearchEntries inserted(std::size_t place, SearchEntry entry) const;
  // These entries without the one at `place`, those after it one place back.
  SearchEntries erased(std::size_t place) const;
  // These entries with the one at `place` replaced by `entry`.
  SearchEntries replaced(std::size_t place, SearchEntry entry) const;

private:
  using Chunk = std::vector<SearchEntry>;

  // The chunk that holds `place`, and where in it.
  std::pair<std::size_t, std::size_t> locate(std::size_t place) const;
  // starts_ and size_ after chunks_ changed; drops an emptied chunk.
  void count();

  std::vector<std::shared_ptr<const Chunk>> chunks_;
  std::vector<std::size_t> starts_; // the place of each chunk's first entry
  std::size_t size_ = 0;
};

} // namespace gazette
