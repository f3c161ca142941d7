#include "site/static_files.hpp"

#include "base/file_text.hpp"
#include "snapshot/snapshot.hpp"

namespace gazette {

SharedBytes read_static_file(const StaticFile& file) {
  if (file.size > max_in_memory_file) return {};
  return SharedBytes(read_file_text(file.file).value_or(""));
}

std::vector<SharedBytes> read_static_files(const CapsuleFiles& files) {
  std::vector<SharedBytes> bytes;
  bytes.reserve(files.files.size());
  for (const auto& file : files.files) bytes.push_back(read_static_file(file));
  return bytes;
}

} // namespace gazette
