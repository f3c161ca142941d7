// The real gazette binary, started for a test with its own config and
// capsule in a temporary folder, on free loopback ports.
#pragma once
#include "temp_capsule.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace gazette::testing {

struct CommandResult {
  int exit_status = -1;
  std::string out;
  std::string err;
};

// The gazette binary under test, for a test that must start it itself.
std::string gazette_binary();

// Runs `gazette <args>` in `folder` to completion (bounded by `limit`).
CommandResult run_gazette(const std::filesystem::path& folder, const std::vector<std::string>& args,
                          std::chrono::seconds limit = std::chrono::seconds(30));

// A config.toml listening on 127.0.0.1:0 for both protocols; `extra_top`
// lands before the first table, `extra_gemini`/`extra_gopher` inside theirs.
std::string test_config(const std::string& extra_top = "", const std::string& extra_gemini = "",
                        const std::string& extra_gopher = "");

// Polls `condition` until it holds or `limit` passes; whether it held.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

class GazetteProcess {
public:
  // Writes config.toml into `site.root()`'s parent layout: the folder holds
  // config.toml, capsule/ and certs/. Waits until every listener is up.
  explicit GazetteProcess(const TempCapsule& site, const std::string& config = test_config());
  GazetteProcess(const GazetteProcess&) = delete;
  GazetteProcess& operator=(const GazetteProcess&) = delete;
  ~GazetteProcess();

  pid_t pid() const { return pid_; }
  std::uint16_t gemini_port() const { return gemini_port_; }
  std::uint16_t gopher_port() const { return gopher_port_; }
  std::uint16_t spartan_port() const { return spartan_port_; } // when the config has [spartan]
  std::uint16_t finger_port() const { return finger_port_; }   // when the config has [finger]
  std::string gemini_url(const std::string& path) const;

  // SIGTERM, then the exit status (bounded wait; -1 if it had to be killed).
  int stop(int signal_number = 15);
  bool running();

  std::string stdout_text() const;
  std::string stderr_text() const;
  // Waits (bounded) until stdout holds `text`; true when it does.
  bool wait_for_stdout(const std::string& text, std::chrono::milliseconds limit = std::chrono::seconds(5)) const;

private:
  std::filesystem::path folder_;
  pid_t pid_ = -1;
  std::uint16_t gemini_port_ = 0;
  std::uint16_t gopher_port_ = 0;
  std::uint16_t spartan_port_ = 0;
  std::uint16_t finger_port_ = 0;
};

} // namespace gazette::testing
