#include "snapshot_builder.hpp"

#include "capsule_files.hpp"
#include "gemini_site.hpp"

namespace gazette {

BuiltSnapshot build_snapshot(const Config& config) {
  BuiltSnapshot built;
  auto snapshot = std::make_shared<Snapshot>();
  CapsuleFiles files = scan_capsule_files(config.capsule);
  built.diagnostics = files.skipped;
  add_static_gemini_resources(*snapshot, files, "");
  built.snapshot = std::move(snapshot);
  return built;
}

} // namespace gazette
