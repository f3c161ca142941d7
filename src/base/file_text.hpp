// Reading a whole file into memory: article, page and configuration files
// are read this way, a hundred thousand of them on a large capsule's start.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <sys/stat.h>

namespace gazette {

// The file's bytes, or nothing when it cannot be opened or read (errno then
// says why). `info`, when given, is filled from the open file before it is
// read: a change made after that is newer than what was read.
std::optional<std::string> read_file_text(const std::filesystem::path& file, struct stat* info = nullptr);

} // namespace gazette
