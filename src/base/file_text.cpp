#include "base/file_text.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace gazette {

std::optional<std::string> read_file_text(const std::filesystem::path& file, struct stat* info) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat own {};
  if (!info) info = &own;
  std::string text;
  // The size is a hint, with a byte to spare: a file on disk read short
  // past that size has been read to its end, and one that grew meanwhile is
  // read on. (A file that gives no size, as /proc's do, is read until a read
  // finds nothing more.)
  const bool known = ::fstat(fd, info) == 0;
  const std::size_t size = known && S_ISREG(info->st_mode) && info->st_size > 0 ? static_cast<std::size_t>(info->st_size) : 0;
  text.resize(size + 1);
  std::size_t filled = 0;
  char more[4096];
  for (;;) {
    // Into the string while it has room, then through `more`: a file that
    // grew since fstat is read to its end without guessing its size again.
    const bool room = filled < text.size();
    const std::size_t asked = room ? text.size() - filled : sizeof more;
    const ssize_t got = ::read(fd, room ? text.data() + filled : more, asked);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      errno = error;
      return std::nullopt;
    }
    if (got == 0) break;
    if (!room) text.append(more, static_cast<std::size_t>(got));
    filled += static_cast<std::size_t>(got);
    if (size > 0 && filled >= size && static_cast<std::size_t>(got) < asked) break;
  }
  ::close(fd);
  text.resize(filled);
  return text;
}

} // namespace gazette
