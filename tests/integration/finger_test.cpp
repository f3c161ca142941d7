// The news over Finger: every kind of query with a raw TCP client, and
// Debian's finger command, which knows only port 79.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <algorithm>
#include <cstdio>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace gazette::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const std::string story = "blinken-rocks-out-on-a-road-to-nowhere";

std::string finger_config(const std::string& finger_keys = "", const std::string& extra_top = "") {
  return test_config(extra_top) + "[finger]\nlisten = [\"127.0.0.1:0\"]\n" + finger_keys;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

bool all_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

TEST_CASE("Finger: the latest stories, a section, a story's text; /W; forwarding refused") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site, finger_config());
  const auto port = server.finger_port();
  REQUIRE(port != 0);

  const std::string gopher_story = tcp_exchange(server.gopher_port(), "/ukraine/" + story + "\r\n").bytes;
  REQUIRE(gopher_story.starts_with("Blinken"));
  struct Row {
    std::string query;
    std::vector<std::string> holds;
  };
  const Row rows[] = {
      {"\r\n", {"Latest stories\r\n", "\r\n           finger " + story + "@localhost\r\n",
                "           gemini://localhost/ukraine/" + story + "\r\n", "finger ukraine@localhost          Ukraine\r\n"}},
      {"/W\r\n", {"Latest stories\r\n"}},
      {"\n", {"Latest stories\r\n"}},
      {"ukraine\r\n", {"Ukraine\r\n", "finger " + story + "@localhost"}},
      {"/W ukraine\r\n", {"Ukraine\r\n"}},
      {"UKRAINE\n", {"Ukraine\r\n"}},
      {story + "\r\n", {gopher_story}},
      {"ukraine/" + story + "\r\n", {gopher_story}},
      {"/W " + story + "\r\n", {gopher_story}},
      {"nothing\r\n", {"Nothing here is named \"nothing\".\r\nfinger @localhost lists"}},
      {"@elsewhere\r\n", {"Finger forwarding service denied.\r\n"}},
      {story + "@localhost@elsewhere\r\n", {"Finger forwarding service denied.\r\n"}},
      {"/W ukraine@elsewhere\r\n", {"Finger forwarding service denied.\r\n"}},
      // A draft is not published, so not found.
      {"a-peace-summit-without-russia\r\n", {"Nothing here is named"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.query);
    const TcpResponse response = tcp_exchange(port, row.query);
    REQUIRE(response.completed);
    for (const auto& part : row.holds) CHECK(response.bytes.find(part) != std::string::npos);
    CHECK(all_ascii(response.bytes));
    for (std::size_t i = 0; (i = response.bytes.find('\n', i + 1)) != std::string::npos;) CHECK(response.bytes[i - 1] == '\r');
  }
  // The story's text is Gopher's, byte for byte.
  CHECK(tcp_exchange(port, story + "\r\n").bytes == gopher_story);
  const TcpResponse too_long = tcp_exchange(port, std::string(2000, 'a'));
  CHECK(too_long.bytes.starts_with("The query is longer than 1024 bytes.\r\n"));
  CHECK(too_long.completed); // the rest of the query is read and dropped: no reset
  CHECK(server.wait_for_stdout(" 127.0.0.1 ok finger:ukraine"));
  CHECK(server.wait_for_stdout(" 127.0.0.1 error finger:@elsewhere"));
}

