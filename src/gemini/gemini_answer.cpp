#include "gemini/gemini_answer.hpp"

#include "gemini/gemini_request.hpp"
#include "gemini/gemini_response.hpp"
#include "gemini/newsroom_answers.hpp"
#include "gemini/search_results.hpp"
#include "gemini/titan_request.hpp"

#include <variant>

namespace gazette {

Answer made_gemini_answer(std::string response) {
  Answer answer;
  answer.status = response.substr(0, 2);
  answer.made = std::move(response);
  return answer;
}

Answer gemini_status(int status, std::string_view meta) { return made_gemini_answer(gemini_header(status, meta)); }

Answer gemini_not_found() { return gemini_status(51, "Not found"); }

Answer answer_gemini(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  switch (request.state) {
  case Framing::too_long: return gemini_status(59, "Request is longer than 1024 bytes");
  case Framing::need_more: return gemini_status(59, "Request timed out; send the URL and CRLF");
  case Framing::complete: break;
  }
  if (client.slow_down) return gemini_status(44, std::to_string(client.slow_down->count()));
  if (is_titan_request(request.text)) return answer_titan(snapshot, request, client);

  auto parsed = parse_gemini_request(request.text, {snapshot.config->hostnames, client.local_port});
  if (auto* refusal = std::get_if<GeminiRefusal>(&parsed)) return gemini_status(refusal->status, refusal->meta);
  const auto& asked = std::get<GeminiRequest>(parsed);
  if (auto newsroom = answer_newsroom(snapshot, asked, client)) return std::move(*newsroom);
  if (asked.path == search_path && !asked.query.empty()) {
    if (snapshot.search_pending) return not_ready(gemini_status(41, search_not_ready));
    if (snapshot.search) return made_gemini_answer(gemini_search_response(snapshot, asked.query_text));
  }
  const Resource* resource = Snapshot::find(snapshot.gemini, asked.path);
  if (!resource) return gemini_not_found();
  Answer answer;
  answer.resource = resource;
  answer.status = std::string(resource->bytes.piece(0).substr(0, 2));
  return answer;
}

} // namespace gazette
