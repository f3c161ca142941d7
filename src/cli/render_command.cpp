#include "cli/commands.hpp"
#include "config/config.hpp"
#include "gemini/gemini_answer.hpp"
#include "gopher/gopher_answer.hpp"
#include "site/snapshot_builder.hpp"

#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace gazette {

namespace {

// What a reader is sent for `request`, through the same routing the server
// uses: the answer's bytes, then a streamed file's.
std::string answer_bytes(const Answer& answer) {
  if (!answer.resource) return answer.made;
  std::string bytes = answer.resource->bytes.joined();
  if (!answer.resource->streamed_file.empty()) {
    std::ifstream file(answer.resource->streamed_file, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  return bytes;
}

} // namespace

int render_command(const std::filesystem::path& config_file, const std::string& request, bool gopher) {
  ConfigResult loaded = load_config(config_file);
  for (const auto& problem : loaded.problems) fmt::print(stderr, "{}\n", format_problem(config_file, problem));
  if (loaded.has_errors()) return exit_bad_config;

  // As a server starts: the pages first, and the search index only when
  // the request waits for it.
  CapsuleReading as_a_start;
  as_a_start.search_later = true;
  // The process ends once the page is printed, so the snapshot is never
  // freed: the system takes it back at once, where freeing a large capsule's
  // millions of pieces one by one takes a good part of a second. It stays
  // reachable from here, so leak checkers do not count it.
  static BuiltSnapshot* kept = nullptr;
  kept = new BuiltSnapshot(
      build_snapshot(std::make_shared<const Config>(loaded.config), nullptr, nullptr, seconds_now(), as_a_start));
  for (const auto& diagnostic : kept->diagnostics) fmt::print(stderr, "{}\n", diagnostic.to_string());
  const auto answer_from = [&](auto answer_protocol, const std::string& text) {
    const Client client{loaded.config.gemini.listen.empty() ? std::uint16_t{1965} : loaded.config.gemini.listen.front().port, {}};
    Answer answer = answer_protocol(*kept->snapshot, {Framing::complete, text}, client);
    if (answer.not_ready) answer = answer_protocol(*complete_search(*kept, *kept->snapshot), {Framing::complete, text}, client);
    return answer;
  };

  if (gopher) {
    const Answer answer = answer_from(answer_gopher, request);
    const bool found = answer.status != "3";
    (found ? std::cout : std::cerr) << answer_bytes(answer);
    return found ? exit_ok : exit_failure;
  }

  // A path is asked for as a client would, on the first host name.
  const std::string url = request.starts_with('/') ? fmt::format("gemini://{}{}", loaded.config.hostnames.front(), request) : request;
  const std::string response = answer_bytes(answer_from(answer_gemini, url));
  const std::size_t header_end = response.find("\r\n") + 2;
  std::cerr << response.substr(0, header_end);
  std::cout << response.substr(header_end);
  std::cout.flush();
  return response.starts_with('1') || response.starts_with('2') || response.starts_with('3') ? exit_ok : exit_failure;
}

} // namespace gazette
