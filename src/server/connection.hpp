// One connection, for every protocol: admit the client, read its request,
// answer it from the snapshot, send the answer (streaming a large file),
// close, and log. A protocol's front end (gemini_front_end.hpp,
// gopher_front_end.hpp) supplies its stream, how a request line ends, the
// pure function that answers it, the work an answer may ask for first (the
// newsroom's, on Gemini), and how the connection closes. An answer may also
// ask for a body of N bytes after the request line (a Titan upload): the
// loop reads it and asks again.
#pragma once
#include "net/access_log.hpp"
#include "net/client_admission.hpp"
#include "net/client_limits.hpp"
#include "net/connection_deadlines.hpp"
#include "net/connection_limit.hpp"
#include "net/connection_origin.hpp"
#include "net/file_streaming.hpp"
#include "net/response_writing.hpp"
#include "snapshot/answer.hpp"
#include "snapshot/snapshot_store.hpp"

#include <array>
#include <asio/awaitable.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/thread_pool.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

// What every connection shares, whatever its protocol.
struct ConnectionServices {
  SnapshotStore& snapshots;
  ClientLimits& clients;
  AccessLog& access_log;
  std::shared_ptr<ConnectionDeadlines> deadlines;
  // The newsroom's file work runs here: one thread, so changes are made one
  // at a time and never stall a thread that serves connections.
  asio::thread_pool::executor_type newsroom_work;
  std::function<void()> capsule_changed; // asks for a reload at once
};

// `slot` is held until the connection ends.
template <typename FrontEnd>
asio::awaitable<void> serve_connection(const ConnectionServices& services, asio::ip::tcp::socket socket,
                                       ConnectionOrigin origin, [[maybe_unused]] ConnectionLimit::Slot slot) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  std::string client = origin.peer.to_string();

  const std::shared_ptr<const Snapshot> snapshot = services.snapshots.current();
  const Config& config = *snapshot->config;
  const auto connection = FrontEnd::open(services.deadlines, std::move(socket), *snapshot);
  connection->arm(config.request_timeout);

  const auto admitted = co_await admit_client(*connection, FrontEnd::proxy_protocol(config), services.clients, client);
  if (!admitted || !co_await FrontEnd::start(connection->stream)) {
    connection->disarm();
    co_return; // refused, or no request could be made: nothing to answer or log
  }

  std::array<char, FrontEnd::max_request_bytes> buffer;
  std::size_t received = 0;
  FramedRequest framed;
  std::error_code ec;
  while (framed.state == Framing::need_more && received < buffer.size()) {
    received += co_await read_some_now(connection->stream,
                                       asio::buffer(buffer.data() + received, buffer.size() - received), ec);
    if (ec) break;
    framed = FrontEnd::frame({buffer.data(), received});
  }
  if (framed.state == Framing::need_more && received == buffer.size()) framed.state = Framing::too_long;
  if (framed.state == Framing::need_more && !connection->timed_out) {
    connection->disarm();
    co_return; // the client went away before finishing its request
  }
  ec.clear(); // how the reading ended is in `framed`; what follows is the answer

  ReceivedRequest request{framed.state, {buffer.data(), framed.state == Framing::complete ? framed.line_length : received}};
  const Client asking{origin.local_port, admitted->slow_down(), FrontEnd::client_certificate(connection->stream)};
  Answer answer = FrontEnd::answer(*snapshot, request, asking);

  // What came after the request line begins a body.
  const std::size_t line_end = std::min(framed.line_length + 2, received);
  // A client that declared a body may send more than it declared.
  const bool body_declared = answer.body_bytes > 0 || answer.unread_body > 0;
  std::string body;
  if (answer.body_bytes > 0) {
    // The rest of it must come within one request timeout.
    body.assign(buffer.data() + line_end, std::min<std::size_t>(received - line_end, answer.body_bytes));
    std::size_t got = body.size();
    body.resize(answer.body_bytes);
    connection->arm(config.request_timeout);
    while (got < body.size()) {
      got += co_await read_some_now(connection->stream, asio::buffer(body.data() + got, body.size() - got), ec);
      if (ec) break;
    }
    ec.clear();
    body.resize(got);
    request.body_state = got == answer.body_bytes ? BodyState::complete : BodyState::incomplete;
    request.body = body;
    answer = FrontEnd::answer(*snapshot, request, asking);
  }
  if (answer.unread_body > 0) {
    std::uint64_t left = answer.unread_body - std::min<std::uint64_t>(answer.unread_body, received - line_end);
    std::vector<char> dropped(std::min<std::uint64_t>(left, 16 * 1024));
    connection->arm(config.request_timeout);
    while (left > 0) {
      left -= co_await read_some_now(connection->stream, asio::buffer(dropped.data(), std::min<std::uint64_t>(left, dropped.size())), ec);
      if (ec) break;
    }
    ec.clear();
  }
  // A search just after a start waits for its index, asking each snapshot
  // swapped in meanwhile, until the request's time is up.
  std::shared_ptr<const Snapshot> answered_from = snapshot;
  if (answer.not_ready) {
    connection->disarm();
    asio::steady_timer pause(co_await asio::this_coro::executor);
    for (const auto until = Clock::now() + config.request_timeout; answer.not_ready && Clock::now() < until;) {
      pause.expires_after(std::chrono::milliseconds(20));
      co_await pause.async_wait(asio::use_awaitable);
      answered_from = services.snapshots.current();
      answer = FrontEnd::answer(*answered_from, request, asking);
    }
  }
  if (answer.task) {
    connection->disarm();
    answer = co_await FrontEnd::carry_out(services, snapshot, std::move(answer));
  }

  // Opened before anything is sent, so a file that cannot be read is
  // answered as not found rather than as a success with no body.
  std::optional<FileDescriptor> file;
  const std::filesystem::path& streamed = answer.resource ? answer.resource->streamed_file : answer.streamed_file;
  if (!streamed.empty()) {
    file.emplace(open_streamed_file(streamed));
    if (file->get() < 0) answer = FrontEnd::not_found(request.text);
  }

  std::uint64_t sent = 0;
  connection->arm(config.request_timeout);
  // Chosen before any co_await, and two statements, not a conditional
  // expression: GCC 12 miscompiles co_await next to ?:.
  const std::string_view first = answer.resource ? answer.resource->bytes.piece(0) : std::string_view(answer.made);
  if (answer.resource && answer.resource->bytes.piece_count() > 1)
    sent += co_await write_pieces(connection->stream, answer.resource->bytes, ec);
  else sent += co_await write_all(connection->stream, asio::buffer(first), ec);
  if (!ec && file && file->get() >= 0) sent += co_await stream_file(*connection, *file, config.request_timeout, ec);

  // The deadline armed for the answer's last write also bounds the close.
  const bool input_left = request.state == Framing::too_long || received > line_end || body_declared;
  if (!ec) co_await FrontEnd::finish(connection->stream, request.state == Framing::need_more, input_left);
  connection->disarm();
  services.access_log.record(client, answer.status, FrontEnd::logged_request({buffer.data(), request.text.size()}), sent,
                             Clock::now() - started);
}

} // namespace gazette
