// A hash for std::string keys that also takes string_views, so lookups with a
// view need not build a string (pair it with std::equal_to<>).
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>

namespace gazette {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

} // namespace gazette
