#include "gemini/gemini_answer.hpp"

#include "gemini/gemini_request.hpp"
#include "gemini/gemini_response.hpp"
#include "gemini/newsroom_answers.hpp"
#include "gemini/search_results.hpp"
#include "gemini/titan_request.hpp"

#include <variant>

namespace gazette {

namespace {

Answer made(std::string bytes) {
  Answer answer;
  answer.status = bytes.substr(0, 2);
  answer.made = std::move(bytes);
  return answer;
}

} // namespace

Answer gemini_not_found() { return made(gemini_header(51, "Not found")); }

Answer answer_gemini(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  switch (request.state) {
  case Framing::too_long: return made(gemini_header(59, "Request is longer than 1024 bytes"));
  case Framing::need_more: return made(gemini_header(59, "Request timed out; send the URL and CRLF"));
  case Framing::complete: break;
  }
  if (client.slow_down) return made(gemini_header(44, std::to_string(client.slow_down->count())));
  if (is_titan_request(request.text)) return answer_titan(snapshot, request, client);

  auto parsed = parse_gemini_request(request.text, {snapshot.config->hostnames, client.local_port});
  if (auto* refusal = std::get_if<GeminiRefusal>(&parsed)) return made(gemini_header(refusal->status, refusal->meta));
  const auto& asked = std::get<GeminiRequest>(parsed);
  if (auto newsroom = answer_newsroom(snapshot, asked, client)) return std::move(*newsroom);
  if (asked.path == search_path && !asked.query.empty() && snapshot.search)
    return made(gemini_search_response(snapshot, asked.query_text));
  const Resource* resource = Snapshot::find(snapshot.gemini, asked.path);
  if (!resource) return gemini_not_found();
  Answer answer;
  answer.resource = resource;
  answer.status = std::string(resource->bytes.piece(0).substr(0, 2));
  return answer;
}

} // namespace gazette
