#include "text/url_path.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace gazette {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

bool percent_decode(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return true;
}

std::variant<std::string, PathRefusal> normalize_request_path(std::string_view raw_path) {
  std::vector<std::string> segments;
  bool trailing_slash = raw_path.empty() || raw_path.back() == '/';
  std::string decoded;

  std::size_t start = 0;
  while (start <= raw_path.size()) {
    std::size_t end = raw_path.find('/', start);
    if (end == std::string_view::npos) end = raw_path.size();
    std::string_view raw = raw_path.substr(start, end - start);
    start = end + 1;

    if (!percent_decode(raw, decoded)) return PathRefusal{"Path has a malformed percent escape"};
    if (decoded.find('/') != std::string::npos) return PathRefusal{"Path contains an encoded slash"};
    if (decoded.find('\\') != std::string::npos) return PathRefusal{"Path contains a backslash"};
    for (unsigned char c : decoded)
      if (c < 0x20 || c == 0x7F) return PathRefusal{"Path contains a control character"};
    if (!is_valid_utf8(decoded)) return PathRefusal{"Path is not valid UTF-8"};

    bool last = start > raw_path.size();
    if (decoded.empty() || decoded == ".") {
      if (last && !decoded.empty()) trailing_slash = true;
    } else if (decoded == "..") {
      if (segments.empty()) return PathRefusal{std::string(climbs_above_root_reason)};
      segments.pop_back();
      if (last) trailing_slash = true;
    } else {
      segments.push_back(decoded);
    }
  }

  std::string path = "/";
  for (std::size_t i = 0; i < segments.size(); ++i) {
    path += segments[i];
    if (i + 1 < segments.size() || trailing_slash) path += '/';
  }
  return path;
}

std::string resolve_link_path(std::string_view page_path, std::string_view link) {
  link = link.substr(0, link.find_first_of("?#"));
  std::string merged;
  if (link.starts_with('/')) {
    merged = link;
  } else {
    merged = page_path.substr(0, page_path.rfind('/') + 1);
    if (merged.empty()) merged += '/';
    merged += link;
  }
  // The segments as they stand, "." and ".." removed; a "." or ".." at the
  // end names a folder.
  std::vector<std::string_view> segments;
  const std::string_view path = merged;
  bool folder = path.ends_with('/');
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    const bool last = end == path.size();
    start = end + 1;
    if (segment == "." || segment == "..") {
      if (segment == ".." && !segments.empty()) segments.pop_back();
      if (last) folder = true;
    } else if (!segment.empty()) {
      segments.push_back(segment);
    }
  }
  std::string resolved = "/";
  for (std::size_t i = 0; i < segments.size(); ++i) {
    resolved += segments[i];
    if (i + 1 < segments.size() || folder) resolved += '/';
  }
  return resolved;
}

std::string_view capsule_relative(std::string_view path) {
  while (path.starts_with('/')) path.remove_prefix(1);
  return path;
}

bool has_url_scheme(std::string_view link) {
  const std::size_t colon = link.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_letter(link[0])) return false;
  return std::all_of(link.begin() + 1, link.begin() + static_cast<std::ptrdiff_t>(colon), [&](char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  });
}

std::string url_scheme(std::string_view link) {
  if (!has_url_scheme(link)) return "";
  std::string scheme(link.substr(0, link.find(':')));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return scheme;
}

bool climbs_above_root(std::string_view path) {
  std::size_t depth = 0;
  while (!path.empty()) {
    const std::size_t end = std::min(path.find('/'), path.size());
    const std::string_view segment = path.substr(0, end);
    path.remove_prefix(std::min(end + 1, path.size()));
    if (segment == "..") {
      if (depth == 0) return true;
      --depth;
    } else if (!segment.empty() && segment != ".") {
      ++depth;
    }
  }
  return false;
}

} // namespace gazette

namespace gazette {

std::string percent_encode_path(std::string_view path) {
  // Looked up by byte, not searched for: every feed entry's links pass here.
  static constexpr std::array<bool, 256> allowed = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@"))
      table[c] = true;
    return table;
  }();
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    if (allowed[c]) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

} // namespace gazette
