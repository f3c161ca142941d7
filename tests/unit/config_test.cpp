#include "config/config.hpp"

#include <doctest/doctest.h>

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
