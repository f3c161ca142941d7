// An answer's newsroom task, carried out on the newsroom's own thread; for
// a change to the capsule, the answer waits until a snapshot holds it, so
// that the page a client is sent to already shows it.
#pragma once
#include "server/connection.hpp"
#include "snapshot/answer.hpp"

#include <asio/awaitable.hpp>
#include <memory>

namespace gazette {

asio::awaitable<Answer> carry_out_newsroom_task(const ConnectionServices& services,
                                                std::shared_ptr<const Snapshot> snapshot, Answer answer);

} // namespace gazette
