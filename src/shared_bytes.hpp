// Immutable bytes shared between snapshots: a reload that keeps a page hands
// the same bytes to the new snapshot instead of copying them.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace gazette {

class SharedBytes {
public:
  SharedBytes() = default;
  SharedBytes(std::string bytes) : bytes_(std::make_shared<const std::string>(shrunk(std::move(bytes)))) {}

  std::string_view view() const { return bytes_ ? std::string_view(*bytes_) : std::string_view(); }
  operator std::string_view() const { return view(); }

private:
  // Rendered pages are kept as long as the snapshot: the slack a string
  // gathers while it grows would otherwise be about a quarter of them.
  static std::string shrunk(std::string bytes) {
    bytes.shrink_to_fit();
    return bytes;
  }

  std::shared_ptr<const std::string> bytes_;
};

} // namespace gazette
