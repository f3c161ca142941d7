// A hash table from pointers to values, held in one flat array. A load
// looks up a story's renders for every list the story is on, hundreds of
// thousands of times at scale, and a node-based map pays a cache miss for
// the bucket and another for the node; here a lookup reads one slot.
#pragma once
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gazette {

template <class Key, class Value>
class PointerMap {
public:
  // Makes room for `count` keys without growing again.
  void reserve(std::size_t count) {
    if (2 * count > slots_.size()) rehash(room_for(count));
  }

  // Adds `key` (never null) with `value`, or gives an existing key `value`.
  void insert_or_assign(const Key* key, Value value) {
    if (2 * (size_ + 1) > slots_.size()) rehash(room_for(size_ + 1));
    Slot& slot = slots_[slot_of(key)];
    if (!slot.first) {
      slot.first = key;
      ++size_;
    }
    slot.second = std::move(value);
  }

  // Null when `key` is not in the map.
  const Value* find(const Key* key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[slot_of(key)];
    return slot.first ? &slot.second : nullptr;
  }

  const Value& at(const Key* key) const {
    if (const Value* value = find(key)) return *value;
    throw std::out_of_range("PointerMap::at: the key is not in the map");
  }

  std::size_t size() const { return size_; }

private:
  using Slot = std::pair<const Key*, Value>;

  // At most half the slots are taken, so probes stay short.
  static std::size_t room_for(std::size_t count) { return std::bit_ceil(std::max<std::size_t>(16, 2 * count)); }

  // The slot holding `key`, or the empty one where it would go. Pointers to
  // objects of one size differ only in a few middle bits; multiplying by
  // 2^64 / phi spreads those into the top bits, which choose the slot.
  std::size_t slot_of(const Key* key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(key) * 0x9E3779B97F4A7C15u) >> shift_);
    while (slots_[at].first && slots_[at].first != key) at = (at + 1) & mask;
    return at;
  }

  void rehash(std::size_t room) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(room));
    shift_ = 64 - std::countr_zero(room);
    for (auto& [key, value] : old)
      if (key) slots_[slot_of(key)] = {key, std::move(value)};
  }

  std::vector<Slot> slots_; // empty, or a power of two of them; a null key marks a free slot
  std::size_t size_ = 0;
  int shift_ = 64;
};

} // namespace gazette
