// The same publication over Gopher, checked line by line, and with real clients.
#include "gazette_process.hpp"
#include "gopher_menus.hpp"
#include "test_clients.hpp"

#include <array>
#include <asio/write.hpp>
#include <cstdio>
#include <deque>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <regex>
#include <set>

using namespace gazette::testing;
namespace fs = std::filesystem;

TEST_CASE("Gopher: every menu of the sample capsule keeps the rules, and every item answers") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();

  std::set<std::string> seen{"/"};
  std::deque<std::pair<char, std::string>> queue{{'1', ""}};
  int menus = 0, texts = 0;
  while (!queue.empty()) {
    // Named variables, not a structured binding: CAPTURE takes them into a lambda.
    const char type = queue.front().first;
    const std::string selector = std::move(queue.front().second);
    queue.pop_front();
    CAPTURE(selector);
    TcpResponse response = tcp_exchange(port, selector + "\r\n");
    REQUIRE(response.completed);
    REQUIRE_FALSE(response.bytes.starts_with("3"));
    if (type == '1') {
      ++menus;
      for (const auto& item : checked_menu(response.bytes))
        if (item.type != 'i' && item.type != 'h' && seen.insert(item.selector).second) queue.push_back({item.type, item.selector});
    } else if (type == '0') {
      ++texts;
      CHECK(response.bytes.find("\n") == response.bytes.find("\r\n") + 1);
      for (std::size_t i = 0; (i = response.bytes.find('\n', i + 1)) != std::string::npos;) CHECK(response.bytes[i - 1] == '\r');
    }
  }
  CHECK(menus >= 12);
  CHECK(texts >= 5);
  CHECK(seen.count("/ukraine/blinken-rocks-out-on-a-road-to-nowhere"));
  CHECK(seen.count("/about.gmi"));
  CHECK_FALSE(seen.count("/diplomacy-watch/a-peace-summit-without-russia/")); // a draft
}

TEST_CASE("Gopher: an article is 70-column ASCII text with numbered references; related stories via its menu") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();
  TcpResponse text = tcp_exchange(port, "/diplomacy-watch/ukraine-and-russia-are-quietly-talking\r\n");
  REQUIRE(text.completed);
  CHECK(text.bytes.starts_with("Ukraine and Russia are (quietly) talking\r\n========================================\r\n"));
  CHECK(text.bytes.find("with \"tough\" and\r\n\"unpleasant\" in-person") != std::string::npos);
  CHECK(text.bytes.find("\r\n> When the war in Ukraine first broke out") != std::string::npos);
  CHECK(text.bytes.find("  * Turkish President Recep Tayyip Erdogan") != std::string::npos);
  std::size_t start = 0;
  for (std::size_t end; (end = text.bytes.find("\r\n", start)) != std::string::npos; start = end + 2) {
    const std::string line = text.bytes.substr(start, end - start);
    CAPTURE(line);
    // Only a URL, never broken, may stand wider than the column: alone, or as a reference.
    static const std::regex long_url("\\s*(\\[[0-9]+\\] )?[^ ]+");
    CHECK((line.size() <= 70 || std::regex_match(line, long_url)));
  }
  for (unsigned char c : text.bytes) CHECK(c < 0x80);

  auto menu = checked_menu(tcp_exchange(port, "/diplomacy-watch/ukraine-and-russia-are-quietly-talking/\r\n").bytes);
  auto related = std::find_if(menu.begin(), menu.end(), [](const MenuItem& item) { return item.display == "Related stories"; });
  REQUIRE(related != menu.end());
  CHECK(related[1].type == '1');
  CHECK(related[1].selector == "/ukraine/blinken-rocks-out-on-a-road-to-nowhere/");

  TcpResponse pier = tcp_exchange(port, "/israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead\r\n");
  CHECK(pier.bytes.find("Photo: US military releases photos of pier to deliver aid to Gaza\r\n(Reuters) [1]") != std::string::npos);
  CHECK(pier.bytes.find("[1] gopher://localhost:7070/I/images/gaza-pier.png") != std::string::npos);
  CHECK(pier.bytes.find("Update, 2024-05-17: As of early Friday") != std::string::npos);
}

