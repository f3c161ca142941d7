// Reading Gopher menus and text documents as a client does, checking every
// rule a menu line must keep on the way.
#pragma once
#include <algorithm>
#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <regex>
#include <string>
#include <vector>

namespace gazette::testing {

inline std::size_t columns(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

struct MenuItem {
  char type;
  std::string display, selector, host, port;

  // Where the item leads, as a text document's reference writes it.
  std::string url() const {
    if (selector.starts_with("URL:")) return selector.substr(4);
    return "gopher://" + host + ":" + port + "/" + type + selector;
  }
};

// Checks every rule a menu line must keep and returns the items. Items
// point at this server ("localhost", port 7070) unless `other_hosts`.
inline std::vector<MenuItem> checked_menu(const std::string& menu, bool other_hosts = false) {
  std::vector<MenuItem> items;
  REQUIRE(menu.ends_with("\r\n.\r\n"));
  std::size_t start = 0;
  while (start < menu.size()) {
    const std::size_t end = menu.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = menu.substr(start, end - start);
    start = end + 2;
    if (line == ".") {
      CHECK(start == menu.size());
      break;
    }
    CAPTURE(line);
    CHECK(line.find('\n') == std::string::npos);
    std::vector<std::string> fields;
    std::size_t field_start = 1;
    for (std::size_t tab; (tab = line.find('\t', field_start)) != std::string::npos; field_start = tab + 1)
      fields.push_back(line.substr(field_start, tab - field_start));
    fields.push_back(line.substr(field_start));
    REQUIRE(fields.size() == 4);
    CHECK(columns(fields[0]) < 70);
    if (line[0] == 'i') {
      CHECK(fields[1] == "");
      CHECK(fields[2] == "error.host");
      CHECK(fields[3] == "1");
    } else if (!other_hosts || fields[2] == "localhost") {
      CHECK(fields[2] == "localhost");
      CHECK(fields[3] == "7070");
    }
    for (unsigned char c : line) CHECK(c < 0x80); // ASCII by default
    items.push_back({line[0], fields[0], fields[1], fields[2], fields[3]});
  }
  return items;
}

// The URLs of a text document's References block ("[n] url" lines), in order.
inline std::vector<std::string> references_of(const std::string& text) {
  std::vector<std::string> urls;
  const std::size_t block = text.find("\r\nReferences\r\n----------\r\n");
  if (block == std::string::npos) return urls;
  static const std::regex reference(R"(\[(\d+)\] ([^\r\n]+)\r\n)");
  for (auto it = std::sregex_iterator(text.begin() + static_cast<std::ptrdiff_t>(block), text.end(), reference);
       it != std::sregex_iterator(); ++it) {
    CHECK(std::stoul((*it)[1].str()) == urls.size() + 1);
    urls.push_back((*it)[2].str());
  }
  return urls;
}

// What a shell command prints on stdout.
inline std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  pclose(pipe);
  return output;
}

} // namespace gazette::testing
