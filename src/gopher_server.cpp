#include "gopher_server.hpp"

#include "atom_feed.hpp"
#include "client_admission.hpp"
#include "file_streaming.hpp"
#include "gopher_request.hpp"
#include "gopher_site.hpp"
#include "response_writing.hpp"
#include "socket_io.hpp"

#include <array>
#include <fmt/format.h>

namespace gazette {

namespace {

using asio::ip::tcp;
using std::chrono::steady_clock;

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
  return "/" + std::string(selector);
}

} // namespace

asio::awaitable<void> GopherServer::serve(tcp::socket socket, ConnectionOrigin origin,
                                          [[maybe_unused]] ConnectionLimit::Slot slot) {
  const auto started = steady_clock::now();
  std::error_code ec;
  std::string client = address_text(origin.peer);

  const std::shared_ptr<const Snapshot> snapshot = snapshots_.current();
  const Config& config = *snapshot->config;
  auto connection = std::make_shared<GuardedStream<tcp::socket>>(deadlines_, std::move(socket));
  connection->arm(config.request_timeout);

  const auto admitted = co_await admit_client(*connection, config.gopher.proxy_protocol, clients_, client);
  if (!admitted) {
    connection->disarm();
    co_return;
  }

  std::array<char, max_gopher_selector_bytes + 512 + 2> buffer;
  std::size_t received = 0;
  FramedGopherRequest framed{GopherFraming::need_more};
  while (framed.state == GopherFraming::need_more && received < buffer.size()) {
    received += co_await read_some_now(connection->stream, asio::buffer(buffer.data() + received, buffer.size() - received), ec);
    if (ec) break;
    framed = frame_gopher_request({buffer.data(), received});
  }
  if (framed.state == GopherFraming::need_more && received == buffer.size()) framed.state = GopherFraming::too_long;

  const GopherResource* resource = nullptr;
  std::string answer;
  std::string status;
  std::string_view line(buffer.data(), framed.state == GopherFraming::complete ? framed.line_length : received);

  if (framed.state == GopherFraming::too_long) {
    answer = gopher_error_menu("Selector is longer than 1024 bytes");
  } else if (framed.state == GopherFraming::need_more) {
    if (!connection->timed_out) {
      connection->disarm();
      co_return; // the client went away before sending a selector
    }
    answer = gopher_error_menu("Request timed out; send a selector and CRLF");
  } else {
    auto parsed = parse_gopher_request(line);
    if (auto wait = admitted->slow_down()) {
      answer = gopher_error_menu(fmt::format("Too many requests; try again in {} seconds", wait->count()));
    } else if (auto* http = std::get_if<HttpRequest>(&parsed)) {
      answer = http_answer(config.gopher, http->path);
      status = "HTTP";
    } else if (auto* refusal = std::get_if<GopherRefusal>(&parsed)) {
      answer = gopher_error_menu(refusal->message);
    } else {
      const auto& request = std::get<GopherRequest>(parsed);
      const std::string key = snapshot_key(request.selector);
      if (key == search_path && snapshot->search) {
        answer = snapshot->search->gopher_response(request.search);
        status = "1";
      } else {
        resource = snapshot->find_gopher(key);
        if (!resource) answer = gopher_error_menu(fmt::format("Not found: {}", request.selector));
      }
    }
  }
  if (status.empty()) status = resource ? "ok" : "3";

  std::uint64_t sent = 0;
  connection->arm(config.request_timeout);
  std::optional<FileDescriptor> file;
  if (resource && !resource->streamed_file.empty()) {
    file.emplace(open_streamed_file(resource->streamed_file));
    if (file->get() < 0) {
      resource = nullptr;
      status = "3";
      answer = gopher_error_menu(fmt::format("Not found: {}", printable_for_log(line)));
    }
  }
  // Chosen before any co_await, and two statements, not a conditional
  // expression: GCC 12 miscompiles co_await next to ?:.
  const std::string_view whole = resource ? resource->response.piece(0) : std::string_view(answer);
  if (resource && resource->response.piece_count() > 1) sent += co_await write_pieces(connection->stream, resource->response, ec);
  else sent += co_await write_all(connection->stream, asio::buffer(whole), ec);
  if (!ec && resource && !resource->streamed_file.empty())
    sent += co_await stream_file(*connection, *file, config.request_timeout, ec);

  // Closing the socket, when the connection object goes, sends what is left and the FIN.
  connection->disarm();
  access_log_.record(client, status, fmt::format("gopher:{}", line), sent, steady_clock::now() - started);
}

} // namespace gazette
