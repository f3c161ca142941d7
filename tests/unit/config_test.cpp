#include "config/config.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

namespace {

const ConfigProblem* find_problem(const ConfigResult& result, const std::string& key) {
  for (const auto& problem : result.problems)
    if (problem.key == key) return &problem;
  return nullptr;
}

} // namespace

TEST_CASE("the shipped keys are read, paths relative to the config's folder") {
  auto result = parse_config(R"(
capsule = "capsule"
hostname = ["News.Example", "localhost"]
threads = 2
max_connections = 100
request_timeout = 0.5
[gemini]
listen = ["127.0.0.1:1965", "[::1]:1965"]
cert = "certs/cert.pem"
key = "/etc/gazette/key.pem"
[gopher]
listen = ["127.0.0.1:7070"]
host = "gopher.example"
port = 70
wrap = 72
ascii = false
[spartan]
listen = ["0.0.0.0:300", "[::]:300"]
ascii = true
proxy_protocol = true
[finger]
listen = ["127.0.0.1:79"]
host = "finger.example"
ascii = false
)",
                             "/srv/news/config.toml");
  CHECK(result.problems.empty());
  const Config& config = result.config;
  CHECK(config.capsule == "/srv/news/capsule");
  CHECK(config.hostnames == std::vector<std::string>{"news.example", "localhost"});
  CHECK(config.threads == 2);
  CHECK(config.max_connections == 100);
  CHECK(config.request_timeout == std::chrono::milliseconds(500));
  REQUIRE(config.gemini.listen.size() == 2);
  CHECK(config.gemini.listen[0].to_string() == "127.0.0.1:1965");
  CHECK(config.gemini.listen[1].ip == "::1");
  CHECK(config.gemini.listen[1].to_string() == "[::1]:1965");
  CHECK(config.gemini.cert == "/srv/news/certs/cert.pem");
  CHECK(config.gemini.key == "/etc/gazette/key.pem");
  CHECK(config.gopher.host == "gopher.example");
  CHECK(config.gopher.port == 70);
  CHECK(config.gopher.wrap == 72);
  CHECK_FALSE(config.gopher.ascii);
  REQUIRE(config.spartan.listen.size() == 2);
  CHECK(config.spartan.listen[1].to_string() == "[::]:300");
  CHECK(config.spartan.ascii);
  CHECK(config.spartan.proxy_protocol);
  REQUIRE(config.finger.listen.size() == 1);
  CHECK(config.finger.listen[0].port == 79);
  CHECK(config.finger.host == "finger.example");
  CHECK_FALSE(config.finger.ascii);
  CHECK_FALSE(config.finger.proxy_protocol);
}

