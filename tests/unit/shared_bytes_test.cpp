#include "snapshot/shared_bytes.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace gazette;

namespace {

std::string pieces_of(const SharedBytes& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.piece_count(); ++i) out += fmt::format("[{}]", bytes.piece(i));
  return out;
}

} // namespace

TEST_CASE("shared bytes: one string is one piece") {
  const SharedBytes page(std::string("20 text/gemini\r\n# Hi\n"));
  CHECK(page.size() == 21);
  CHECK(pieces_of(page) == "[20 text/gemini\r\n# Hi\n]");
  CHECK(page.joined() == "20 text/gemini\r\n# Hi\n");
  CHECK(SharedBytes(std::string()).piece_count() == 0);
  CHECK(SharedBytes().size() == 0);
  CHECK(pieces_of(page.after("head ")) == "[head 20 text/gemini\r\n# Hi\n]");
}

TEST_CASE("shared bytes: a page's own text between pieces that others hold, kept alive by the page") {
  auto first = std::make_shared<const std::string>("entry one\n");
  auto second = std::make_shared<const std::string>("entry two\n");
  SharedBytesBuilder builder;
  builder.text() += "# List\n";
  builder.share(*first, first);
  builder.text() += "section\n";
  builder.share(*second, second);
  builder.share(std::string_view(*second).substr(0, 0), second); // nothing to add
  builder.share(*second, second);
  builder.text() += "footer\n";
  const SharedBytes page = std::move(builder).finish();
  first.reset();
  second.reset();

  CHECK(pieces_of(page) == "[# List\n][entry one\n][section\n][entry two\n][entry two\n][footer\n]");
  CHECK(page.size() == page.joined().size());
  CHECK(page.joined() == "# List\nentry one\nsection\nentry two\nentry two\nfooter\n");

  const SharedBytes answer = page.after("20 text/gemini\r\n");
  CHECK(pieces_of(answer) == "[20 text/gemini\r\n][# List\n][entry one\n][section\n][entry two\n][entry two\n][footer\n]");
  CHECK(answer.size() == page.size() + 16);
}

TEST_CASE("shared bytes: a builder that shared nothing makes one piece; one that holds no own text, only pieces") {
  SharedBytesBuilder own_only;
  own_only.text() += "just text";
  CHECK(pieces_of(std::move(own_only).finish()) == "[just text]");

  auto entry = std::make_shared<const std::string>("entry");
  SharedBytesBuilder shared_only;
  shared_only.share(*entry, entry);
  const SharedBytes page = std::move(shared_only).finish();
  CHECK(pieces_of(page) == "[entry]");
  CHECK(pieces_of(page.after("")) == "[entry]");
}

TEST_CASE("shared bytes: another protocol's header in place of the first bytes, the rest shared") {
  auto story = std::make_shared<const std::string>("entry\n");
  SharedBytesBuilder builder;
  builder.text() += "# List\n";
  builder.share(*story, story);
  const SharedBytes list = std::move(builder).finish().after("20 text/gemini\r\n");
  const SharedBytes single(std::string("20 text/gemini\r\n# Hi\n"));
  struct Row {
    const SharedBytes* bytes;
    std::string head;
    std::size_t replaced;
    std::string pieces;
  };
  const Row rows[] = {
      {&single, "2 text/gemini\r\n", 16, "[2 text/gemini\r\n][# Hi\n]"},
      {&single, "", 16, "[# Hi\n]"},
      {&single, "x", 0, "[x][20 text/gemini\r\n# Hi\n]"},
      {&single, "3 /\r\n", 100, "[3 /\r\n]"},
      {&list, "2 text/gemini\r\n", 16, "[2 text/gemini\r\n][# List\n][entry\n]"},
      // Across a piece's end: the header and part of the page's own text.
      {&list, ">", 18, "[>][List\n][entry\n]"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.pieces);
    const SharedBytes replaced = row.bytes->with_head(row.head, row.replaced);
    CHECK(pieces_of(replaced) == row.pieces);
    CHECK(replaced.size() == replaced.joined().size());
  }
  // The shared piece is the original's, not a copy.
  const SharedBytes answer = single.with_head("2 text/gemini\r\n", 16);
  CHECK(answer.piece(1).data() == single.piece(0).data() + 16);
}

TEST_CASE("shared bytes: pieces of bytes with one holder keep it once, and alive") {
  // Two entries in one block of memory, as the page store keeps them.
  auto block = std::make_shared<const std::string>("first entry\nsecond entry\n");
  const SharedBytes first = SharedBytes::view(std::string_view(*block).substr(0, 12), block);
  const SharedBytes second = SharedBytes::view(std::string_view(*block).substr(12), block);
  const std::weak_ptr<const std::string> watched = block;
  SharedBytesBuilder builder;
  builder.text() += "# List\n";
  builder.share(first.piece(0), first);
  builder.share(second.piece(0), second);
  block.reset();
  const SharedBytes page = std::move(builder).finish();
  CHECK(watched.use_count() == 3); // the two views, and the page once
  CHECK(pieces_of(page) == "[# List\n][first entry\n][second entry\n]");
}
