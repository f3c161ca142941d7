// gazette-bench against the real server: the figures BENCHMARKS.md reports
// come from this tool, so its counts must agree with what the server did.
#include "gazette_process.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <sstream>

using namespace gazette::testing;

namespace {

// Runs gazette-bench with `args` and returns its --summary fields; it exits
// 1 when no request at all was answered as expected.
std::map<std::string, std::string> bench_summary(const std::string& args, int expected_exit = 0) {
  const std::string command = fmt::format("{} {} --summary 2>&1", GAZETTE_BENCH_BINARY, args);
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char chunk[512];
  while (std::fgets(chunk, sizeof chunk, pipe)) output += chunk;
  const int status = pclose(pipe);
  INFO(command, "\n", output);
  REQUIRE(WEXITSTATUS(status) == expected_exit);
  std::map<std::string, std::string> fields;
  std::istringstream words(output);
  for (std::string word; words >> word;)
    if (auto equals = word.find('='); equals != std::string::npos) fields[word.substr(0, equals)] = word.substr(equals + 1);
  REQUIRE_FALSE(fields.empty());
  return fields;
}

const std::string generous_limits = "[limits]\nrequests_per_second = 100000\nburst = 100000\nconnections_per_client = 1000\n";

} // namespace

TEST_CASE("gazette-bench: full and resumed Gemini requests, Gopher requests, all counted") {
  TempCapsule site;
  site.write("page.gmi", std::string(2000, 'x') + "\n");
  site.write("page.txt", std::string(1000, 'y') + "\n");
  GazetteProcess server(site, test_config(generous_limits));
  const std::string gemini = fmt::format("gemini://localhost:{}/page.gmi", server.gemini_port());
  const std::string pid = std::to_string(server.pid());

  auto full = bench_summary(gemini + " -n 60 -w 0 -c 4 -p " + pid);
  CHECK(full["requests"] == "60");
  CHECK(full["errors"] == "0");
  CHECK(full["no_close_notify"] == "0");
  CHECK(full["resumed"] == "0");
  CHECK(full["server_cpu_us"] != "-");
  CHECK(std::stod(full["bench_cpu_us"]) > 0);

  // Each connection offers the ticket from its last one; only the first
  // request of each of the 4 connections is a full handshake.
  auto resumed = bench_summary(gemini + " -n 60 -w 0 -c 4 --resume");
  CHECK(resumed["requests"] == "60");
  CHECK(resumed["errors"] == "0");
  CHECK(std::stoi(resumed["resumed"]) >= 56);

  auto gopher = bench_summary(fmt::format("gopher://127.0.0.1:{}/0/page.txt -n 60 -w 0 -c 4", server.gopher_port()));
  CHECK(gopher["requests"] == "60");
  CHECK(gopher["errors"] == "0");

  // A missing page is an error of its own kind, not a request answered.
  auto missing = bench_summary(fmt::format("gemini://localhost:{}/nowhere.gmi -n 5 -w 0", server.gemini_port()), 1);
  CHECK(missing["requests"] == "0");
  CHECK(missing["errors"] == "5");
}

TEST_CASE("gazette-bench: idle connections held past the TLS handshake, and the server's memory read") {
  TempCapsule site;
  site.write("index.gmi", "# Home\n");
  GazetteProcess server(site, test_config(generous_limits));
  auto idle = bench_summary(fmt::format("gemini://localhost:{}/ --idle 200 --hold 0.5 -p {}", server.gemini_port(),
                                        server.pid()));
  CHECK(idle["held"] == "200");
  CHECK(idle["errors"] == "0");
  CHECK(std::stol(idle["server_kib_after"]) > 0);
  CHECK(idle["kib_per_connection"] != "-");
}

TEST_CASE("gazette-bench refuses a target that is not on loopback") {
  const std::string command = fmt::format("{} gemini://192.0.2.1/ -n 1 2>&1", GAZETTE_BENCH_BINARY);
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char chunk[512];
  while (std::fgets(chunk, sizeof chunk, pipe)) output += chunk;
  CHECK(WEXITSTATUS(pclose(pipe)) == 2);
  CHECK(output.find("only loopback addresses") != std::string::npos);
}
