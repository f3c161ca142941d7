// What every protocol's connection reads and sends: a request line framed
// from the bytes received, who asked, and the answer chosen for it. Each
// protocol supplies a pure function from (snapshot, request, client) to an
// Answer; one connection loop (server/connection.hpp) does the rest.
#pragma once
#include "snapshot/newsroom_task.hpp"
#include "snapshot/snapshot.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

// How the bytes received so far stand: a complete line, not yet, or never.
enum class Framing { need_more, complete, too_long };

struct FramedRequest {
  Framing state = Framing::need_more;
  std::size_t line_length = 0; // bytes of the line, without its end, when complete
};

// The certificate a Gemini client showed in its handshake (or in the one its
// session resumes), which is who it is.
struct ClientCertificate {
  std::string fingerprint; // SHA-256 of the certificate, 64 lowercase hex digits
  bool valid_now = false;  // now lies between its notBefore and notAfter
};

// What a request is answered for besides its bytes.
struct Client {
  Client(std::uint16_t port = 0, std::optional<std::chrono::seconds> wait = {},
                  std::optional<ClientCertificate> shown = {})
      : local_port(port), slow_down(wait), certificate(std::move(shown)) {}

  std::uint16_t local_port = 0;                  // the port it connected to
  std::optional<std::chrono::seconds> slow_down; // set when over its request rate: how long to wait
  std::optional<ClientCertificate> certificate;  // Gemini, when the client showed one
};

// How the bytes an answer asked to follow the request line came in.
enum class BodyState { not_read, complete, incomplete };

// A request as the connection read it: its line when complete, else every
// byte received; Framing::need_more means the client let its time run out.
// A Titan upload's body follows the line and is read once an answer asks.
struct ReceivedRequest {
  ReceivedRequest(Framing framing, std::string_view line) : state(framing), text(line) {}

  Framing state = Framing::need_more;
  std::string_view text;
  BodyState body_state = BodyState::not_read;
  std::string_view body; // what came of it, all when complete
};

struct Answer {
  const Resource* resource = nullptr; // the snapshot's bytes (and file), or
  std::string made;                   // bytes made for this request,
  std::filesystem::path streamed_file; // followed by this file's bytes, when set
  std::string status;                 // for the access log
  // "A body of this many bytes follows the request line: read it, then ask
  // again." Zero for every answer but an upload's first.
  std::uint64_t body_bytes = 0;
  // A body of this many bytes that the answer refuses unread: the client
  // may still be sending it, and hears the answer only once it is taken
  // (and dropped); closing on unread bytes would reset the connection.
  std::uint64_t unread_body = 0;
  std::optional<NewsroomTask> task; // done before the answer is sent
  // Asked of a snapshot still being completed (a search just after a
  // start): asked again of the next one, and sent as it is (a "try again
  // later") only if none comes within the request timeout.
  bool not_ready = false;
};

// What a search is answered while the index is built, should it take long.
inline constexpr std::string_view search_not_ready = "The search index is being built; try again in a few seconds";

// `answer`, marked as asked of a snapshot still being completed.
inline Answer not_ready(Answer answer) {
  answer.not_ready = true;
  return answer;
}

} // namespace gazette
