// Which answer a Gopher request gets: the routing, as a pure function of
// the snapshot and the request line, tested without sockets.
#pragma once
#include "snapshot/answer.hpp"

#include <string_view>

namespace gazette {

// A menu, text or file held in the snapshot, search results, an error menu
// (type 3), or for a web browser at the Gopher port, a page in HTTP that
// says which gopher:// URL to open.
Answer answer_gopher(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// The answer when a resource's file can no longer be read.
Answer gopher_not_found(std::string_view selector);

} // namespace gazette
