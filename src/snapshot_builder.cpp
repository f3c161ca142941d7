#include "snapshot_builder.hpp"

#include "capsule_files.hpp"
#include "gemini_site.hpp"
#include "gopher_site.hpp"
#include "publication_loader.hpp"

namespace gazette {

BuiltSnapshot build_snapshot(const Config& config) {
  BuiltSnapshot built;
  auto snapshot = std::make_shared<Snapshot>();
  CapsuleFiles files = scan_capsule_files(config.capsule);
  built.diagnostics = files.skipped;
  LoadedPublication loaded = load_publication(config.capsule);
  built.diagnostics.insert(built.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());

  const std::string lang = loaded.publication ? loaded.publication->site.lang : "";
  add_static_gemini_resources(*snapshot, files, lang);
  if (loaded.publication) add_publication_gemini_resources(*snapshot, *loaded.publication, loaded.redirects);
  add_gopher_resources(*snapshot, files, loaded.publication.get(), config.gopher);
  built.snapshot = std::move(snapshot);
  return built;
}

} // namespace gazette
