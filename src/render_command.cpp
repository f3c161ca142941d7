#include "commands.hpp"
#include "config.hpp"
#include "request_path.hpp"
#include "gopher_site.hpp"
#include "snapshot_builder.hpp"

#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace gazette {

namespace {

int render_gopher(const Snapshot& snapshot, const std::string& selector) {
  const GopherResource* resource = snapshot.find_gopher(selector.empty() ? "/" : selector);
  if (!resource) {
    std::cerr << gopher_error_menu("Not found: " + selector);
    return exit_failure;
  }
  std::cout << resource->response.joined();
  if (!resource->streamed_file.empty()) std::cout << std::ifstream(resource->streamed_file, std::ios::binary).rdbuf();
  std::cout.flush();
  return exit_ok;
}

} // namespace

int render_command(const std::filesystem::path& config_file, const std::string& url_path, bool gopher) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) fmt::print(stderr, "{}\n", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;

  // The process ends once the page is printed, so the snapshot is never
  // freed: the system takes it back at once, where freeing a large capsule's
  // millions of pieces one by one takes a good part of a second. It stays
  // reachable from here, so leak checkers do not count it.
  static const BuiltSnapshot* kept = nullptr;
  kept = new BuiltSnapshot(build_snapshot(std::make_shared<const Config>(loaded.config), nullptr));
  const BuiltSnapshot& built = *kept;
  for (const auto& diagnostic : built.diagnostics) fmt::print(stderr, "{}\n", diagnostic.to_string());

  if (gopher) return render_gopher(*built.snapshot, url_path);

  auto path = normalize_request_path(url_path);
  if (auto* refusal = std::get_if<PathRefusal>(&path)) {
    fmt::print(stderr, "59 {}\n", refusal->reason);
    return exit_failure;
  }
  const GeminiResource* resource = built.snapshot->find_gemini(std::get<std::string>(path));
  const std::string response = resource ? resource->response.joined() : built.snapshot->gemini_not_found;
  const std::size_t header_end = response.find("\r\n") + 2;
  std::cerr << response.substr(0, header_end);
  std::cout << response.substr(header_end);
  if (resource && !resource->streamed_file.empty()) std::cout << std::ifstream(resource->streamed_file, std::ios::binary).rdbuf();
  std::cout.flush();
  return resource ? exit_ok : exit_failure;
}

} // namespace gazette
