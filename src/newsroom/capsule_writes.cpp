#include "newsroom/capsule_writes.hpp"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <system_error>
#include <unistd.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(int error, const fs::path& path, std::string_view what) {
  throw std::system_error(error, std::generic_category(), fmt::format("{}: {}", path.string(), what));
}

// The folder's entry for a rename is on disk only once the folder is flushed.
void flush_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

} // namespace

void write_atomically(const fs::path& file, std::string_view bytes) {
  static std::atomic<unsigned> counter{0};
  const fs::path folder = file.parent_path();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) fail(ec.value(), folder, "cannot make the folder");
  // Hidden, and with an editor's temporary suffix: neither served nor loaded
  // while it is written.
  const fs::path temporary =
      folder / fmt::format(".{}.{}-{}.tmp", file.filename().string(), ::getpid(), counter.fetch_add(1));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(errno, temporary, "cannot create");
  int error = 0;
  for (std::string_view rest = bytes; !rest.empty() && !error;) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (!error && ::fsync(fd) != 0) error = errno;
  ::close(fd);
  if (!error && ::rename(temporary.c_str(), file.c_str()) != 0) error = errno;
  if (error) {
    ::unlink(temporary.c_str());
    fail(error, file, "cannot write");
  }
  flush_folder(folder);
}

void remove_file(const fs::path& file) {
  if (::unlink(file.c_str()) != 0) fail(errno, file, "cannot remove");
  flush_folder(file.parent_path());
}

} // namespace gazette
