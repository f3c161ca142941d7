// gazette render: what a reader gets, through the server's own answers.
#include "gazette_process.hpp"
#include "test_clients.hpp"

#include <doctest/doctest.h>

using namespace gazette::testing;

TEST_CASE("gazette render answers searches and full URLs as the server does") {
  TempCapsule site;
  copy_sample_capsule(site);
  GazetteProcess server(site);
  const auto port = server.gemini_port();
  struct Row {
    std::string request;  // as given to render
    std::string served;   // the same request sent to the server
    std::string header;
  };
  const Row rows[] = {
      {"/search?pier", "/search?pier", "20 text/gemini; lang=en"},
      {"/search?peace%20summit", "/search?peace%20summit", "20 text/gemini; lang=en"},
      {"/search", "/search", "10 Search the news"},
      {"gemini://localhost/search?pier", "/search?pier", "20 text/gemini; lang=en"},
      {"gemini://localhost/ukraine/", "/ukraine/", "20 text/gemini; lang=en"},
      {"gemini://localhost/", "/", "20 text/gemini; lang=en"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.request);
    CommandResult rendered = run_gazette(site.folder(), {"render", row.request, "--config", "config.toml"});
    CHECK(rendered.exit_status == 0);
    CHECK(rendered.err == row.header + "\r\n");
    const GeminiResponse response = gemini_get(port, row.served);
    CHECK(response.header == row.header);
    CHECK(rendered.out == response.body);
  }
  CHECK(run_gazette(site.folder(), {"render", "/search?pier", "--config", "config.toml"}).out.find(
            "=> /israel-gaza/us-military-pier-to-open-for-business-but-storms-ahead") != std::string::npos);

  for (const std::string selector : {"/search\tpier", "/search\tpeace summit", "/search"}) {
    CAPTURE(selector);
    CommandResult rendered = run_gazette(site.folder(), {"render", "--gopher", selector, "--config", "config.toml"});
    CHECK(rendered.exit_status == 0);
    CHECK(rendered.out == tcp_exchange(server.gopher_port(), selector + "\r\n").bytes);
  }
  CHECK(run_gazette(site.folder(), {"render", "--gopher", "/search\tpier", "--config", "config.toml"})
            .out.find("0$320M US military pier to open for business, but storms ahead\t") != std::string::npos);
}