TEST_CASE("Finger: off unless configured; UTF-8 when asked; behind a PROXY header; live") {
  TempCapsule plain;
  copy_sample_capsule(plain);
  {
    GazetteProcess server(plain);
    CHECK(server.stderr_text().find("finger listening") == std::string::npos);
  }

  TempCapsule site;
  copy_sample_capsule(site);
  site.write("ukraine/kyiv-cafe.md", article("Kyiv's caf\xC3\xA9s reopen \xE2\x80\x94 slowly", "2024-06-01", "", "Caf\xC3\xA9 life."));
  GazetteProcess server(site, finger_config("ascii = false\nproxy_protocol = true\n", "request_timeout = 2\n"));
  const auto port = server.finger_port();
  const std::string front = tcp_exchange(port, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 79\r\n\r\n").bytes;
  CHECK(front.find("2024-06-01 Kyiv's caf\xC3\xA9s reopen \xE2\x80\x94 slowly\r\n") != std::string::npos);
  const std::string text = tcp_exchange(port, "PROXY TCP4 203.0.113.7 127.0.0.1 5555 79\r\nkyiv-cafe\r\n").bytes;
  CHECK(text.find("Caf\xC3\xA9 life.") != std::string::npos);
  CHECK(server.wait_for_stdout(" 203.0.113.7 ok finger:kyiv-cafe"));
  CHECK(tcp_exchange(port, "kyiv-cafe\r\n", 15s).bytes.empty());

  site.write("ukraine/fresh-news.md", article("Fresh news", "2024-06-02", "", "Just in."));
  CHECK(eventually([&] {
    return tcp_exchange(port, "PROXY TCP4 203.0.113.8 127.0.0.1 5555 79\r\nfresh-news\r\n").bytes.starts_with("Fresh news\r\n");
  }));
}

// Debian's finger connects to port 79 only. The server and the client run in
// a network namespace of their own, with its own loopback, so that no other
// test or program on this machine can hold that port.
TEST_CASE("Finger: Debian's finger command reads the news") {
  if (run("command -v finger").empty()) {
    MESSAGE("skipped: the finger command is not installed (Debian package finger; scripts/setup installs it)");
    return;
  }
  if (geteuid() != 0 || run("unshare --net true 2>&1 && echo ok").find("ok") == std::string::npos) {
    MESSAGE("skipped: a network namespace for port 79 needs root (unshare --net)");
    return;
  }
  TempCapsule site;
  copy_sample_capsule(site);
  const fs::path folder = site.folder();
  std::ofstream(folder / "config.toml") << test_config() + "[finger]\nlisten = [\"127.0.0.1:79\"]\n";
  std::ofstream(folder / "fingers.sh") << fmt::format(
      "cd '{0}' && ip link set lo up || exit 1\n"
      "'{1}' serve --config config.toml >server.out 2>server.err &\n"
      "server=$!\n"
      "for i in $(seq 100); do grep -q 'finger listening' server.err && break; sleep 0.1; done\n"
      "timeout 10 finger @127.0.0.1 >front.txt 2>&1\n"
      "timeout 10 finger ukraine@127.0.0.1 >section.txt 2>&1\n"
      "timeout 10 finger -l {2}@127.0.0.1 >story.txt 2>&1\n"
      "timeout 10 finger nobody@example.org@127.0.0.1 >forward.txt 2>&1\n"
      "kill $server; wait\n",
      folder.string(), gazette_binary(), story);
  run(fmt::format("timeout 60 unshare --net sh '{}' 2>&1", (folder / "fingers.sh").string()));
  auto read = [&](const std::string& name) {
    std::ifstream in(folder / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CAPTURE(read("server.err"));
  const std::string front = read("front.txt");
  CAPTURE(front);
  CHECK(front.find("Latest stories") != std::string::npos);
  CHECK(front.find("finger " + story + "@localhost") != std::string::npos);
  const std::string section = read("section.txt");
  CHECK(section.find("Ukraine") != std::string::npos);
  CHECK(section.find("Every section and the latest stories: finger @localhost") != std::string::npos);
  // finger -l sends /W; the answer is the story as Gopher has it, 70 columns.
  const std::string text = read("story.txt");
  CAPTURE(text);
  CHECK(text.find("Blinken") != std::string::npos);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 100);
  CHECK(read("server.out").find("ok finger:/W\\x20" + story) != std::string::npos);
  // The client asks us, the last host, to pass "nobody@example.org" on, which we refuse.
  CHECK(read("forward.txt").find("Finger forwarding service denied.") != std::string::npos);
}