TEST_CASE("Gopher: errors, Gopher+, HTTP, URL: pages and caps.txt") {
  TempCapsule site;
  copy_sample_capsule(site);
  site.write("site.toml", "title = \"The Foreign Desk\"\n[[social]]\nname = \"Mastodon\"\nurl = \"https://example.social/@desk\"\n");
  GazetteProcess server(site);
  const auto port = server.gopher_port();

  CHECK(tcp_exchange(port, "/nothing-here\r\n").bytes == "3Not found: /nothing-here\t\terror.host\t1\r\n.\r\n");
  // A control byte and a backslash are escaped in the access log once, as they came.
  CHECK(tcp_exchange(port, "/bad\x01\\name\r\n").bytes.starts_with("3Selector contains a control character\t"));
  CHECK(server.wait_for_stdout(" 3 gopher:/bad\\x01\\x5cname "));
  CHECK(tcp_exchange(port, "/../../\r\n").bytes == "3Selector climbs above the root\t\terror.host\t1\r\n.\r\n");
  CHECK(tcp_exchange(port, "/ukraine/../../caps.txt\r\n").bytes.starts_with("3Selector climbs above the root\t"));
  CHECK(tcp_exchange(port, std::string(1025, 'a') + "\r\n").bytes ==
        "3Selector is longer than 1024 bytes\t\terror.host\t1\r\n.\r\n");
  CHECK(tcp_exchange(port, std::string(1024, 'a') + "\r\n").bytes.starts_with("3Not found: "));
  // What the client sent past the limit is read and dropped: the answer
  // ends with the server's FIN, not a reset that could destroy it.
  for (const std::size_t length : {std::size_t{1025}, std::size_t{70000}}) {
    CAPTURE(length);
    const TcpResponse too_long = tcp_exchange(port, std::string(length, 'a') + "\r\n");
    CHECK(too_long.completed);
    CHECK(too_long.bytes == "3Selector is longer than 1024 bytes\t\terror.host\t1\r\n.\r\n");
  }
  const TcpResponse trailing = tcp_exchange(port, "/nothing-here\r\n" + std::string(5000, 'x'));
  CHECK(trailing.completed);
  CHECK(trailing.bytes == "3Not found: /nothing-here\t\terror.host\t1\r\n.\r\n");
  CHECK(tcp_exchange(port, "/\t$\r\n").bytes == tcp_exchange(port, "/\r\n").bytes);
  CHECK(tcp_exchange(port, "/ukraine/\t+\r\n").bytes == tcp_exchange(port, "/ukraine/\r\n").bytes);
  CHECK(tcp_exchange(port, "ukraine/\r\n").bytes == tcp_exchange(port, "/ukraine/\r\n").bytes);
  CHECK(tcp_exchange(port, "/ukraine/\n").bytes == tcp_exchange(port, "/ukraine/\r\n").bytes);

  TcpResponse http = tcp_exchange(port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(http.bytes.starts_with("HTTP/1.0 400 Bad Request\r\n"));
  CHECK(http.bytes.find("gopher://localhost:7070/1") != std::string::npos);

  TcpResponse url = tcp_exchange(port, "URL:https://example.social/@desk\r\n");
  CHECK(url.bytes.find("<a href=\"https://example.social/@desk\">") != std::string::npos);
  CHECK(url.bytes.find("http-equiv=\"refresh\"") != std::string::npos);
  CHECK(tcp_exchange(port, "URL:javascript:alert(1)\r\n").bytes.starts_with("3"));

  TcpResponse caps = tcp_exchange(port, "/caps.txt\r\n");
  CHECK(caps.bytes.starts_with("CAPS\r\n"));
  CHECK(caps.bytes.find("CapsVersion=1\r\n") != std::string::npos);
  CHECK(caps.bytes.find("PathDelimeter=/\r\n") != std::string::npos);
  CHECK(caps.bytes.find("ServerDefaultEncoding=ascii\r\n") != std::string::npos);

  // Menus are deterministic: the same bytes every time.
  CHECK(tcp_exchange(port, "/\r\n").bytes == tcp_exchange(port, "\r\n").bytes);
  CHECK(server.running());
}

TEST_CASE("Gopher: real clients (curl, lynx) read menus and articles") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gopher_port();

  const std::string menu = run(fmt::format("curl -s --max-time 10 gopher://127.0.0.1:{}/1/", port));
  CHECK(menu.find("1North America\t/north-america/\tlocalhost\t7070") != std::string::npos);
  const std::string article =
      run(fmt::format("curl -s --max-time 10 gopher://127.0.0.1:{}/0/ukraine/blinken-rocks-out-on-a-road-to-nowhere", port));
  CHECK(article.starts_with("Blinken rocks out on a road to nowhere\r\n"));

  const std::string dumped = run(fmt::format("timeout 20 lynx -dump gopher://127.0.0.1:{}/1/diplomacy-watch/ 2>&1", port));
  CHECK(dumped.find("Ukraine and Russia are (quietly) talking") != std::string::npos);
  CHECK(dumped.find("A peace summit without Russia") == std::string::npos); // held back as a draft
  const std::string text =
      run(fmt::format("timeout 20 lynx -dump gopher://127.0.0.1:{}/0/north-america/trumps-big-idea-deploy-assassination-teams-to-mexico 2>&1", port));
  CHECK(text.find("The opioid crisis in the United States") != std::string::npos);
}

