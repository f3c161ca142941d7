// Server messages on stderr, each a whole line written at once so lines from
// different threads never interleave.
#pragma once
#include <fmt/format.h>
#include <string_view>

namespace gazette {

// Writes every byte, retrying interrupted writes; a descriptor that fails
// is left alone, as there is nowhere left to report it.
void write_fully(int fd, std::string_view bytes);

void write_line(int fd, std::string_view line);

template <typename... Args> void log_message(fmt::format_string<Args...> format, Args&&... args) {
  write_line(2, fmt::format(format, std::forward<Args>(args)...));
}

} // namespace gazette
