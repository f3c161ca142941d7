// Certificates, configuration, limits, timeouts and shutdown of the real server.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <regex>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>

using namespace gazette::testing;
using namespace std::chrono_literals;

namespace {

std::string fingerprint_of(const std::string& der) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(der.data(), der.size(), digest, &length, EVP_sha256(), nullptr);
  std::string text;
  for (unsigned int i = 0; i < length; ++i) text += fmt::format("{}{:02X}", i ? ":" : "", digest[i]);
  return text;
}

// The hash of the certificate's DER SubjectPublicKeyInfo, as amfora pins it.
std::string public_key_fingerprint_of(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  X509* cert = d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
  REQUIRE(cert != nullptr);
  unsigned char* spki = nullptr;
  const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &spki);
  REQUIRE(length > 0);
  const std::string fingerprint = fingerprint_of(std::string(reinterpret_cast<const char*>(spki), static_cast<std::size_t>(length)));
  OPENSSL_free(spki);
  X509_free(cert);
  return fingerprint;
}

std::vector<std::string> dns_names(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  X509* cert = d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
  REQUIRE(cert != nullptr);
  std::vector<std::string> names;
  auto* sans = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans, i);
    if (name->type == GEN_DNS)
      names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.dNSName)),
                         static_cast<std::size_t>(ASN1_STRING_length(name->d.dNSName)));
  }
  GENERAL_NAMES_free(sans);
  EVP_PKEY* key = X509_get0_pubkey(cert);
  CHECK(EVP_PKEY_is_a(key, "EC"));
  X509_free(cert);
  return names;
}

// test_config() with the first `from` replaced by `to`.
std::string config_with(const std::string& from, const std::string& to) {
  std::string config = test_config();
  config.replace(config.find(from), from.size(), to);
  return config;
}

std::string logged_fingerprint(const std::string& err, const std::string& of = "certificate") {
  std::smatch match;
  std::regex line(of + R"( SHA-256 fingerprint: ([0-9A-F:]+))");
  return std::regex_search(err, match, line) ? match[1].str() : "";
}

// Runs a shell command that must succeed; its standard output.
std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  CHECK(pclose(pipe) == 0);
  return output;
}

// "ab12..." as openssl prints a digest, written "AB:12:..." as gazette does.
std::string colon_hex(const std::string& hex) {
  std::string text;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    text += fmt::format("{}{}{}", i ? ":" : "", static_cast<char>(std::toupper(hex[i])), static_cast<char>(std::toupper(hex[i + 1])));
  return text;
}

} // namespace

TEST_CASE("a self-signed ECDSA certificate is made on first start and reused after") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  const std::string config = config_with("hostname = \"localhost\"", "hostname = [\"localhost\", \"news.example\"]");
  std::string first_fingerprint;
  {
    GazetteProcess server(site, config);
    GeminiResponse response = gemini_get(server.gemini_port(), "/");
    CHECK(response.header == "20 text/gemini");
    CHECK(response.tls_version == "TLSv1.3");
    CHECK(dns_names(response.peer_certificate_der) == std::vector<std::string>{"localhost", "news.example"});
    first_fingerprint = logged_fingerprint(server.stderr_text());
    CHECK(first_fingerprint == fingerprint_of(response.peer_certificate_der));
    CHECK(logged_fingerprint(server.stderr_text(), "public key") == public_key_fingerprint_of(response.peer_certificate_der));
    CHECK(logged_fingerprint(server.stderr_text(), "public key") != first_fingerprint);
    struct stat key_stat {};
    REQUIRE(stat((site.folder() / "certs/key.pem").c_str(), &key_stat) == 0);
    CHECK((key_stat.st_mode & 0777) == 0600);
    CHECK(server.stop() == 0);
  }
  GazetteProcess again(site, config);
  CHECK(logged_fingerprint(again.stderr_text()) == first_fingerprint);
  CHECK(again.stderr_text().find("made a self-signed certificate") == std::string::npos);
}

