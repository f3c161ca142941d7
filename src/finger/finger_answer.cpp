#include "finger/finger_answer.hpp"

#include "finger/finger_pages.hpp"
#include "finger/finger_request.hpp"
#include "text/ascii_transliteration.hpp"

#include <fmt/format.h>

namespace gazette {

namespace {

Answer error(const Snapshot& snapshot, std::string_view message) {
  Answer answer;
  const std::string text = fmt::format("{}\nfinger @{} lists the latest stories and the sections.\n", message,
                                       snapshot.config->finger.host);
  answer.made = crlf_lines(snapshot.config->finger.ascii ? to_ascii(text) : text);
  answer.status = "error";
  return answer;
}

} // namespace

Answer finger_not_found(const Snapshot& snapshot, std::string_view name) {
  return error(snapshot, fmt::format("Nothing here is named \"{}\".", name));
}

Answer answer_finger(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  switch (request.state) {
  case Framing::too_long: return error(snapshot, fmt::format("The query is longer than {} bytes.", max_finger_query_bytes));
  case Framing::need_more: return error(snapshot, "The query timed out; send a name, or nothing, and CRLF.");
  case Framing::complete: break;
  }
  if (client.slow_down)
    return error(snapshot, fmt::format("Too many requests; try again in {} seconds.", client.slow_down->count()));
  auto parsed = parse_finger_request(request.text);
  if (auto* refusal = std::get_if<FingerRefusal>(&parsed)) return error(snapshot, refusal->message + ".");
  const auto& asked = std::get<FingerRequest>(parsed);
  const Resource* resource = Snapshot::find(snapshot.finger, asked.name);
  if (!resource) return finger_not_found(snapshot, asked.name);
  Answer answer;
  answer.resource = resource;
  answer.status = "ok";
  return answer;
}

} // namespace gazette
