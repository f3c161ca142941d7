// Which answer a Gemini request gets: the routing, as a pure function of
// the snapshot and the request, tested without sockets.
#pragma once
#include "snapshot/answer.hpp"

#include <string>
#include <string_view>

namespace gazette {

// Status, meta and body for the request: a refusal (59, 53), a wait (44),
// search results, a page, a redirect or input prompt held in the snapshot,
// or 51 for what is not there; for titan:// uploads and the newsroom's
// pages, see newsroom_answers.hpp.
Answer answer_gemini(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// A response made for the request (header, and body if any), logged by its
// status, the response's first two bytes.
Answer made_gemini_answer(std::string response);

// A header alone (a refusal, a redirect, a prompt), or one a file's bytes
// follow (Answer::streamed_file).
Answer gemini_status(int status, std::string_view meta);

// 51 Not found: for what is not there, or a file that can no longer be read.
Answer gemini_not_found();

} // namespace gazette