TEST_CASE("gazette fingerprint prints what the server logs, as openssl computes it") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  std::ofstream(site.folder() / "config.toml") << test_config();
  CommandResult none = run_gazette(site.folder(), {"fingerprint", "--config", "config.toml"});
  CHECK(none.exit_status == 1);
  CHECK(none.err == "certs/cert.pem: no certificate yet; gazette serve makes a self-signed one there on its first start\n");

  GazetteProcess server(site);
  CommandResult printed = run_gazette(site.folder(), {"fingerprint", "--config", "config.toml"});
  CHECK(printed.exit_status == 0);
  const std::regex lines(R"(^certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})
public key SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})
$)");
  std::smatch match;
  REQUIRE(std::regex_match(printed.out, match, lines));
  CHECK(match[1] != match[2]);
  // The server logs the same two lines.
  CHECK(server.stderr_text().find(printed.out) != std::string::npos);

  const std::string cert = (site.folder() / "certs/cert.pem").string();
  const std::string whole = run(fmt::format("openssl x509 -in '{}' -noout -fingerprint -sha256", cert));
  CHECK(whole == "sha256 Fingerprint=" + match[1].str() + "\n");
  const std::string spki = run(fmt::format(
      "openssl x509 -in '{}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -r", cert));
  CHECK(colon_hex(spki.substr(0, 64)) == match[2].str());
}

TEST_CASE("a key that does not match the certificate, or half a pair, is refused at start") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  std::ofstream(site.folder() / "config.toml") << test_config();
  {
    GazetteProcess first(site);
    first.stop();
  }
  TempCapsule other;
  other.write("index.gmi", "# Hi\n");
  std::ofstream(other.folder() / "config.toml") << test_config();
  {
    GazetteProcess second(other);
    second.stop();
  }
  std::filesystem::copy_file(other.folder() / "certs/key.pem", site.folder() / "certs/key.pem",
                             std::filesystem::copy_options::overwrite_existing);
  CommandResult mismatch = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
  CHECK(mismatch.exit_status == 2);
  CHECK(mismatch.err.find("does not match the certificate") != std::string::npos);

  std::filesystem::remove(site.folder() / "certs/key.pem");
  CommandResult half = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
  CHECK(half.exit_status == 2);
  CHECK(half.err.find("key.pem: missing, but") != std::string::npos);

  // The other half: a key whose certificate is gone.
  std::filesystem::rename(other.folder() / "certs/key.pem", site.folder() / "certs/key.pem");
  std::filesystem::remove(site.folder() / "certs/cert.pem");
  CommandResult other_half = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
  CHECK(other_half.exit_status == 2);
  CHECK(other_half.err.find("cert.pem: missing, but") != std::string::npos);
  // Refused, not replaced: the admin's key is left alone.
  CHECK(std::filesystem::exists(site.folder() / "certs/key.pem"));
  CHECK_FALSE(std::filesystem::exists(site.folder() / "certs/cert.pem"));
}

TEST_CASE("a bad config is refused with its key named, before anything is bound") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  struct Row {
    std::string config, message;
  };
  // "error: <key>:" so that a message merely quoting the key's text does not pass.
  const Row rows[] = {
      {config_with("127.0.0.1:0", "nonsense"), "error: gemini.listen:"},
      {config_with("127.0.0.1:0", "127.0.0.1:99999"), "error: gemini.listen:"},
      {config_with("127.0.0.1:0", "127.0.0.1"), "error: gemini.listen:"},
      {config_with("listen = [\"127.0.0.1:0\"]\nhost", "listen = [\"nonsense\"]\nhost"), "error: gopher.listen:"},
      {config_with("cert = \"certs/cert.pem\"", "cert = 5"), "error: gemini.cert:"},
      {config_with("hostname = \"localhost\"", "hostname = 5"), "error: hostname:"},
      {test_config("max_connections = \"many\""), "error: max_connections:"},
      {test_config("request_timeout = \"soon\""), "error: request_timeout:"},
      {test_config("shutdown_timeout = 0"), "error: shutdown_timeout:"},
      {config_with("capsule = \"capsule\"", "capsule = \"nowhere\""), "error: capsule:"},
      {config_with("capsule = \"capsule\"", "capsule = \"config.toml\""), "error: capsule:"},
      {"capsule = [", "not valid TOML"},
      {"capsule = \"capsule\n", "config.toml:1: error: the string on this line is missing its closing \""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.config);
    std::ofstream(site.folder() / "config.toml") << row.config;
    CommandResult result = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
    CHECK(result.exit_status == 2);
    CHECK(result.err.find(row.message) != std::string::npos);
    CHECK(result.err.find("listening") == std::string::npos);
    // It never started, so it does not say it stopped.
    CHECK(result.err.find("stopped") == std::string::npos);
  }
  CommandResult missing = run_gazette(site.folder(), {"serve", "--config", "no-such.toml"});
  CHECK(missing.exit_status == 2);
  CHECK(missing.err.find("no-such.toml") != std::string::npos);
}