TEST_CASE("page_store: a folder relative to the config's, an absolute one, or none") {
  struct Row {
    std::string text;
    std::filesystem::path folder;
  };
  const Row rows[] = {
      {"", "/var/tmp"},
      {"page_store = \"/srv/cache\"", "/srv/cache"},
      {"page_store = \"pages\"", "/srv/news/pages"},
      {"page_store = \"\"", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto result = parse_config(row.text, "/srv/news/config.toml");
    CHECK(result.problems.empty());
    CHECK(result.config.page_store == row.folder);
  }
}

TEST_CASE("defaults when keys are absent") {
  auto result = parse_config("", "config.toml");
  CHECK(result.problems.empty());
  CHECK(result.config.hostnames == std::vector<std::string>{"localhost"});
  CHECK(result.config.request_timeout == std::chrono::seconds(10));
  CHECK(result.config.gemini.listen.size() == 2);
  CHECK(result.config.gopher.listen.empty());
  CHECK(result.config.gopher.ascii);
  CHECK(result.config.gopher.wrap == 70);
  // Spartan and Finger are off until configured; Finger speaks ASCII, as Gopher does.
  CHECK(result.config.spartan.listen.empty());
  CHECK_FALSE(result.config.spartan.ascii);
  CHECK(result.config.finger.listen.empty());
  CHECK(result.config.finger.ascii);
  CHECK(result.config.finger.host == "localhost");
}

TEST_CASE("Finger names the first hostname unless [finger] host says otherwise") {
  struct Row {
    std::string text, host;
  };
  const Row rows[] = {
      {"hostname = [\"news.example\", \"localhost\"]", "news.example"},
      {"hostname = \"news.example\"\n[finger]\nhost = \"desk.example\"", "desk.example"},
      {"[finger]\nlisten = [\"127.0.0.1:0\"]", "localhost"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto result = parse_config(row.text, "config.toml");
    CHECK(result.problems.empty());
    CHECK(result.config.finger.host == row.host);
  }
}

TEST_CASE("wrong types and invalid values are errors naming key and line") {
  struct Row {
    std::string text, key;
    int line;
    std::string message_contains;
  };
  const Row rows[] = {
      {"capsule = 3", "capsule", 1, "string"},
      {"hostname = 3", "hostname", 1, "string or an array"},
      {"hostname = []", "hostname", 1, "at least one"},
      {"hostname = \"bad host\"", "hostname", 1, "not a host name"},
      {"threads = -1", "threads", 1, "whole number"},
      {"threads = \"2\"", "threads", 1, "whole number"},
      {"page_store = false", "page_store", 1, "string"},
      {"max_connections = 0", "max_connections", 1, "whole number"},
      {"request_timeout = 0", "request_timeout", 1, "seconds"},
      {"request_timeout = \"10s\"", "request_timeout", 1, "seconds"},
      {"\n[gemini]\nlisten = [\"nonsense\"]", "gemini.listen", 3, "not an address"},
      {"[gemini]\nlisten = [\"127.0.0.1:99999\"]", "gemini.listen", 2, "not an address"},
      {"[gemini]\nlisten = [\"127.0.0.1\"]", "gemini.listen", 2, "not an address"},
      {"[gemini]\nlisten = [\"::1:1965\"]", "gemini.listen", 2, "not an address"},
      {"[gemini]\nlisten = [\"localhost:1965\"]", "gemini.listen", 2, "not an address"},
      {"[gemini]\nlisten = [1965]", "gemini.listen", 2, "only strings"},
      {"[gemini]\ncert = true", "gemini.cert", 2, "string"},
      {"gemini = 1", "gemini", 1, "table"},
      {"[gopher]\nport = 70000", "gopher.port", 2, "whole number"},
      {"[gopher]\nascii = \"yes\"", "gopher.ascii", 2, "true or false"},
      {"[gopher]\nwrap = 10", "gopher.wrap", 2, "whole number"},
      {"[spartan]\nlisten = [\"127.0.0.1\"]", "spartan.listen", 2, "not an address"},
      {"[spartan]\nascii = 1", "spartan.ascii", 2, "true or false"},
      {"[spartan]\nproxy_protocol = \"no\"", "spartan.proxy_protocol", 2, "true or false"},
      {"spartan = true", "spartan", 1, "table"},
      {"[finger]\nlisten = 79", "finger.listen", 2, "string or an array"},
      {"[finger]\nascii = \"yes\"", "finger.ascii", 2, "true or false"},
      {"[finger]\nhost = 79", "finger.host", 2, "string"},
      {"\n[finger]\nproxy_protocol = 0", "finger.proxy_protocol", 3, "true or false"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto result = parse_config(row.text, "config.toml");
    CHECK(result.has_errors());
    const ConfigProblem* problem = find_problem(result, row.key);
    REQUIRE(problem != nullptr);
    CHECK(problem->severity == ConfigProblem::Severity::error);
    CHECK(problem->line == row.line);
    CHECK(problem->message.find(row.message_contains) != std::string::npos);
  }
}

TEST_CASE("unknown keys are warnings, not errors") {
  auto result = parse_config("colour = \"blue\"\n[gemini]\nlisten = [\"127.0.0.1:0\"]\ntimeout = 3\n", "config.toml");
  CHECK_FALSE(result.has_errors());
  REQUIRE(result.problems.size() == 2);
  CHECK(find_problem(result, "colour")->severity == ConfigProblem::Severity::warning);
  CHECK(find_problem(result, "gemini.timeout")->line == 4);
}

TEST_CASE("TOML syntax errors name the line") {
  auto result = parse_config("capsule = \"capsule\"\nhostname = = 3\n", "config.toml");
  REQUIRE(result.has_errors());
  CHECK(result.problems[0].line == 2);
  CHECK(format_problem("config.toml", result.problems[0]).starts_with("config.toml:2: error: not valid TOML"));
}

TEST_CASE("listen addresses") {
  CHECK(parse_listen_address("0.0.0.0:70")->port == 70);
  CHECK(parse_listen_address("[::]:1965")->ip == "::");
  CHECK(parse_listen_address("127.0.0.1:0")->port == 0);
  CHECK_FALSE(parse_listen_address("127.0.0.1:"));
  CHECK_FALSE(parse_listen_address(":1965"));
  CHECK_FALSE(parse_listen_address("[::1]"));
  CHECK_FALSE(parse_listen_address("127.0.0.1:-1"));
  CHECK_FALSE(parse_listen_address("256.0.0.1:1965"));
}

namespace {

const std::string fingerprint_a = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
const std::string fingerprint_b = std::string(64, 'b');

} // namespace

TEST_CASE("[[editor]] entries and [newsroom]: the newsroom's people and settings") {
  auto result = parse_config(fmt::format(R"(
[newsroom]
history = "/var/lib/gazette/history"
max_upload = 1000

[[editor]]
name = "A. Writer"
fingerprint = "{}"
role = "editor"

[[editor]]
name = "B. Reporter"
fingerprint = "{}"
role = "reporter"
sections = ["north-america", "world"]
)",
                                         fingerprint_a, fingerprint_b),
                             "/srv/news/config.toml");
  CHECK(result.problems.empty());
  const Config& config = result.config;
  REQUIRE(config.editors.size() == 2);
  CHECK(config.editors[0].name == "A. Writer");
  CHECK(config.editors[0].fingerprint == "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  CHECK(config.editors[0].role == EditorSettings::Role::editor);
  CHECK(config.editors[0].sections.empty());
  CHECK(config.editors[1].role == EditorSettings::Role::reporter);
  CHECK(config.editors[1].sections == std::vector<std::string>{"north-america", "world"});
  CHECK(config.newsroom.history == "/var/lib/gazette/history");
  CHECK(config.newsroom.max_upload == 1000);
}

TEST_CASE("the newsroom's defaults: no editors, history beside config.toml") {
  auto result = parse_config("", "/srv/news/config.toml");
  CHECK(result.config.editors.empty());
  CHECK(result.config.newsroom.history == "/srv/news/history");
  CHECK(result.config.newsroom.max_upload == 4 * 1024 * 1024);
}

TEST_CASE("[[editor]] and [newsroom] mistakes are errors naming key and line") {
  struct Row {
    std::string text, key;
    int line;
    std::string message_contains;
  };
  const std::string a = "fingerprint = \"" + fingerprint_a + "\"\n";
  const Row rows[] = {
      {"[[editor]]\nname = \"A\"\nrole = \"editor\"\n", "editor.fingerprint", 1, "missing"},
      {"[[editor]]\n" + a + "role = \"editor\"\n", "editor.name", 1, "missing"},
      {"[[editor]]\nname = \"A\"\n" + a, "editor.role", 1, "missing"},
      {"[[editor]]\nname = \"\"\n" + a + "role = \"editor\"\n", "editor.name", 2, "a person's name"},
      {"[[editor]]\nname = \"A\\tB\"\n" + a + "role = \"editor\"\n", "editor.name", 2, "without tabs"},
      {"[[editor]]\nname = 3\n" + a + "role = \"editor\"\n", "editor.name", 2, "string"},
      {"[[editor]]\nname = \"A\"\nfingerprint = \"abc\"\nrole = \"editor\"\n", "editor.fingerprint", 3, "64 hexadecimal"},
      {"[[editor]]\nname = \"A\"\nfingerprint = \"" + std::string(63, 'a') + "g\"\nrole = \"editor\"\n",
       "editor.fingerprint", 3, "64 hexadecimal"},
      {"[[editor]]\nname = \"A\"\nfingerprint = \"" + std::string(66, 'a') + "\"\nrole = \"editor\"\n",
       "editor.fingerprint", 3, "64 hexadecimal"},
      {"[[editor]]\nname = \"A\"\n" + a + "role = \"boss\"\n", "editor.role", 4, "\"editor\" (any story) or \"reporter\""},
      {"[[editor]]\nname = \"A\"\n" + a + "role = \"reporter\"\nsections = [\"North America\"]\n", "editor.sections",
       5, "not a section folder's name"},
      {"[[editor]]\nname = \"A\"\n" + a + "role = \"editor\"\n[[editor]]\nname = \"B\"\n" + a + "role = \"editor\"\n",
       "editor.fingerprint", 5, "also given at line 1"},
      {"editor = \"A\"\n", "editor", 1, "[[editor]]"},
      {"[newsroom]\nmax_upload = 0\n", "newsroom.max_upload", 2, "whole number"},
      {"[newsroom]\nhistory = 3\n", "newsroom.history", 2, "string"},
      {"capsule = \"capsule\"\n[newsroom]\nhistory = \"capsule/history\"\n[[editor]]\nname = \"A\"\n" + a +
           "role = \"editor\"\n",
       "newsroom.history", 0, "inside the capsule"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto result = parse_config(row.text, "config.toml");
    CHECK(result.has_errors());
    const ConfigProblem* problem = find_problem(result, row.key);
    REQUIRE(problem != nullptr);
    CHECK(problem->severity == ConfigProblem::Severity::error);
    CHECK(problem->line == row.line);
    CHECK(problem->message.find(row.message_contains) != std::string::npos);
  }
}

TEST_CASE("where the history folder may be: outside the capsule, or hidden in it") {
  const std::string editor = "[[editor]]\nname = \"A\"\nfingerprint = \"" + fingerprint_b + "\"\nrole = \"editor\"\n";
  struct Row {
    std::string history;
    bool accepted;
  };
  const Row rows[] = {
      {"history", true},
      {"/var/lib/gazette/history", true},
      {"capsule/.history", true},
      {"capsule/world/.versions/old", true},
      {"capsule/_history", true},
      {"capsule-history", true},
      {"capsule/history", false},
      {"capsule", false},
      {"capsule/./history", false},
      {"other/../capsule/history", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.history);
    auto result = parse_config("capsule = \"capsule\"\n" + editor + "[newsroom]\nhistory = \"" + row.history + "\"\n",
                               "/srv/news/config.toml");
    CHECK(result.has_errors() != row.accepted);
  }
  // Without editors there is no newsroom, and nothing to keep from readers.
  CHECK_FALSE(parse_config("capsule = \"capsule\"\n[newsroom]\nhistory = \"capsule/history\"\n", "config.toml").has_errors());
}

TEST_CASE("the private key and ticket keys may not lie where the capsule publishes them") {
  struct Row {
    std::string text;
    std::string key; // the key refused, or "" when accepted
  };
  const Row rows[] = {
      {"", ""},
      {"capsule = \".\"\n", "gemini.key"},
      {"capsule = \"/srv/news\"\n", "gemini.key"},
      {"capsule = \"/srv/news/capsule\"\n", ""},
      {"[gemini]\nkey = \"capsule/key.pem\"\n", "gemini.key"},
      {"[gemini]\nkey = \"capsule/tls/key.pem\"\n", "gemini.key"},
      {"[gemini]\nkey = \"capsule/.tls/key.pem\"\n", ""},
      {"[gemini]\nkey = \"capsule/_tls/key.pem\"\n", ""},
      {"[gemini]\nkey = \"/etc/gazette/key.pem\"\n", ""},
      {"[gemini]\nticket_keys = \"capsule/tickets.key\"\n", "gemini.ticket_keys"},
      {"[gemini]\nticket_keys = \"tickets.key\"\n", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto result = parse_config(row.text, "/srv/news/config.toml");
    CHECK(result.has_errors() == !row.key.empty());
    if (row.key.empty()) continue;
    const ConfigProblem* problem = find_problem(result, row.key);
    REQUIRE(problem != nullptr);
    CHECK(problem->message.find("is inside the capsule, where readers could fetch it") != std::string::npos);
  }
  // config.toml itself holds no secret: a warning.
  auto served = parse_config("capsule = \".\"\n[gemini]\nkey = \"/etc/gazette/key.pem\"\n", "/srv/news/config.toml");
  CHECK_FALSE(served.has_errors());
  const ConfigProblem* warning = find_problem(served, "capsule");
  REQUIRE(warning != nullptr);
  CHECK(warning->severity == ConfigProblem::Severity::warning);
  CHECK(warning->message.starts_with("/srv/news/config.toml is inside the capsule"));
  CHECK(find_problem(parse_config("", "/srv/news/config.toml"), "capsule") == nullptr);
}

TEST_CASE("[[editor]] oddities that are only warnings") {
  auto result = parse_config("[[editor]]\nname = \"A\"\nfingerprint = \"" + fingerprint_b +
                                 "\"\nrole = \"editor\"\nsections = [\"world\"]\nmood = \"calm\"\n",
                             "config.toml");
  CHECK_FALSE(result.has_errors());
  REQUIRE(find_problem(result, "editor.sections") != nullptr);
  CHECK(find_problem(result, "editor.sections")->severity == ConfigProblem::Severity::warning);
  CHECK(find_problem(result, "editor.mood")->line == 6);
  CHECK(result.config.editors.size() == 1);
}

TEST_CASE("fingerprints as people copy them") {
  struct Row {
    std::string text;
    std::optional<std::string> normalized;
  };
  const std::string digits = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const Row rows[] = {
      {digits, digits},
      {"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", digits},
      {"01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef", digits},
      {"", std::nullopt},
      {digits.substr(1), std::nullopt},
      {digits + "0", std::nullopt},
      {"SHA256 Fingerprint=" + digits, std::nullopt},
      {digits.substr(0, 63) + " ", std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    CHECK(normalize_fingerprint(row.text) == row.normalized);
  }
}
