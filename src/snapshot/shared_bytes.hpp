// Immutable bytes shared between snapshots: a reload that keeps a page hands
// the same bytes to the new snapshot instead of copying them.
//
// A list page is held as pieces: its own text, and between it the entries
// of the stories it lists, which the stories' renders hold. A story is on
// its section's page, its topics' pages and maybe the front page; its entry
// is held once, not once per page.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

class SharedBytes {
public:
  SharedBytes() = default;
  SharedBytes(std::string bytes);
  // Bytes that `owner` holds, as one piece, without a copy.
  static SharedBytes view(std::string_view bytes, std::shared_ptr<const void> owner);

  std::size_t size() const;
  // In order, the pieces make the bytes; none is empty. piece(0) is the
  // bytes themselves when there is one piece, or none.
  std::size_t piece_count() const;
  std::string_view piece(std::size_t index) const;
  // The bytes in one string: a copy, for what is not on the request path.
  std::string joined() const;
  // `head` followed by these bytes, sharing them.
  SharedBytes after(std::string head) const;
  // These bytes with their first `replaced` bytes (another protocol's
  // header) given as `head` instead, sharing the rest, however few pieces.
  SharedBytes with_head(std::string head, std::size_t replaced) const;

private:
  friend class SharedBytesBuilder;

  struct Pieces {
    std::string own;                                 // the page's own text
    std::vector<std::string_view> pieces;            // into `own` or into what `owners` hold
    std::vector<std::shared_ptr<const void>> owners; // keep the shared pieces alive
    std::size_t size = 0;
  };

  // Rendered pages are kept as long as the snapshot: the slack a string
  // gathers while it grows would otherwise be about a quarter of them.
  static std::string shrunk(std::string bytes) {
    bytes.shrink_to_fit();
    return bytes;
  }

  std::shared_ptr<const void> owner_; // holds what the views below point into
  std::string_view whole_;            // the bytes when they are one piece,
  const Pieces* pieces_ = nullptr;    // or their pieces (then owner_ is these)
};

// Builds pieced bytes: append the page's own text to text(), and share()
// the bytes another render holds where they belong.
class SharedBytesBuilder {
public:
  std::string& text() { return own_; }
  void share(std::string_view piece, const std::shared_ptr<const void>& owner);
  // `piece`, a part of `holder`'s bytes, kept alive by what keeps those:
  // the entries of a list's stories are mostly in one segment of the page
  // store, which the list then holds once rather than once per story.
  void share(std::string_view piece, const SharedBytes& holder);
  SharedBytes finish() &&;

private:
  struct Segment {
    std::size_t own_from = 0, own_to = 0; // a stretch of own_, when `shared` is empty
    std::string_view shared;
  };
  void end_own_text();

  std::string own_;
  std::size_t own_taken_ = 0; // own_ up to here is in segments_
  std::vector<Segment> segments_;
  std::vector<std::shared_ptr<const void>> owners_;
};

} // namespace gazette
