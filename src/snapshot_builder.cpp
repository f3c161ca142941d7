#include "snapshot_builder.hpp"

#include "capsule_files.hpp"
#include "gemini_site.hpp"
#include "gopher_site.hpp"

#include <future>

namespace gazette {

BuiltSnapshot build_snapshot(std::shared_ptr<const Config> config, std::shared_ptr<asio::ssl::context> tls,
                             const BuiltSnapshot* previous) {
  BuiltSnapshot built;
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->config = config;
  snapshot->tls = std::move(tls);

  CapsuleFiles files = scan_capsule_files(config->capsule);
  built.diagnostics = files.skipped;
  LoadedPublication loaded = load_publication(config->capsule, previous ? &previous->cache : nullptr);
  built.diagnostics.insert(built.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  built.cache = std::move(loaded.cache);

  const std::string lang = loaded.publication ? loaded.publication->site.lang : "";
  add_static_gemini_resources(*snapshot, files, lang);
  RendersByArticle renders;
  if (loaded.publication) {
    renders = render_articles(*loaded.publication, *config, previous ? &previous->renders : nullptr, built.renders);
    // The two sites share only the renders, read-only: each gets a core.
    auto gopher = std::async(std::launch::async, [&] {
      add_gopher_resources(*snapshot, files, loaded.publication.get(), config->gopher, renders);
    });
    add_publication_gemini_resources(*snapshot, *loaded.publication, loaded.redirects, gemini_base_url(*config), renders);
    snapshot->search = std::make_shared<SearchPages>(*loaded.publication, renders, gopher_style(config->gopher));
    gopher.get();
    add_gopher_feeds(*snapshot, config->gopher);
  } else {
    add_gopher_resources(*snapshot, files, nullptr, config->gopher, renders);
  }
  built.snapshot = std::move(snapshot);
  return built;
}

} // namespace gazette
