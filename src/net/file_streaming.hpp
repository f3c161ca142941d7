// Sending a large file in chunks, so no request ever holds a whole file in
// memory, and a reader that stops reading is dropped.
#pragma once
#include "net/guarded_stream.hpp"
#include "net/socket_io.hpp"

#include <asio/awaitable.hpp>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace gazette {

class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

inline constexpr std::size_t file_chunk_bytes = 64 * 1024;

// Opened before the header is sent, so a file that cannot be read is
// answered as not found rather than as a success with no body.
inline int open_streamed_file(const std::filesystem::path& file) {
  return ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
}

// Returns the bytes sent; `ec` holds the first read or write error, so the
// caller ends a cut-short response without a clean close.
template <typename Stream>
asio::awaitable<std::uint64_t> stream_file(GuardedStream<Stream>& connection, const FileDescriptor& fd,
                                           std::chrono::milliseconds write_timeout, std::error_code& ec) {
  std::uint64_t sent = 0;
  std::vector<char> chunk(file_chunk_bytes);
  while (!ec) {
    const ssize_t n = ::read(fd.get(), chunk.data(), chunk.size());
    if (n < 0) ec = std::error_code(errno, std::generic_category());
    if (n <= 0) break;
    connection.arm(write_timeout);
    sent += co_await write_all(connection.stream, asio::buffer(chunk.data(), static_cast<std::size_t>(n)), ec);
  }
  co_return sent;
}

} // namespace gazette
