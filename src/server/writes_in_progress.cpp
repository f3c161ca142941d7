#include "server/writes_in_progress.hpp"

namespace gazette {

void WritesInProgress::started(const std::string& path) {
  std::lock_guard lock(mutex_);
  if (files_.insert(path).second) ++starts_;
}

void WritesInProgress::finished(std::string_view path) {
  std::lock_guard lock(mutex_);
  if (auto found = files_.find(path); found != files_.end()) files_.erase(found);
}

void WritesInProgress::forget_all() {
  std::lock_guard lock(mutex_);
  files_.clear();
}

WritesInProgress::State WritesInProgress::now() const {
  std::lock_guard lock(mutex_);
  return {files_, starts_};
}

} // namespace gazette
