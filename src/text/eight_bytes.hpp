// Reading text eight bytes at a time, as one 64-bit number: the loaders and
// renderers see every byte of a capsule, and most of it is ASCII.
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>

namespace gazette {

// Code that finds the first flagged byte of eight with std::countr_zero
// takes the first byte in memory to be the number's lowest: a big-endian
// build would be wrong without a sign, so it stops here.
static_assert(std::endian::native == std::endian::little, "text is read eight bytes at a time, the first byte lowest");

constexpr std::uint64_t each_byte = 0x0101010101010101u; // times a byte value: that value in every byte
constexpr std::uint64_t high_bits = 0x8080808080808080u; // each byte's high bit

// The eight bytes at `at`, all of which must be readable.
inline std::uint64_t eight_bytes(const char* at) {
  std::uint64_t bytes;
  std::memcpy(&bytes, at, sizeof bytes);
  return bytes;
}

} // namespace gazette
