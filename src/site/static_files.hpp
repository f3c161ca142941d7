// A static file's bytes (a photo, a document: anything served as it is),
// read once for every protocol's answer to share: each protocol adds its
// own header, or none, in front of the same bytes. With a page store they
// are kept there, as the stories' pages are, so that a capsule's photos
// cost the kernel's cache, not the server's memory.
#pragma once
#include "content/capsule_files.hpp"
#include "snapshot/page_store.hpp"
#include "snapshot/shared_bytes.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

// The bytes a build holds of each static file, by URL path, with the
// version they were read from: the next whole build takes an unchanged
// file's from here rather than read and store it again.
struct KeptFile {
  std::uint64_t size = 0;
  StaticFile::Version version;
  SharedBytes bytes;
};
using KeptFiles = std::unordered_map<std::string, KeptFile>;

// The file's bytes, in `store` when there is one, else on the heap; none
// for a file over max_in_memory_file, which each protocol streams from the
// disk when asked for it.
SharedBytes read_static_file(const StaticFile& file, PageStore* store);

// Each of `files.files`' bytes, in its order: those `kept` holds of the
// same version (they must be in `store`), the others read.
std::vector<SharedBytes> read_static_files(const CapsuleFiles& files, PageStore* store, const KeptFiles* kept = nullptr);

// The bytes of `files.files`, as read_static_files gave them, by URL path.
KeptFiles kept_files(const CapsuleFiles& files, const std::vector<SharedBytes>& bytes);

std::uint64_t static_bytes(const std::vector<SharedBytes>& bytes);

} // namespace gazette
