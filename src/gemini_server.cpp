#include "gemini_server.hpp"

#include "gemini_request.hpp"
#include "gemini_site.hpp"
#include "client_admission.hpp"
#include "file_streaming.hpp"
#include "response_writing.hpp"
#include "tls_stream.hpp"

#include <array>
#include <asio/ssl/context.hpp>

namespace gazette {

namespace {

using asio::ip::tcp;
using std::chrono::steady_clock;

using GeminiConnection = GuardedStream<TlsStream>;

} // namespace

asio::awaitable<void> GeminiServer::serve(tcp::socket socket, ConnectionOrigin origin,
                                          [[maybe_unused]] ConnectionLimit::Slot slot) {
  const auto started = steady_clock::now();
  std::error_code ec;
  std::string client = address_text(origin.peer);

  // A response longer than one send (see tls_stream.hpp) ends with a short
  // one, which Nagle's algorithm would hold back until the client has
  // acknowledged the rest. (Gopher writes its answer whole and closes, which
  // sends everything.)
  socket.set_option(tcp::no_delay(true), ec);

  const std::shared_ptr<const Snapshot> snapshot = snapshots_.current();
  const Config& config = *snapshot->config;
  auto connection = std::make_shared<GeminiConnection>(deadlines_, std::move(socket), snapshot->tls->native_handle());
  auto& stream = connection->stream;
  connection->arm(config.request_timeout);

  const auto admitted = co_await admit_client(*connection, config.gemini.proxy_protocol, clients_, client);
  if (!admitted) {
    connection->disarm();
    co_return; // closed before any TLS work
  }

  co_await stream.handshake(ec);
  if (ec) {
    connection->disarm();
    co_return; // no request was made; nothing to answer or log
  }

  std::array<char, max_gemini_url_bytes + 2> buffer;
  std::size_t received = 0;
  FramedRequest framed{RequestFraming::need_more};
  while (framed.state == RequestFraming::need_more) {
    received += co_await stream.read_some(asio::buffer(buffer.data() + received, buffer.size() - received), ec);
    if (ec) break;
    framed = frame_gemini_request({buffer.data(), received});
  }
  ec.clear(); // how the reading ended is in `framed`; what follows is the answer

  std::string answer; // an answer made for this request: a refusal or search results
  const GeminiResource* resource = nullptr;
  std::string_view request_text(buffer.data(), framed.state == RequestFraming::complete ? framed.line_length : received);

  switch (framed.state) {
  case RequestFraming::complete: {
    if (auto wait = admitted->slow_down()) {
      answer = gemini_header(44, std::to_string(wait->count()));
      break;
    }
    auto parsed = parse_gemini_request(request_text, {config.hostnames, origin.local_port});
    if (auto* bad = std::get_if<GeminiRefusal>(&parsed)) {
      answer = gemini_header(bad->status, bad->meta);
      break;
    }
    const auto& request = std::get<GeminiRequest>(parsed);
    if (request.path == search_path && !request.query.empty() && snapshot->search) {
      answer = snapshot->search->gemini_response(request.query_text);
      break;
    }
    resource = snapshot->find_gemini(request.path);
    if (!resource) answer = snapshot->gemini_not_found;
    break;
  }
  case RequestFraming::too_long:
    answer = gemini_header(59, "Request is longer than 1024 bytes");
    break;
  case RequestFraming::need_more:
    if (!connection->timed_out) {
      connection->disarm();
      co_return; // the client went away before finishing its request
    }
    answer = gemini_header(59, "Request timed out; send the URL and CRLF");
    break;
  }

  std::optional<FileDescriptor> file;
  if (resource && !resource->streamed_file.empty()) {
    file.emplace(open_streamed_file(resource->streamed_file));
    if (file->get() < 0) {
      resource = nullptr;
      answer = snapshot->gemini_not_found;
    }
  }
  std::uint64_t sent = 0;
  connection->arm(config.request_timeout);
  // Chosen before any co_await, and two statements, not a conditional
  // expression: GCC 12 miscompiles co_await next to ?:.
  const std::string_view first = resource ? resource->response.piece(0) : std::string_view(answer);
  if (resource && resource->response.piece_count() > 1) sent += co_await write_pieces(stream, resource->response, ec);
  else sent += co_await write_all(stream, asio::buffer(first), ec);

  if (!ec && resource && !resource->streamed_file.empty())
    sent += co_await stream_file(*connection, *file, config.request_timeout, ec);

  // The deadline armed for the response's last write also bounds the close.
  // A client whose request timed out is not waited for (see shutdown).
  auto client_close_notify = TlsStream::ClientCloseNotify::wait;
  if (framed.state == RequestFraming::need_more) client_close_notify = TlsStream::ClientCloseNotify::skip;
  if (!ec) co_await stream.shutdown(ec, client_close_notify);
  connection->disarm();

  access_log_.record(client, first.substr(0, 2), request_text, sent, steady_clock::now() - started);
}

} // namespace gazette
