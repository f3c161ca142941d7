// The newsroom's work for an answer that carries a NewsroomTask: changes to
// the capsule (each keeping the version it replaces, each recorded), the
// record of a refusal, and the pages made from the history folder. Reads
// and writes files: the server runs it off the threads serving connections,
// one task at a time.
#pragma once
#include "snapshot/answer.hpp"
#include "snapshot/snapshot.hpp"

#include <chrono>

namespace gazette {

struct NewsroomOutcome {
  Answer answer; // to send, unless the capsule changed
  // The capsule changed at `changed_at`: the answer comes once a snapshot
  // has it (see answer_after_change).
  bool changed = false;
  std::chrono::steady_clock::time_point changed_at{};
};

// `answer.task` is set; `snapshot` is the one the answer was made from.
NewsroomOutcome carry_out(const Snapshot& snapshot, Answer answer);

} // namespace gazette
