#include "spartan/spartan_answer.hpp"

#include "spartan/search_results.hpp"
#include "spartan/spartan_request.hpp"
#include "spartan/spartan_response.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <variant>

namespace gazette {

namespace {

// A refused body is read and dropped up to this much, so that the client
// hears the answer; beyond it the connection is simply closed.
constexpr std::uint64_t max_dropped_body = 1024 * 1024;

Answer made(std::string bytes) {
  Answer answer;
  answer.status = bytes.substr(0, 1);
  answer.made = std::move(bytes);
  return answer;
}

Answer client_error(std::string_view message, std::uint64_t unread_body = 0) {
  Answer answer = made(spartan_header(4, message));
  answer.unread_body = std::min(unread_body, max_dropped_body);
  return answer;
}

Answer search(const Snapshot& snapshot, const ReceivedRequest& request, const SpartanRequest& asked) {
  if (asked.content_length > max_spartan_query_bytes)
    return client_error(fmt::format("Search words are longer than {} bytes", max_spartan_query_bytes),
                        asked.content_length);
  std::string_view words = asked.query;
  if (asked.content_length > 0) {
    if (request.body_state == BodyState::not_read) {
      Answer read_first;
      read_first.body_bytes = asked.content_length;
      return read_first;
    }
    if (request.body_state == BodyState::incomplete)
      return client_error(fmt::format("The body ended before its content length of {} bytes", asked.content_length));
    words = request.body;
  }
  if (!is_valid_utf8(words)) return client_error("Search words are not valid UTF-8");
  if (words.empty()) {
    // Nothing posted: the page with the prompt line.
    const Resource* prompt = Snapshot::find(snapshot.spartan, std::string(search_path));
    if (!prompt) return spartan_not_found();
    Answer answer;
    answer.resource = prompt;
    answer.status = "2";
    return answer;
  }
  if (snapshot.search_pending) return not_ready(made(spartan_header(5, search_not_ready)));
  return made(spartan_search_response(snapshot, words, snapshot.config->spartan.ascii));
}

} // namespace

Answer spartan_not_found() { return client_error("Not found"); }

Answer answer_spartan(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  switch (request.state) {
  case Framing::too_long: return client_error(fmt::format("Request line is longer than {} bytes", max_spartan_line_bytes));
  case Framing::need_more: return client_error("Request timed out; send \"host path content-length\" and CRLF");
  case Framing::complete: break;
  }
  auto parsed = parse_spartan_request(request.text);
  if (auto* refusal = std::get_if<SpartanRefusal>(&parsed)) return client_error(refusal->message);
  const auto& asked = std::get<SpartanRequest>(parsed);
  if (client.slow_down)
    return client_error(fmt::format("Too many requests; try again in {} seconds", client.slow_down->count()),
                        asked.content_length);

  if (asked.path == search_path && (snapshot.search || snapshot.search_pending)) return search(snapshot, request, asked);
  if (asked.content_length > 0)
    return client_error(fmt::format("{} takes no input; send a content length of 0", asked.path), asked.content_length);
  const Resource* resource = Snapshot::find(snapshot.spartan, asked.path);
  if (!resource) return spartan_not_found();
  Answer answer;
  answer.resource = resource;
  answer.status = std::string(resource->bytes.piece(0).substr(0, 1));
  return answer;
}

} // namespace gazette
