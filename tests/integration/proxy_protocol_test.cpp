// Behind a load balancer: the PROXY protocol on both listeners.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <fmt/format.h>

using namespace gazette::testing;
using namespace std::chrono_literals;

TEST_CASE("PROXY protocol v1 and v2: the real client is logged and limited; a bad header is closed") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 1\n[limits]\nrequests_per_second = 0.1\nburst = 2", "proxy_protocol = true",
                                          "proxy_protocol = true"));
  const auto gemini = server.gemini_port();
  const std::string request = fmt::format("gemini://localhost:{}/\r\n", gemini);

  GeminiResponse v1 = gemini_exchange(gemini, request, 10s, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 1965\r\n");
  CHECK(v1.header == "20 text/gemini");
  const std::string v2_header = std::string("\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A\x21\x11\x00\x0C", 16) +
                                std::string("\xC6\x33\x64\x09\x7F\x00\x00\x01\x15\xB3\x07\xAD", 12);
  GeminiResponse v2 = gemini_exchange(gemini, request, 10s, v2_header);
  CHECK(v2.header == "20 text/gemini");
  CHECK(server.wait_for_stdout(" 203.0.113.7 20 gemini://"));
  CHECK(server.wait_for_stdout(" 198.51.100.9 20 gemini://"));

  TcpResponse gopher = tcp_exchange(server.gopher_port(), "PROXY TCP6 2001:db8::5 ::1 5555 70\r\n/\r\n");
  CHECK(gopher.bytes.ends_with("\r\n.\r\n"));
  CHECK(server.wait_for_stdout(" 2001:db8::5 ok gopher:/"));

  // Limits follow the real client: 203.0.113.7 spends its burst, others do not.
  CHECK(gemini_exchange(gemini, request, 10s, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 1965\r\n").status() == 20);
  CHECK(gemini_exchange(gemini, request, 10s, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 1965\r\n").status() == 44);
  CHECK(gemini_exchange(gemini, request, 10s, "PROXY TCP4 192.0.2.44 127.0.0.1 5555 1965\r\n").status() == 20);

  GeminiResponse bad = gemini_exchange(gemini, request, 10s, "PROXY TCP9 nonsense\r\n");
  CHECK_FALSE(bad.handshake_done);
  // No header at all: nothing is served, and the connection ends at the timeout.
  TcpResponse headless = tcp_exchange(server.gopher_port(), "/\r\n", 5s);
  CHECK(headless.completed);
  CHECK(headless.bytes.empty());
  CHECK(server.running());
}

TEST_CASE("shared ticket keys: a session made on one instance resumes on another, and SIGHUP rotates keys") {
  // Two instances, as behind a load balancer, with one key file.
  TempCapsule first, second;
  for (auto* site : {&first, &second}) site->write("index.gmi", "# Hi\n");
  std::string keys(80, '\0');
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = static_cast<char>(i * 7 + 3);
  const std::string config = test_config("", "ticket_keys = \"ticket.keys\"");
  for (auto* site : {&first, &second}) std::ofstream(site->folder() / "ticket.keys", std::ios::binary) << keys;
  GazetteProcess a(first, config), b(second, config);
  const auto request = [](std::uint16_t port) { return fmt::format("gemini://localhost:{}/\r\n", port); };

  GeminiResponse fresh = gemini_exchange(a.gemini_port(), request(a.gemini_port()));
  REQUIRE(fresh.session);
  CHECK_FALSE(fresh.resumed);
  GeminiResponse elsewhere = gemini_exchange(b.gemini_port(), request(b.gemini_port()), 10s, {}, fresh.session.get());
  CHECK(elsewhere.header == "20 text/gemini");
  CHECK(elsewhere.resumed);

  // New keys on one instance only: its old sessions no longer resume there.
  std::string other_keys(80, 'k');
  std::ofstream(second.folder() / "ticket.keys", std::ios::binary) << other_keys;
  kill(b.pid(), SIGHUP);
  CHECK(eventually([&] {
    return !gemini_exchange(b.gemini_port(), request(b.gemini_port()), 10s, {}, fresh.session.get()).resumed;
  }));

  std::ofstream(second.folder() / "ticket.keys", std::ios::binary) << "short";
  kill(b.pid(), SIGHUP);
  CHECK(eventually([&] { return b.stderr_text().find("ticket.keys: holds 5 bytes") != std::string::npos; }));
  CHECK(gemini_exchange(b.gemini_port(), request(b.gemini_port())).status() == 20);
}