TEST_CASE("a capsule folder the serving user cannot read is refused at start") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  std::ofstream(site.folder() / "config.toml") << test_config();
  // Started as root the server serves as nobody (see test_config), for whom
  // a folder only its owner may enter is as unreadable as one nobody may.
  namespace fs = std::filesystem;
  fs::permissions(site.root(), geteuid() == 0 ? fs::perms::owner_all : fs::perms::none);
  // A server that wrongly starts is stopped after 3 s, and the checks below fail.
  CommandResult result = run_gazette(site.folder(), {"serve", "--config", "config.toml"}, 3s);
  fs::permissions(site.root(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                   fs::perms::others_read | fs::perms::others_exec);
  CHECK(result.exit_status == 2);
  CHECK(result.err.find("error: capsule:") != std::string::npos);
  CHECK(result.err.find("listening") == std::string::npos);
}

TEST_CASE("unknown config keys are warnings; the server runs") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  const std::string config = test_config("colour = \"blue\"");
  const auto line = 1 + std::count(config.begin(), config.begin() + static_cast<long>(config.find("colour")), '\n');
  GazetteProcess server(site, config);
  CHECK(server.stderr_text().find(fmt::format("config.toml:{}: warning: colour: unknown key", line)) != std::string::npos);
  CHECK(gemini_get(server.gemini_port(), "/").status() == 20);
}

TEST_CASE("story pages are served alike from the page store, from memory, and when the store cannot be made") {
  TempCapsule site;
  copy_sample_capsule(site);
  const std::string story = "/ukraine/blinken-rocks-out-on-a-road-to-nowhere";
  std::vector<std::string> gemini, gopher;
  for (const std::string store : {"", "page_store = \"\"", "page_store = \"/nonexistent-folder-for-pages\""}) {
    CAPTURE(store);
    GazetteProcess server(site, test_config(store));
    const bool can_keep = store.find("nonexistent") == std::string::npos;
    CHECK((server.stderr_text().find("warning: page_store: cannot keep pages in /nonexistent-folder-for-pages: No such "
                                     "file or directory; they are kept in memory instead") == std::string::npos) ==
          can_keep);
    const auto page = gemini_get(server.gemini_port(), story);
    CHECK(page.status() == 20);
    gemini.push_back(page.body + gemini_get(server.gemini_port(), "/ukraine/").body);
    gopher.push_back(tcp_exchange(server.gopher_port(), story + "\r\n").bytes +
                     tcp_exchange(server.gopher_port(), "/ukraine/\r\n").bytes);
  }
  CHECK(gemini[0].find("Blinken") != std::string::npos);
  CHECK(gemini[0] == gemini[1]);
  CHECK(gemini[0] == gemini[2]);
  CHECK(gopher[0].find("Blinken") != std::string::npos);
  CHECK(gopher[0] == gopher[1]);
  CHECK(gopher[0] == gopher[2]);
}

