#include "log.hpp"

#include <cerrno>
#include <string>
#include <unistd.h>

namespace gazette {

void write_line(int fd, std::string_view line) {
  std::string buffer;
  buffer.reserve(line.size() + 1);
  buffer.append(line);
  buffer += '\n';
  std::string_view rest(buffer);
  while (!rest.empty()) {
    ssize_t written = ::write(fd, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return; // nowhere left to report it
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
}

} // namespace gazette
