// Which answer a Spartan request gets: the routing, as a pure function of
// the snapshot and the request, tested without sockets.
#pragma once
#include "snapshot/answer.hpp"

namespace gazette {

// A page, file or redirect held in the snapshot, search results for words
// posted to /search (asking first for the body, see Answer::body_bytes),
// or status 4 for a bad request, a body where none is expected, a body
// shorter than its content length, or what is not there.
Answer answer_spartan(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// The answer when a resource's file can no longer be read.
Answer spartan_not_found();

} // namespace gazette
