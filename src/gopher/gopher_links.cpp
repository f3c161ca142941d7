#include "gopher/gopher_links.hpp"

#include "gopher/gopher_pages.hpp"
#include "snapshot/snapshot.hpp"
#include "text/url_path.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace gazette {

namespace {

// "gopher://host[:port]/<type><selector>" (RFC 4266) as an item; a URL
// without a host is left as a "URL:" item.
std::optional<GopherLink> gopher_url_item(std::string_view url) {
  constexpr std::string_view scheme = "gopher://";
  if (url.size() < scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return std::nullopt;
  std::string_view rest = url.substr(scheme.size());
  const std::size_t slash = std::min(rest.find('/'), rest.size());
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = rest.substr(slash);
  GopherLink link;
  link.url = std::string(url);
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    const std::string_view digits = authority.substr(colon + 1);
    unsigned port = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || port == 0 || port > 65535) return std::nullopt;
    link.port = static_cast<std::uint16_t>(port);
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return std::nullopt;
  link.host = std::string(authority);
  if (path.size() >= 2) {
    link.type = path[1];
    std::string selector;
    if (!percent_decode(path.substr(2), selector)) return std::nullopt;
    link.selector = std::move(selector);
  }
  return link;
}

// The item type of a path on this capsule.
char local_type(const Publication* publication, std::string& path) {
  if (path == search_path) return '7';
  if (path.ends_with('/')) return '1';
  if (publication) {
    if (publication->by_path.count(path)) return '0';
    // A section named without its slash: its menu.
    if (publication->find_section(path.substr(1)) || path == "/tags") {
      path += '/';
      return '1';
    }
  }
  const std::size_t dot = path.rfind('.');
  if (dot != std::string::npos && path.find('/', dot) == std::string::npos) return gopher_item_type(path.substr(dot));
  return '0'; // an alias, say: it answers with the story's text
}

} // namespace

GopherLink gopher_link(const GopherOrigin& origin, const Publication* publication, std::string_view page_path,
                       std::string_view link) {
  if (has_url_scheme(link)) {
    if (auto item = gopher_url_item(link)) return std::move(*item);
    return {'h', "URL:" + std::string(link), origin.host, origin.port, std::string(link)};
  }
  std::string path;
  if (!percent_decode(resolve_link_path(page_path, link), path)) path = resolve_link_path(page_path, link);
  GopherLink resolved;
  resolved.type = local_type(publication, path);
  resolved.host = origin.host;
  resolved.port = origin.port;
  resolved.url = gopher_url(origin, resolved.type, path);
  resolved.selector = std::move(path);
  return resolved;
}

std::string image_label(const Block& block) {
  if (!block.caption.empty()) return "Photo: " + block.caption;
  if (!block.text.empty()) return "Photo: " + block.text;
  return "Photo";
}

std::vector<BodyLink> body_links(const Body& body) {
  std::vector<BodyLink> links;
  for (const auto& block : body.blocks) {
    for (const auto& link : block.links) links.push_back({link.url, link.text.empty() ? link.url : link.text});
    if (block.kind == BlockKind::image) links.push_back({block.url, image_label(block)});
    else if (block.kind == BlockKind::link_line) links.push_back({block.url, block.text.empty() ? block.url : block.text});
  }
  return links;
}

} // namespace gazette
