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
