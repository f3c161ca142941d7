// Spreading independent steps over the machine's cores: loading parses and
// renders every article, and no article's step depends on another's.
#pragma once
#include <cstddef>
#include <functional>

namespace gazette {

// Calls `step(i)` once for every i below `count`, on as many threads as there
// are cores (the calling thread among them), and returns when all are done.
// Steps must not touch shared state without their own guard; the first
// exception a step throws is rethrown here.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& step);

} // namespace gazette
