// Golden files: each tests/data/golden/<name>.md rendered for Gemini must be
// byte for byte <name>.gmi, and for Gopher (70 columns, UTF-8) <name>.txt.
#include "content/body.hpp"
#include "gemini/gemtext.hpp"
#include "gopher/gopher_text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("golden bodies render exactly as expected for Gemini and Gopher") {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GAZETTE_TEST_DATA) / "golden")) {
    if (entry.path().extension() != ".md") continue;
    CAPTURE(entry.path().filename().string());
    const Body body = parse_body(read(entry.path()));

    std::string gemtext;
    render_body_gemtext(body, gemtext);
    CHECK(gemtext == read(fs::path(entry.path()).replace_extension(".gmi")));

    std::string text;
    TextReferences references;
    render_body_text(body, TextStyle{70, false}, references, text);
    for (std::size_t i = 0; i < references.urls.size(); ++i) text += fmt::format("[{}] {}\n", i + 1, references.urls[i]);
    CHECK(text == read(fs::path(entry.path()).replace_extension(".txt")));
    ++checked;
  }
  CHECK(checked >= 9);
}
