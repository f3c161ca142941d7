#include "site/spartan_site.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

Snapshot gemini_answers() {
  Snapshot snapshot;
  snapshot.gemini["/about.gmi"] = {std::string("20 text/gemini; lang=fr\r\n# \xC3\x80 propos\n=> /x Caf\xC3\xA9\n"), {}, 0};
  snapshot.gemini["/about"] = {std::string("31 /about.gmi\r\n"), {}, 0};
  snapshot.gemini["/old/story"] = {std::string("31 /w/story\r\n"), {}, 0};
  snapshot.gemini["/note.txt"] = {std::string("20 text/plain\r\ncaf\xC3\xA9\n"), {}, 0};
  snapshot.gemini["/big.png"] = {std::string("20 image/png\r\n"), "/capsule/big.png", 300000};
  snapshot.gemini["/search"] = {std::string("10 Search the news\r\n"), {}, 0};
  return snapshot;
}

} // namespace

TEST_CASE("Spartan answers are Gemini's with a Spartan status line") {
  struct Row {
    bool ascii;
    std::string path, bytes;
    bool shares_gemini; // the body is Gemini's very bytes
  };
  const Row rows[] = {
      {false, "/about.gmi", "2 text/gemini\r\n# \xC3\x80 propos\n=> /x Caf\xC3\xA9\n", true},
      {false, "/about", "3 /about.gmi\r\n", false},
      {false, "/old/story", "3 /w/story\r\n", false},
      {false, "/note.txt", "2 text/plain\r\ncaf\xC3\xA9\n", true},
      {false, "/big.png", "2 image/png\r\n", false},
      // For machines without UTF-8, gemtext is transliterated; other files stay as they are.
      {true, "/about.gmi", "2 text/gemini\r\n# A propos\n=> /x Cafe\n", false},
      {true, "/note.txt", "2 text/plain\r\ncaf\xC3\xA9\n", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.ascii);
    Snapshot snapshot = gemini_answers();
    add_spartan_resources(snapshot, nullptr, {}, SpartanSettings{{}, row.ascii, false});
    const Resource* spartan = Snapshot::find(snapshot.spartan, row.path);
    REQUIRE(spartan != nullptr);
    CHECK(spartan->bytes.joined() == row.bytes);
    const Resource& gemini = snapshot.gemini.at(row.path);
    CHECK(spartan->streamed_file == gemini.streamed_file);
    CHECK(spartan->streamed_size == gemini.streamed_size);
    const std::string_view gemini_first = gemini.bytes.piece(0);
    const bool shared = spartan->bytes.piece_count() > 1 &&
                        spartan->bytes.piece(1).data() == gemini_first.data() + gemini_first.find("\r\n") + 2;
    CHECK(shared == row.shares_gemini);
  }
}

TEST_CASE("Spartan has no input status: Gemini's prompt is not carried over") {
  Snapshot snapshot = gemini_answers();
  add_spartan_resources(snapshot, nullptr, {}, SpartanSettings{});
  CHECK(Snapshot::find(snapshot.spartan, "/search") == nullptr);
  CHECK(snapshot.spartan.size() == snapshot.gemini.size() - 1);
}
