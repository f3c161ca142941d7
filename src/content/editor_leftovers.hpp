// Files that text editors leave beside the one being edited: swap files,
// backups, autosaves and probes. They are never published.
#pragma once
#include <string_view>

namespace gazette {

inline bool is_editor_leftover(std::string_view name) {
  constexpr std::string_view suffixes[] = {"~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".part", ".kate-swp"};
  for (auto suffix : suffixes)
    if (name.ends_with(suffix)) return true;
  // Emacs autosaves are "#name#"; vim probes a folder with a file named 4913.
  return name.starts_with('#') || name == "4913";
}

} // namespace gazette
