#include "base/file_text.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gazette {

std::optional<std::string> read_file_text(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  std::string text;
  // The size is a hint: a file that grows meanwhile is read to its end.
  if (::fstat(fd, &info) == 0 && info.st_size > 0) text.resize(static_cast<std::size_t>(info.st_size));
  std::size_t filled = 0;
  char more[4096];
  for (;;) {
    // Into the string while it has room, then through `more`: a file that
    // grew since fstat is read to its end without guessing its size again.
    const bool room = filled < text.size();
    const ssize_t got = room ? ::read(fd, text.data() + filled, text.size() - filled) : ::read(fd, more, sizeof more);
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
  }
  ::close(fd);
  text.resize(filled);
  return text;
}

} // namespace gazette
