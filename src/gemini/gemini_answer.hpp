// Which answer a Gemini request gets: the routing, as a pure function of
// the snapshot and the request, tested without sockets.
#pragma once
#include "snapshot/answer.hpp"

namespace gazette {

// Status, meta and body for the request: a refusal (59, 53), a wait (44),
// search results, a page, a redirect or input prompt held in the snapshot,
// or 51 for what is not there; for titan:// uploads and the newsroom's
// pages, see newsroom_answers.hpp.
Answer answer_gemini(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// The answer when a resource's file can no longer be read.
Answer gemini_not_found();

} // namespace gazette
