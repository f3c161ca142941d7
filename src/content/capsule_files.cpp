#include "content/capsule_files.hpp"

#include "content/editor_leftovers.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

bool is_hidden(const std::string& name) {
  return name.empty() || name[0] == '.' || name[0] == '_' || is_editor_leftover(name);
}

bool is_inside(const fs::path& path, const fs::path& root) {
  auto [root_end, path_it] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

void skip(CapsuleFiles& out, const fs::path& path, const fs::path& root, std::string message) {
  out.skipped.push_back({path.lexically_relative(root).string(), 0, Diagnostic::Severity::warning, std::move(message)});
}

// Lists `folder`, and the folders below it unless `one_level`: then each
// subfolder is only named, as its own scan would name it.
void scan_folder(const fs::path& folder, const fs::path& root, const std::string& url_prefix, CapsuleFiles& out,
                 bool one_level) {
  out.directories.push_back(url_prefix);
  std::error_code ec;
  const bool is_section = fs::exists(folder / "_section.toml", ec);
  const bool is_top = url_prefix == "/";

  const std::vector<fs::directory_entry> entries = sorted_folder_entries(folder, ec);
  if (ec) skip(out, folder, root, fmt::format("cannot read this folder: {}", ec.message()));

  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (is_hidden(name)) continue;
    if (!is_valid_utf8(name)) {
      skip(out, entry.path(), root, "the name is not valid UTF-8; not served");
      continue;
    }
    // No protocol's request may hold one (Gopher's selectors end at a TAB
    // or CR): listed, it would be a link that leads nowhere.
    if (has_control_character(name)) {
      skip(out, entry.path(), root, "the name holds a control character (a TAB, a line break), which no request can "
                                    "name; not served. Rename it");
      continue;
    }
    if ((is_top && name == "site.toml") || (is_section && entry.path().extension() == ".md")) continue;

    const bool is_link = entry.is_symlink(ec);
    if (entry.is_directory(ec)) {
      if (is_link) {
        skip(out, entry.path(), root, "a symlinked folder; not served (link files, not folders)");
        continue;
      }
      if (one_level) out.directories.push_back(url_prefix + name + "/");
      else scan_folder(entry.path(), root, url_prefix + name + "/", out, false);
      continue;
    }
    if (!entry.is_regular_file(ec)) {
      // A named pipe would stall the build that read it until a writer came.
      skip(out, entry.path(), root,
           is_link && !entry.exists(ec) ? "a symlink that leads nowhere; not served"
                                        : "not a regular file (a named pipe, a socket or a device); not served");
      continue;
    }

    // The walk starts from the canonical root and never enters a symlinked
    // folder, so only a symlink's path needs resolving: resolving every
    // file's path took a system call for each of its folders.
    fs::path resolved = is_link ? fs::canonical(entry.path(), ec) : entry.path();
    if (ec || !is_inside(resolved, root)) {
      skip(out, entry.path(), root, "a symlink that leads outside the capsule; not served");
      continue;
    }
    // Tried as the server's user: else it would be served empty.
    if (::faccessat(AT_FDCWD, resolved.c_str(), R_OK, AT_EACCESS) != 0) {
      skip(out, entry.path(), root,
           fmt::format("cannot be read ({}); not served until the server's user may read it", std::strerror(errno)));
      continue;
    }
    struct stat info {};
    if (::stat(resolved.c_str(), &info) != 0) {
      skip(out, entry.path(), root, fmt::format("cannot be read ({}); not served", std::strerror(errno)));
      continue;
    }
    out.files.push_back({url_prefix + name, resolved, static_cast<std::uint64_t>(info.st_size),
                         {static_cast<std::uint64_t>(info.st_ino),
                          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec}});
  }
}

} // namespace

std::vector<fs::directory_entry> sorted_folder_entries(const fs::path& folder, std::error_code& ec) {
  std::vector<fs::directory_entry> entries;
  for (const auto& entry : fs::directory_iterator(folder, ec)) entries.push_back(entry);
  // One folder's paths differ only in their last part, so comparing them as
  // strings gives the order of comparing them as paths, without splitting
  // each into parts (a folder can hold many thousands of articles).
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().native() < b.path().native(); });
  return entries;
}

namespace {

// The walk from `url_folder` ("/" for all of it), whole or `one_level`.
CapsuleFiles scan_from(const fs::path& root, const std::string& url_folder, bool one_level) {
  CapsuleFiles out;
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) {
    out.skipped.push_back({root.string(), 0, Diagnostic::Severity::error, ec.message()});
    return out;
  }
  scan_folder(canonical_root / url_folder.substr(1), canonical_root, url_folder, out, one_level);
  return out;
}

} // namespace

CapsuleFiles scan_capsule_files(const fs::path& root) { return scan_from(root, "/", false); }

CapsuleFiles scan_capsule_folder(const fs::path& root, const std::string& url_folder) {
  return scan_from(root, url_folder, true);
}

} // namespace gazette
