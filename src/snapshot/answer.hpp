// What every protocol's connection reads and sends: a request line framed
// from the bytes received, who asked, and the answer chosen for it. Each
// protocol supplies a pure function from (snapshot, request, client) to an
// Answer; one connection loop (server/connection.hpp) does the rest.
#pragma once
#include "snapshot/snapshot.hpp"

#include <chrono>
#include <cstdint>
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

// What a request is answered for besides its bytes.
struct Client {
  std::uint16_t local_port = 0;                  // the port it connected to
  std::optional<std::chrono::seconds> slow_down; // set when over its request rate: how long to wait
};

// A request as the connection read it: its line when complete, else every
// byte received; Framing::need_more means the client let its time run out.
struct ReceivedRequest {
  Framing state = Framing::need_more;
  std::string_view text;
};

struct Answer {
  const Resource* resource = nullptr; // the snapshot's bytes (and file), or
  std::string made;                   // bytes made for this request
  std::string status;                 // for the access log
};

} // namespace gazette
