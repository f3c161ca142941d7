// Which answer a Finger query gets: the routing, as a pure function of the
// snapshot and the query, tested without sockets.
#pragma once
#include "snapshot/answer.hpp"

#include <string_view>

namespace gazette {

// The latest stories, a section's latest or a story's text held in the
// snapshot; or a line that says what went wrong and what to type instead.
Answer answer_finger(const Snapshot& snapshot, const ReceivedRequest& request, const Client& client);

// The answer for a name that nothing answers to.
Answer finger_not_found(const Snapshot& snapshot, std::string_view name);

} // namespace gazette
