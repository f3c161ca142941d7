// Gemini's part of a connection: TLS, a URL and CRLF, answer_gemini, the
// newsroom's work for Titan uploads and its pages, and close_notify.
#pragma once
#include "gemini/gemini_answer.hpp"
#include "gemini/gemini_request.hpp"
#include "gemini/titan_request.hpp"
#include "net/client_certificate.hpp"
#include "net/guarded_stream.hpp"
#include "net/tls_stream.hpp"
#include "server/connection.hpp"
#include "server/newsroom_work.hpp"

#include <asio/ssl/context.hpp>

namespace gazette {

struct GeminiFrontEnd {
  using Stream = TlsStream;
  static constexpr std::size_t max_request_bytes = max_gemini_request_bytes;

  static std::shared_ptr<GuardedStream<TlsStream>> open(std::shared_ptr<ConnectionDeadlines> deadlines,
                                                        asio::ip::tcp::socket socket, const Snapshot& snapshot) {
    // A response longer than one send (see tls_stream.hpp) ends with a short
    // one, which Nagle's algorithm would hold back until the client has
    // acknowledged the rest. (Gopher writes its answer whole and closes,
    // which sends everything.)
    std::error_code ignored;
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
    return std::make_shared<GuardedStream<TlsStream>>(std::move(deadlines), std::move(socket),
                                                      snapshot.tls->native_handle());
  }
  static bool proxy_protocol(const Config& config) { return config.gemini.proxy_protocol; }
  static asio::awaitable<bool> start(TlsStream& stream) {
    std::error_code ec;
    co_await stream.handshake(ec);
    co_return !ec;
  }
  static std::optional<ClientCertificate> client_certificate(const TlsStream& stream) {
    return gazette::client_certificate(stream.native_handle());
  }
  static FramedRequest frame(std::string_view received) { return frame_gemini_request(received); }
  static Answer answer(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client) {
    return answer_gemini(snapshot, request, client);
  }
  static asio::awaitable<Answer> carry_out(const ConnectionServices& services, std::shared_ptr<const Snapshot> snapshot,
                                          Answer answer) {
    return carry_out_newsroom_task(services, std::move(snapshot), std::move(answer));
  }
  static Answer not_found(std::string_view) { return gemini_not_found(); }
  // A client whose request timed out is not waited for (see TlsStream::shutdown).
  // Waiting for the client's close_notify reads whatever else it sent, so
  // unread input never turns the close into a reset here.
  static asio::awaitable<void> finish(TlsStream& stream, bool request_timed_out, bool) {
    std::error_code ec;
    co_await stream.shutdown(ec, request_timed_out ? TlsStream::ClientCloseNotify::skip : TlsStream::ClientCloseNotify::wait);
  }
  // The line as received, but a Titan token (see mask_titan_token).
  static std::string_view logged_request(std::span<char> line) {
    mask_titan_token(line);
    return {line.data(), line.size()};
  }
};

} // namespace gazette
