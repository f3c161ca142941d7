// Where rendered story pages are kept: in an unnamed file, mapped into
// memory, rather than on the heap. A request reads a page through the
// mapping as it would read a string; the kernel keeps the pages readers ask
// for in its cache and may leave the rest of a large archive on disk, so
// the server's own memory does not grow with every story it holds.
//
// A store only grows: a reload writes the pages it renders anew after the
// others. Pages still served keep their part of the file mapped; the file
// goes when the last page of it does.
#pragma once
#include "snapshot/shared_bytes.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

class PageStore {
public:
  // A store in `folder`, which must be on a disk that supports unnamed
  // files (O_TMPFILE); null, with `error` saying why, when it cannot be made.
  static std::shared_ptr<PageStore> open(const std::filesystem::path& folder, std::string& error);

  // `pages` written to the store, one after the other, each as bytes that
  // stay readable as long as they are held. Safe to call from many threads
  // at once. Should the disk refuse them (it is full), they are kept on the
  // heap instead.
  std::vector<SharedBytes> keep(const std::vector<std::string_view>& pages);

  const std::filesystem::path& folder() const { return folder_; }
  std::uint64_t bytes_written() const;

  ~PageStore();
  PageStore(const PageStore&) = delete;
  PageStore& operator=(const PageStore&) = delete;

private:
  struct File; // the descriptor, closed with the last mapping of it
  struct Segment;

  PageStore(std::filesystem::path folder, std::shared_ptr<File> file) : folder_(std::move(folder)), file_(std::move(file)) {}

  std::filesystem::path folder_;
  std::shared_ptr<File> file_;
  mutable std::mutex mutex_;
  std::shared_ptr<Segment> current_; // where new pages go
  std::uint64_t used_ = 0;           // bytes of the file handed out
};

} // namespace gazette
