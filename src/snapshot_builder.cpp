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

  // Listing the capsule's static files and loading the publication only
  // read the disk, and the load leaves a core idle between its parallel steps.
  auto scan = std::async(std::launch::async, [&] { return scan_capsule_files(config->capsule); });
  LoadedPublication loaded = load_publication(config->capsule, previous ? &previous->cache : nullptr);
  CapsuleFiles files = scan.get();
  built.diagnostics = files.skipped;
  built.diagnostics.insert(built.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  built.cache = std::move(loaded.cache);

  const std::string lang = loaded.publication ? loaded.publication->site.lang : "";
  add_static_gemini_resources(*snapshot, files, lang);
  RendersByArticle renders;
  if (loaded.publication) {
    renders = render_articles(*loaded.publication, *config, previous ? &previous->renders : nullptr, built.renders);
    // The two sites and the search index share only the renders, read-only,
    // and each fills its own part of the snapshot: they are built side by side.
    auto gopher = std::async(std::launch::async, [&] {
      add_gopher_resources(*snapshot, files, loaded.publication.get(), config->gopher, renders);
    });
    auto search = std::async(std::launch::async, [&] {
      return std::make_shared<SearchPages>(*loaded.publication, renders, gopher_style(config->gopher));
    });
    add_publication_gemini_resources(*snapshot, *loaded.publication, loaded.redirects, gemini_base_url(*config), renders);
    snapshot->search = search.get();
    gopher.get();
    add_gopher_feeds(*snapshot, config->gopher);
  } else {
    add_gopher_resources(*snapshot, files, nullptr, config->gopher, renders);
  }
  built.snapshot = std::move(snapshot);
  return built;
}

} // namespace gazette