TEST_CASE("an access log line per request, refusals too, and SIGTERM ends the server with status 0") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  struct Row {
    std::string request, logged_url; // the URL as the log shows it (a regex)
  };
  const Row rows[] = {
      {fmt::format("gemini://localhost:{}/\r\n", port), fmt::format("gemini://localhost:{}/", port)},
      {fmt::format("gemini://localhost:{}/missing.gmi\r\n", port), fmt::format("gemini://localhost:{}/missing\\.gmi", port)},
      {"/relative.gmi\r\n", "/relative\\.gmi"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.request);
    const GeminiResponse response = gemini_exchange(port, row.request);
    REQUIRE(response.completed);
    // <time> <client> <status> <url> <bytes sent> <duration>
    const std::regex line(fmt::format(R"(\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1 {} {} {} [0-9.]+ms\n)",
                                      response.status(), row.logged_url,
                                      response.header.size() + 2 + response.body.size()));
    CHECK(eventually([&] { return std::regex_search(server.stdout_text(), line); }, 5s));
  }
  // One line each, no more.
  const std::string log = server.stdout_text();
  CHECK(std::count(log.begin(), log.end(), '\n') == 3);
  CHECK(server.stop(SIGTERM) == 0);
  // The last line on stderr says the server ended, and after how much.
  CHECK(server.stderr_text().ends_with("\nstopped: served 3 requests\n"));
}

TEST_CASE("SIGINT, like SIGTERM, ends an idle server with status 0 at once") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("shutdown_timeout = 5"));
  CHECK(gemini_get(server.gemini_port(), "/").status() == 20);
  const auto started = std::chrono::steady_clock::now();
  CHECK(server.stop(SIGINT) == 0);
  // Nothing was open, so the 5 s granted to open responses are not waited out.
  CHECK(std::chrono::steady_clock::now() - started < 3s);
  CHECK(server.stderr_text().ends_with("\nstopped: served 1 request\n"));
}

TEST_CASE("every listen address is logged and served, each answering for its own port") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, config_with("listen = [\"127.0.0.1:0\"]\ncert",
                                          "listen = [\"127.0.0.1:0\", \"127.0.0.1:0\"]\ncert"));
  std::vector<std::uint16_t> ports;
  const std::regex listening(R"(gemini listening on 127\.0\.0\.1:(\d+))");
  REQUIRE(eventually([&] {
    const std::string err = server.stderr_text();
    ports.clear();
    for (auto it = std::sregex_iterator(err.begin(), err.end(), listening); it != std::sregex_iterator(); ++it)
      ports.push_back(static_cast<std::uint16_t>(std::stoi((*it)[1])));
    return ports.size() == 2;
  }));
  CHECK(ports[0] != ports[1]);
  for (std::size_t i = 0; i < 2; ++i) {
    CAPTURE(ports[i]);
    CHECK(gemini_get(ports[i], "/").header == "20 text/gemini");
    // A URL naming the other listener's port is not this one's to answer.
    const std::uint16_t other = ports[1 - i];
    CHECK(gemini_exchange(ports[i], fmt::format("gemini://localhost:{}/\r\n", other)).header ==
          fmt::format("53 This server does not serve port {}", other));
  }
}

TEST_CASE("request timeout: silent clients get 59 or are dropped; a bare-LF request is answered at once") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 0.5"));
  const auto port = server.gemini_port();

  // The line has ended, without its CR: no need to wait for the timeout.
  GeminiResponse bare_lf = gemini_exchange(port, fmt::format("gemini://localhost:{}/\n", port), 5s);
  CHECK(bare_lf.header == "59 Request has a line feed without its carriage return; end the line with CRLF");

  // The client waits 5 s at most; the answer comes once the server's 0.5 s pass.

  GeminiResponse nothing = gemini_exchange(port, "", 5s);
  CHECK(nothing.header == "59 Request timed out; send the URL and CRLF");

  IdleConnection no_handshake(port);
  CHECK(no_handshake.closed_by_server_within(4s));
  CHECK(gemini_get(port, "/").status() == 20);
}

TEST_CASE("request timeout: a silent client is not waited for once it has its 59") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 2"));
  const auto port = server.gemini_port();

  // Answered client: the server waits for its close_notify, as for any answer.
  GeminiConversation answered(port);
  REQUIRE(answered.handshake_done());
  answered.send(fmt::format("gemini://localhost:{}/\r\n", port));
  CHECK(answered.read_response(5s).header == "20 text/gemini");
  CHECK_FALSE(answered.closed_by_server_within(500ms));

  // Silent client: after the 59 and close_notify the connection is closed
  // at once, not held for another request_timeout waiting for the client.
  GeminiConversation silent(port);
  REQUIRE(silent.handshake_done());
  GeminiResponse timed_out = silent.read_response(5s);
  CHECK(timed_out.header == "59 Request timed out; send the URL and CRLF");
  CHECK(timed_out.close_notify);
  CHECK(silent.closed_by_server_within(1s));
}

