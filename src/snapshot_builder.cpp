#include "snapshot_builder.hpp"

#include "capsule_files.hpp"
#include "gemini_site.hpp"
#include "gopher_site.hpp"

namespace gazette {

BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             const ArticleCache* previous) {
  BuiltSnapshot built;
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->config = config;
  snapshot->tls = std::move(tls);

  CapsuleFiles files = scan_capsule_files(config->capsule);
  built.diagnostics = files.skipped;
  LoadedPublication loaded = load_publication(config->capsule, previous);
  built.diagnostics.insert(built.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  built.cache = std::move(loaded.cache);

  const std::string lang = loaded.publication ? loaded.publication->site.lang : "";
  add_static_gemini_resources(*snapshot, files, lang);
  if (loaded.publication) {
    add_publication_gemini_resources(*snapshot, *loaded.publication, loaded.redirects, gemini_base_url(*config));
    snapshot->search = std::make_shared<SearchPages>(*loaded.publication, gopher_style(config->gopher));
  }
  add_gopher_resources(*snapshot, files, loaded.publication.get(), config->gopher);
  built.snapshot = std::move(snapshot);
  return built;
}

} // namespace gazette
