#include "base/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gazette {

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& step) {
  if (count == 0) return;
  // Steps are taken a few at a time from a shared counter, so a thread that
  // drew slow articles does not hold the others back; a short list (a
  // capsule's sections) is shared out in smaller batches.
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t batch = std::clamp<std::size_t>(count / (4 * cores), 1, 16);
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (;;) {
      const std::size_t begin = next.fetch_add(batch);
      if (begin >= count) return;
      try {
        for (std::size_t i = begin; i < std::min(begin + batch, count); ++i) step(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
        return;
      }
    }
  };
  const std::size_t helpers = std::min(cores - 1, (count + batch - 1) / batch - 1); // the caller takes a batch too
  std::vector<std::thread> threads;
  threads.reserve(helpers);
  for (std::size_t i = 0; i < helpers; ++i) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

} // namespace gazette