TEST_CASE("connections beyond max_connections are closed at once") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("max_connections = 2\nrequest_timeout = 3"));
  const auto port = server.gemini_port();
  {
    IdleConnection first(port), second(port);
    std::this_thread::sleep_for(200ms);
    IdleConnection third(port);
    CHECK(third.closed_by_server_within(1s));
  }
  // Once the idle ones are gone, new clients are served again.
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  int status = -1;
  while (status != 20 && std::chrono::steady_clock::now() < give_up) {
    status = gemini_get(port, "/").status();
    if (status != 20) std::this_thread::sleep_for(50ms);
  }
  CHECK(status == 20);
}

TEST_CASE("on SIGTERM, a request already under way is still answered; new connections are refused") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("shutdown_timeout = 5"));
  const auto port = server.gemini_port();
  GeminiConversation in_flight(port);
  REQUIRE(in_flight.handshake_done());
  in_flight.send(fmt::format("gemini://localhost:{}/", port));
  kill(server.pid(), SIGTERM);
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (server.stderr_text().find("received signal") == std::string::npos && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(10ms);
  REQUIRE(server.stderr_text().find("received signal") != std::string::npos);
  {
    asio::io_context io;
    asio::ip::tcp::socket late(io);
    std::error_code ec;
    late.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
    CHECK(ec == asio::error::connection_refused);
  }
  in_flight.send("\r\n");
  GeminiResponse answer = in_flight.read_response();
  CHECK(answer.header == "20 text/gemini");
  CHECK(answer.body == "# Hi\n");
  CHECK(server.stop() == 0);
}

TEST_CASE("per-client limits: concurrent connections, and a request rate answered with 44 or a type 3 error") {
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 3\n[limits]\nconnections_per_client = 2\n"
                                          "requests_per_second = 0.2\nburst = 3"));
  {
    IdleConnection first(server.gemini_port()), second(server.gopher_port());
    std::this_thread::sleep_for(200ms);
    IdleConnection third(server.gemini_port());
    CHECK(third.closed_by_server_within(1s));
  }
  // Three of the burst went to the idle connections above; what is left is soon spent.
  CHECK(eventually([&] { return gemini_get(server.gemini_port(), "/").status() == 44; }, 5s));
  const GeminiResponse limited = gemini_get(server.gemini_port(), "/");
  CHECK(limited.status() == 44);
  CHECK(std::stoi(limited.meta()) >= 1);
  CHECK(tcp_exchange(server.gopher_port(), "/\r\n").bytes.starts_with("3Too many requests; try again in "));
}

TEST_CASE("1,000 idle connections, silent TCP and stalled TLS, do not keep a good client waiting") {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  REQUIRE(files.rlim_cur >= 2200);

  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  GazetteProcess server(site, test_config("request_timeout = 20\n[limits]\nconnections_per_client = 5000\nburst = 5000"));
  std::vector<std::unique_ptr<IdleConnection>> idle;
  for (int i = 0; i < 400; ++i) idle.push_back(std::make_unique<IdleConnection>(server.gemini_port()));
  for (int i = 0; i < 400; ++i) idle.push_back(std::make_unique<IdleConnection>(server.gopher_port()));
  std::vector<std::unique_ptr<GeminiConversation>> stalled;
  for (int i = 0; i < 200; ++i) stalled.push_back(std::make_unique<GeminiConversation>(server.gemini_port()));
  for (const auto& conversation : stalled) CHECK(conversation->handshake_done());

  // Served while all of them wait: each client gives up after 10 s, and the
  // idle ones are allowed 20, so an answer means they did not hold it up.
  CHECK(gemini_get(server.gemini_port(), "/").header == "20 text/gemini");
  CHECK(tcp_exchange(server.gopher_port(), "/\r\n").completed);
  CHECK(server.running());
}

