// The files under the capsule folder that may be served as they are.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "content/diagnostic.hpp"

namespace gazette {

struct StaticFile {
  std::string url_path;          // "/images/pier.jpg"
  std::filesystem::path file;    // resolved, inside the capsule
  std::uint64_t size = 0;
  // Which version of the file was found: a file with the same inode, size
  // and modification time as before was not written since.
  struct Version {
    std::uint64_t inode = 0;
    std::int64_t modified_ns = 0;
    bool operator==(const Version&) const = default;
  } version;
};

struct CapsuleFiles {
  std::vector<StaticFile> files;
  std::vector<std::string> directories; // "/images/", with the trailing slash; "/" too
  Diagnostics skipped;                  // what was left out, and why
};

// Walks the capsule. Never listed: names starting with "." or "_", editor
// leftovers (swap files, backups), the
// publication's sources (site.toml at the top, *.md in section folders),
// symlinks that resolve outside the capsule, and symlinked folders (so a link
// can never loop or lead out).
CapsuleFiles scan_capsule_files(const std::filesystem::path& root);

// One folder of that walk ("/images/", with both slashes), as the walk
// lists it: its own files, itself and its subfolders in `directories`, and
// what it leaves out, without looking below its subfolders. For a folder
// the walk reaches.
CapsuleFiles scan_capsule_folder(const std::filesystem::path& root, const std::string& url_folder);

// A folder's entries in name order; `ec` says if the folder could not be read.
std::vector<std::filesystem::directory_entry> sorted_folder_entries(const std::filesystem::path& folder,
                                                                    std::error_code& ec);

} // namespace gazette
