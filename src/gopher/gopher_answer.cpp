#include "gopher/gopher_answer.hpp"

#include "gopher/gopher_documents.hpp"
#include "gopher/gopher_request.hpp"
#include "gopher/search_results.hpp"
#include "text/xml_escape.hpp"

#include <fmt/format.h>

namespace gazette {

namespace {

Answer made(std::string bytes, std::string status = "3") {
  Answer answer;
  answer.made = std::move(bytes);
  answer.status = std::move(status);
  return answer;
}

Answer error(std::string_view message) { return made(gopher_error_menu(message)); }

// A browser pointed at the Gopher port gets a page that says where it is.
std::string http_answer(const GopherSettings& settings, std::string_view path) {
  const std::string url = fmt::format("gopher://{}:{}/1{}", settings.host, settings.port, path == "/" ? "" : path);
  const std::string body = fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>A Gopher server</title></head>\n"
      "<body><p>This is a Gopher server. Open <a href=\"{0}\">{0}</a> with a Gopher client.</p></body></html>\n",
      xml_escape(url));
  return fmt::format("HTTP/1.0 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n"
                     "Connection: close\r\n\r\n{}",
                     body.size(), body);
}

// Clients differ on whether a selector starts with "/"; both find the same item.
std::string snapshot_key(std::string_view selector) {
  if (selector.empty()) return "/";
  if (selector.starts_with('/') || selector.starts_with("URL:")) return std::string(selector);
  std::string key = "/";
  key += selector;
  return key;
}

} // namespace

Answer gopher_not_found(std::string_view selector) { return error(fmt::format("Not found: {}", selector)); }

Answer answer_gopher(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
  switch (request.state) {
  case Framing::too_long: return error("Selector is longer than 1024 bytes");
  case Framing::need_more: return error("Request timed out; send a selector and CRLF");
  case Framing::complete: break;
  }
  auto parsed = parse_gopher_request(request.text);
  if (client.slow_down) return error(fmt::format("Too many requests; try again in {} seconds", client.slow_down->count()));
  if (auto* http = std::get_if<HttpRequest>(&parsed)) return made(http_answer(snapshot.config->gopher, http->path), "HTTP");
  if (auto* refusal = std::get_if<GopherRefusal>(&parsed)) return error(refusal->message);

  const auto& asked = std::get<GopherRequest>(parsed);
  const std::string key = snapshot_key(asked.selector);
  if (key == search_path && snapshot.search_pending) return not_ready(error(search_not_ready));
  if (key == search_path && snapshot.search) return made(gopher_search_response(snapshot, asked.search), "1");
  if (key.starts_with("URL:") && snapshot.outside_links.contains(std::string_view(key).substr(4)))
    if (auto page = url_redirect_page(std::string_view(key).substr(4))) return made(std::move(*page), "ok");
  const Resource* resource = Snapshot::find(snapshot.gopher, key);
  // A menu asked for without its closing slash ("/world"), as Gemini
  // answers it with a redirect.
  if (!resource && !key.ends_with('/') && key.starts_with('/')) resource = Snapshot::find(snapshot.gopher, key + "/");
  if (!resource) return gopher_not_found(asked.selector);
  Answer answer;
  answer.resource = resource;
  answer.status = "ok";
  return answer;
}

} // namespace gazette