TEST_CASE("a client that stops reading a large response is dropped after the write timeout") {
  TempCapsule site;
  site.write("big.bin", std::string(8 * 1024 * 1024, 'x'));
  GazetteProcess server(site, test_config("request_timeout = 1"));
  GeminiConversation reader(server.gemini_port());
  REQUIRE(reader.handshake_done());
  reader.send(fmt::format("gemini://localhost:{}/big.bin\r\n", server.gemini_port()));
  // The client reads nothing; once the socket buffers are full the server's
  // writes stall, the timeout passes, and the connection is logged and gone.
  CHECK(eventually([&] { return server.stdout_text().find("/big.bin") != std::string::npos; }, 10s));
  std::smatch sent;
  const std::string log = server.stdout_text();
  REQUIRE(std::regex_search(log, sent, std::regex(R"(/big\.bin (\d+) )")));
  CHECK(std::stoull(sent[1]) < 8u * 1024 * 1024);
  CHECK(gemini_get(server.gemini_port(), "/big.bin").body.size() == 8u * 1024 * 1024);
}

TEST_CASE("started as root, the server binds and then serves as the configured user, or refuses to start") {
  if (geteuid() != 0) {
    MESSAGE("not running as root: dropping privileges cannot be tested here");
    return;
  }
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  {
    GazetteProcess server(site);
    CHECK(gemini_get(server.gemini_port(), "/").status() == 20);
    std::ifstream status(fmt::format("/proc/{}/status", server.pid()));
    std::string text((std::istreambuf_iterator<char>(status)), {});
    CHECK(std::regex_search(text, std::regex(R"(\nUid:\t65534\t65534\t65534\t65534\n)")));
    CHECK(std::regex_search(text, std::regex(R"(\nGroups:\s*\n)")));
    CHECK(server.stderr_text().find("serving as user nobody (uid 65534") != std::string::npos);
    // The certificate it made is the user's, so a reload can read it.
    struct stat key {};
    REQUIRE(stat((site.folder() / "certs/key.pem").c_str(), &key) == 0);
    CHECK(key.st_uid == 65534u);
  }
  std::string as_root = test_config();
  as_root.erase(as_root.find("user = \"nobody\"\n"), std::string("user = \"nobody\"\n").size());
  std::ofstream(site.folder() / "config.toml") << as_root;
  CommandResult refused = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
  CHECK(refused.exit_status == 2);
  CHECK(refused.err.find("user: started as root; set user") != std::string::npos);
  CHECK(refused.err.find("listening") == std::string::npos);

  std::ofstream(site.folder() / "config.toml") << "user = \"no-such-user-here\"\n" << as_root;
  CommandResult unknown = run_gazette(site.folder(), {"serve", "--config", "config.toml"});
  CHECK(unknown.exit_status == 2);
  CHECK(unknown.err.find("there is no user \"no-such-user-here\"") != std::string::npos);
}

TEST_CASE("started as root, the server reads its capsule as the configured user, from the first build on") {
  if (geteuid() != 0) {
    MESSAGE("not running as root: reading as another user cannot be tested here");
    return;
  }
  TempCapsule site;
  site.write("index.gmi", "# Hi\n");
  site.write("private.txt", "for root's eyes\n");
  namespace fs = std::filesystem;
  fs::permissions(site.root() / "private.txt", fs::perms::owner_read | fs::perms::owner_write);
  GazetteProcess server(site);
  CHECK(server.stderr_text().find("private.txt: warning: cannot be read (Permission denied)") != std::string::npos);
  CHECK(gemini_get(server.gemini_port(), "/index.gmi").status() == 20);
  // Read as root, the file was served until the first reload.
  const GeminiResponse gemini = gemini_get(server.gemini_port(), "/private.txt");
  CHECK(gemini.status() == 51);
  CHECK(gemini.body.find("root's eyes") == std::string::npos);
  const TcpResponse gopher = tcp_exchange(server.gopher_port(), "/private.txt\r\n");
  CHECK(gopher.bytes.rfind("3", 0) == 0);
  CHECK(gopher.bytes.find("root's eyes") == std::string::npos);
}
