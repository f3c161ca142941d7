// Changing a file of the capsule so that a reader, or a reload, sees it
// whole or not at all: the bytes go to a hidden temporary file beside it,
// which is flushed and then renamed over it.
#pragma once
#include <filesystem>
#include <string_view>

namespace gazette {

// Throws std::system_error naming the file and what failed; the file is
// then as it was.
void write_atomically(const std::filesystem::path& file, std::string_view bytes);

// Removes the file; throws std::system_error when it cannot.
void remove_file(const std::filesystem::path& file);

} // namespace gazette
