// Asks the server for something every `interval` on a thread of its own and
// keeps every answer, so that a test can say what readers saw while the
// capsule changed under them.
#pragma once
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gazette::testing {

class AnswerPoller {
public:
  explicit AnswerPoller(std::function<std::string()> ask,
                        std::chrono::milliseconds interval = std::chrono::milliseconds(20))
      : thread_([this, ask = std::move(ask), interval](std::stop_token stop) {
          while (!stop.stop_requested()) {
            std::string answer = ask();
            {
              std::lock_guard lock(mutex_);
              answers_.push_back(std::move(answer));
            }
            std::this_thread::sleep_for(interval);
          }
        }) {}

  // Stops asking (after the question under way) and gives every answer, in order.
  std::vector<std::string> stop() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    return answers_;
  }

  std::size_t count() {
    std::lock_guard lock(mutex_);
    return answers_.size();
  }

private:
  std::mutex mutex_;
  std::vector<std::string> answers_;
  std::jthread thread_; // last: it starts once the rest is ready
};

} // namespace gazette::testing
