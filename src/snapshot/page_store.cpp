#include "snapshot/page_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

namespace gazette {

namespace {

// The file grows and is mapped this much at a time. A page never straddles
// two segments; one larger than a segment stays on the heap.
constexpr std::uint64_t segment_size = 64 * 1024 * 1024;

// Writes every byte of `pieces` at `offset` in one call where it can.
bool write_all(int fd, std::vector<iovec> pieces, std::uint64_t offset) {
  std::size_t first = 0;
  for (;;) {
    while (first < pieces.size() && pieces[first].iov_len == 0) ++first;
    if (first == pieces.size()) return true;
    const ssize_t wrote = ::pwritev(fd, pieces.data() + first, static_cast<int>(pieces.size() - first),
                                    static_cast<off_t>(offset));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    offset += static_cast<std::uint64_t>(wrote);
    for (auto left = static_cast<std::size_t>(wrote); left > 0 && first < pieces.size();) {
      iovec& piece = pieces[first];
      const std::size_t taken = std::min(left, piece.iov_len);
      piece.iov_base = static_cast<char*>(piece.iov_base) + taken;
      piece.iov_len -= taken;
      left -= taken;
      if (piece.iov_len == 0) ++first;
    }
  }
}

std::vector<SharedBytes> on_the_heap(const std::vector<std::string_view>& pages) {
  std::vector<SharedBytes> kept;
  for (std::string_view page : pages) kept.emplace_back(std::string(page));
  return kept;
}

} // namespace

struct PageStore::File {
  int fd = -1;
  ~File() {
    if (fd >= 0) ::close(fd);
  }
};

struct PageStore::Segment {
  std::shared_ptr<File> file;
  const char* base = nullptr;
  std::uint64_t offset = 0; // of base in the file
  std::uint64_t used = 0;   // bytes handed out from base
  ~Segment() {
    if (base) ::munmap(const_cast<char*>(base), segment_size);
  }
};

std::shared_ptr<PageStore> PageStore::open(const std::filesystem::path& folder, std::string& error) {
  auto file = std::make_shared<File>();
  file->fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (file->fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  return std::shared_ptr<PageStore>(new PageStore(folder, std::move(file)));
}

PageStore::~PageStore() = default;

std::uint64_t PageStore::bytes_written() const {
  std::lock_guard lock(mutex_);
  return used_;
}

std::vector<SharedBytes> PageStore::keep(const std::vector<std::string_view>& pages) {
  std::uint64_t size = 0;
  for (std::string_view page : pages) size += page.size();
  if (size == 0 || size > segment_size) return on_the_heap(pages);
  std::shared_ptr<Segment> segment;
  std::uint64_t at = 0;
  {
    std::lock_guard lock(mutex_);
    if (!current_ || current_->used + size > segment_size) {
      const std::uint64_t offset = current_ ? current_->offset + segment_size : 0;
      if (::ftruncate(file_->fd, static_cast<off_t>(offset + segment_size)) != 0) return on_the_heap(pages);
      void* base = ::mmap(nullptr, segment_size, PROT_READ, MAP_SHARED, file_->fd, static_cast<off_t>(offset));
      if (base == MAP_FAILED) return on_the_heap(pages);
      auto next = std::make_shared<Segment>();
      next->file = file_;
      next->base = static_cast<const char*>(base);
      next->offset = offset;
      current_ = std::move(next);
    }
    segment = current_;
    at = segment->used;
    segment->used += size;
    used_ += size;
  }
  // Written, not copied through the mapping: the pages then count as the
  // kernel's cache, not as the server's memory, until a reader asks for them.
  std::vector<iovec> pieces;
  for (std::string_view page : pages) pieces.push_back({const_cast<char*>(page.data()), page.size()});
  if (!write_all(segment->file->fd, std::move(pieces), segment->offset + at)) return on_the_heap(pages);
  std::vector<SharedBytes> kept;
  for (std::string_view page : pages) {
    const std::string_view bytes(segment->base + at, page.size());
    kept.push_back(page.empty() ? SharedBytes() : SharedBytes::view(bytes, segment));
    at += page.size();
  }
  return kept;
}

} // namespace gazette
