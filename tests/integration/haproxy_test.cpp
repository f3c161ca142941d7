// Two gazette instances behind HAProxy in TCP mode, as a site outgrowing one
// machine would run them.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

using namespace gazette::testing;
using namespace std::chrono_literals;

namespace {

std::uint16_t free_port() {
  asio::io_context io;
  asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
  return probe.local_endpoint().port();
}

// HAProxy in the foreground, stopped with the test.
class HaproxyProcess {
public:
  explicit HaproxyProcess(const std::filesystem::path& config) {
    std::string program = "haproxy", flag_file = "-f", file = config.string(), foreground = "-db";
    char* argv[] = {program.data(), flag_file.data(), file.data(), foreground.data(), nullptr};
    REQUIRE(posix_spawnp(&pid_, "haproxy", nullptr, nullptr, argv, environ) == 0);
  }
  ~HaproxyProcess() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }

private:
  pid_t pid_ = -1;
};

int count(const std::string& text, const std::string& part) {
  int found = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

} // namespace

TEST_CASE("HAProxy in front of two instances: real client addresses, requests spread, sessions resumed across") {
  TempCapsule first, second;
  std::string keys(80, '\0');
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = static_cast<char>(i * 13 + 1);
  for (auto* site : {&first, &second}) {
    site->write("index.gmi", "# Hi\n");
    std::ofstream(site->folder() / "ticket.keys", std::ios::binary) << keys;
  }
  const std::uint16_t front = free_port();
  const std::string config =
      test_config("", fmt::format("proxy_protocol = true\nticket_keys = \"ticket.keys\""), "proxy_protocol = true");
  GazetteProcess a(first, config), b(second, config);
  // Gemini clients name the public port in their URLs; each instance is told it is this one.
  const std::string haproxy_config = fmt::format(
      "global\n  maxconn 1000\ndefaults\n  mode tcp\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n"
      "frontend gemini\n  bind 127.0.0.1:{}\n  default_backend gazettes\n"
      "backend gazettes\n  balance roundrobin\n"
      "  server a 127.0.0.1:{} send-proxy-v2\n  server b 127.0.0.1:{} send-proxy-v2\n",
      front, a.gemini_port(), b.gemini_port());
  std::ofstream(first.folder() / "haproxy.cfg") << haproxy_config;
  HaproxyProcess haproxy(first.folder() / "haproxy.cfg");

  // URLs without a port: the instances cannot know the balancer's.
  const std::string request = "gemini://localhost/\r\n";
  REQUIRE(eventually([&] { return gemini_exchange(front, request, 2s, {}, nullptr, "127.0.0.2").status() == 20; }));

  GeminiResponse fresh = gemini_exchange(front, request, 10s, {}, nullptr, "127.0.0.2");
  REQUIRE(fresh.status() == 20);
  GeminiResponse resumed = gemini_exchange(front, request, 10s, {}, fresh.session.get(), "127.0.0.2");
  CHECK(resumed.status() == 20);
  CHECK(resumed.resumed); // round robin: made on one instance, resumed on the other
  for (int i = 0; i < 4; ++i) CHECK(gemini_exchange(front, request, 10s, {}, nullptr, "127.0.0.3").status() == 20);

  // Each access line is written once its connection has closed: wait for all four.
  CHECK(eventually([&] {
    return count(a.stdout_text(), " 127.0.0.3 20 ") + count(b.stdout_text(), " 127.0.0.3 20 ") == 4;
  }));
  CHECK(count(a.stdout_text(), " 127.0.0.3 20 ") == 2);
  CHECK(count(b.stdout_text(), " 127.0.0.3 20 ") == 2);
  CHECK(a.stdout_text().find(" 127.0.0.2 20 ") != std::string::npos);
  CHECK(b.stdout_text().find(" 127.0.0.2 20 ") != std::string::npos);
}
