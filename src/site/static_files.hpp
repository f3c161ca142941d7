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
#include <vector>

namespace gazette {

// The file's bytes, in `store` when there is one, else on the heap; none
// for a file over max_in_memory_file, which each protocol streams from the
// disk when asked for it.
SharedBytes read_static_file(const StaticFile& file, PageStore* store);

// Each of `files.files`' bytes, in its order.
std::vector<SharedBytes> read_static_files(const CapsuleFiles& files, PageStore* store);

std::uint64_t static_bytes(const std::vector<SharedBytes>& bytes);

} // namespace gazette
