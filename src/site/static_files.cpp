#include "site/static_files.hpp"

#include "base/file_text.hpp"
#include "snapshot/snapshot.hpp"

#include <string>

namespace gazette {

namespace {

// Files are read a few at a time and each group written to the store in
// one call, so the heap never holds more than a group of them.
constexpr std::size_t group_files = 64;
constexpr std::uint64_t group_bytes = 4 * 1024 * 1024;

void keep(PageStore* store, std::vector<std::string>& texts, std::vector<SharedBytes*>& into) {
  if (store) {
    std::vector<SharedBytes> kept = store->keep(std::vector<std::string_view>(texts.begin(), texts.end()));
    for (std::size_t i = 0; i < into.size(); ++i) *into[i] = std::move(kept[i]);
  } else {
    for (std::size_t i = 0; i < into.size(); ++i) *into[i] = SharedBytes(std::move(texts[i]));
  }
  texts.clear();
  into.clear();
}

} // namespace

SharedBytes read_static_file(const StaticFile& file, PageStore* store) {
  if (file.size > max_in_memory_file) return {};
  std::vector<std::string> texts{read_file_text(file.file).value_or("")};
  SharedBytes bytes;
  std::vector<SharedBytes*> into{&bytes};
  keep(store, texts, into);
  return bytes;
}

std::vector<SharedBytes> read_static_files(const CapsuleFiles& files, PageStore* store, const KeptFiles* kept) {
  std::vector<SharedBytes> bytes(files.files.size());
  std::vector<std::string> texts;
  std::vector<SharedBytes*> into;
  std::uint64_t held = 0;
  for (std::size_t i = 0; i < files.files.size(); ++i) {
    const StaticFile& file = files.files[i];
    if (file.size > max_in_memory_file) continue;
    if (kept)
      if (const auto found = kept->find(file.url_path);
          found != kept->end() && found->second.size == file.size && found->second.version == file.version) {
        bytes[i] = found->second.bytes;
        continue;
      }
    texts.push_back(read_file_text(file.file).value_or(""));
    into.push_back(&bytes[i]);
    held += texts.back().size();
    if (texts.size() == group_files || held >= group_bytes) {
      keep(store, texts, into);
      held = 0;
    }
  }
  keep(store, texts, into);
  return bytes;
}

KeptFiles kept_files(const CapsuleFiles& files, const std::vector<SharedBytes>& bytes) {
  KeptFiles kept;
  kept.reserve(files.files.size());
  for (std::size_t i = 0; i < files.files.size(); ++i)
    if (files.files[i].size <= max_in_memory_file)
      kept.emplace(files.files[i].url_path, KeptFile{files.files[i].size, files.files[i].version, bytes[i]});
  return kept;
}

std::uint64_t static_bytes(const std::vector<SharedBytes>& bytes) {
  std::uint64_t total = 0;
  for (const auto& each : bytes) total += each.size();
  return total;
}

} // namespace gazette
