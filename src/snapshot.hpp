// The published capsule as the request path sees it: every answer rendered
// once, indexed by path. A snapshot never changes after it is built; a new
// one replaces it whole (see SnapshotStore).
#pragma once
#include "config.hpp"
#include "search_pages.hpp"
#include "shared_bytes.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace asio::ssl {
class context;
}

namespace gazette {

// A complete Gemini answer: header and body bytes, and for files too large to
// keep in memory, the file whose contents follow the header.
struct GeminiResource {
  SharedBytes response;
  std::filesystem::path streamed_file;
  std::uint64_t streamed_size = 0;
};

// A complete Gopher answer: a menu, a text document, or a file's bytes
// (streamed from disk when large).
struct GopherResource {
  SharedBytes response;
  std::filesystem::path streamed_file;
  std::uint64_t streamed_size = 0;
};

struct Snapshot {
  // The settings and TLS identity this snapshot was built with: a
  // connection takes one snapshot when it starts and uses it to the end.
  std::shared_ptr<const Config> config;
  std::shared_ptr<asio::ssl::context> tls;

  std::unordered_map<std::string, GeminiResource> gemini;
  std::string gemini_not_found = "51 Not found\r\n";
  std::unordered_map<std::string, GopherResource> gopher; // by selector
  std::shared_ptr<const SearchPages> search;              // null for a plain file capsule

  const GeminiResource* find_gemini(const std::string& path) const {
    auto it = gemini.find(path);
    return it == gemini.end() ? nullptr : &it->second;
  }
  const GopherResource* find_gopher(const std::string& selector) const {
    auto it = gopher.find(selector);
    return it == gopher.end() ? nullptr : &it->second;
  }
};

} // namespace gazette