TEST_CASE("Gopher: UTF-8 when ascii is off, and RFC 1436 dot termination when asked") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site, test_config("", "", "ascii = false\ndot_terminator = true"));
  TcpResponse text = tcp_exchange(server.gopher_port(), "/diplomacy-watch/ukraine-and-russia-are-quietly-talking\r\n");
  CHECK(text.bytes.find("with \xE2\x80\x9Ctough\xE2\x80\x9D") != std::string::npos);
  CHECK(text.bytes.ends_with("\r\n.\r\n"));
}

TEST_CASE("Gopher: silent clients are dropped after the request timeout") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 0.5"));
  IdleConnection idle(server.gopher_port());
  CHECK(idle.closed_by_server_within(std::chrono::seconds(4)));
}

namespace {

// A server with an 8 MiB file and a one-second timeout, and a plain
// connection that has asked for the file.
struct LargeFileRequest {
  static constexpr std::size_t file_bytes = 8 * 1024 * 1024;
  TempCapsule site;
  GazetteProcess server{with_file(site), test_config("request_timeout = 1")};
  asio::io_context io;
  asio::ip::tcp::socket socket{io};

  LargeFileRequest() {
    socket.connect({asio::ip::make_address("127.0.0.1"), server.gopher_port()});
    asio::write(socket, asio::buffer(std::string_view("/big.bin\r\n")));
  }

  static const TempCapsule& with_file(TempCapsule& site) {
    site.write("big.bin", std::string(file_bytes, 'x'));
    return site;
  }
};

} // namespace

TEST_CASE("Gopher: a slow but steady reader gets a whole large file, though it takes longer than the timeout") {
  // The deadline moves on with every chunk written: the answer may take
  // longer than the timeout, as long as no one write waits that long.
  LargeFileRequest request;
  const auto started = std::chrono::steady_clock::now();
  std::vector<char> chunk(64 * 1024);
  std::size_t received = 0;
  std::error_code ec;
  while (!ec && std::chrono::steady_clock::now() - started < std::chrono::seconds(30)) {
    received += request.socket.read_some(asio::buffer(chunk), ec);
    std::this_thread::sleep_for(std::chrono::milliseconds(15)); // about 4 MB a second
  }
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(ec == asio::error::eof);
  CHECK(received == LargeFileRequest::file_bytes);
  // Otherwise the answer fit in the socket buffers and nothing was tested.
  CHECK(took > std::chrono::milliseconds(1500));
}

TEST_CASE("Gopher: a client that stops reading a large file is dropped after the write timeout") {
  // Nothing is read: once the socket buffers are full the server's writes
  // wait, the timeout passes, and the answer is logged cut short.
  LargeFileRequest request;
  GazetteProcess& server = request.server;
  CHECK(eventually([&] { return server.stdout_text().find("gopher:/big.bin") != std::string::npos; }, std::chrono::seconds(10)));
  std::smatch sent;
  const std::string log = server.stdout_text();
  REQUIRE(std::regex_search(log, sent, std::regex(R"(gopher:/big\.bin (\d+) )")));
  CHECK(std::stoull(sent[1]) < LargeFileRequest::file_bytes);
  CHECK(tcp_exchange(server.gopher_port(), "/big.bin\r\n").bytes.size() == LargeFileRequest::file_bytes);
}
