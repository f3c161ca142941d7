// UTF-8 checks shared by request parsing and capsule loading.
#pragma once
#include <cstddef>
#include <string_view>

namespace gazette {

// Length of the longest valid UTF-8 prefix of `text` (== text.size() when all valid).
// Rejects overlong forms, surrogates and code points above U+10FFFF.
std::size_t valid_utf8_prefix(std::string_view text);

inline bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text) == text.size(); }

// The 1-based line holding the first invalid UTF-8 byte, or 0 when the text is valid.
int first_invalid_utf8_line(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// Bytes taken by the first `columns` code points of valid UTF-8 text.
std::size_t utf8_prefix_bytes(std::string_view text, std::size_t columns);

// Where the first byte at or after `from` outside ASCII is, or text.size().
std::size_t first_non_ascii(std::string_view text, std::size_t from = 0);

inline bool is_ascii(std::string_view text) { return first_non_ascii(text) == text.size(); }

// C0 control characters and DEL: never text to show, never part of a request.
inline bool is_control_character(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }

bool has_control_character(std::string_view text);

} // namespace gazette
