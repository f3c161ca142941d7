// A static file's bytes (a photo, a document: anything served as it is),
// read once for every protocol's answer to share: each protocol adds its
// own header, or none, in front of the same bytes.
#pragma once
#include "content/capsule_files.hpp"
#include "snapshot/shared_bytes.hpp"

#include <vector>

namespace gazette {

// The file's bytes; none for a file over max_in_memory_file, which each
// protocol streams from the disk when asked for it.
SharedBytes read_static_file(const StaticFile& file);

// Each of `files.files`' bytes, in its order.
std::vector<SharedBytes> read_static_files(const CapsuleFiles& files);

} // namespace gazette
