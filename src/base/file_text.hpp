// Reading a whole file into memory: article, page and configuration files
// are read this way, a hundred thousand of them on a large capsule's start.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace gazette {

// The file's bytes, or nothing when it cannot be opened or read (errno then
// says why).
std::optional<std::string> read_file_text(const std::filesystem::path& file);

} // namespace gazette
