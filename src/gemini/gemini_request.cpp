#include "gemini/gemini_request.hpp"

#include "text/url_path.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <uriparser/Uri.h>

namespace gazette {
namespace {

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view range_text(const UriTextRangeA& range) {
  if (!range.first || !range.afterLast) return {};
  return {range.first, static_cast<std::size_t>(range.afterLast - range.first)};
}

// Clients may send an IRI with raw UTF-8; escape it so the URI parser sees RFC 3986.
std::string escape_non_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x80) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

struct UriHandle {
  UriUriA uri{};
  ~UriHandle() { uriFreeUriMembersA(&uri); }
};

GeminiRefusal bad_request(std::string meta) { return {59, std::move(meta)}; }

} // namespace

FramedRequest frame_gemini_request(std::string_view received) {
  // The line ends at its first LF, as no URL holds one. An LF without its CR
  // stays in the line, for the parser to refuse at once: the client has
  // ended its line, and waiting for a CRLF would only keep it waiting.
  const std::size_t lf = received.find('\n');
  if (lf == std::string_view::npos) {
    // A URL of at most 1024 bytes plus CRLF fits in 1026; more without an end is too long.
    if (received.size() >= max_gemini_url_bytes + 2) return {Framing::too_long};
    return {Framing::need_more};
  }
  const bool crlf = lf > 0 && received[lf - 1] == '\r';
  const std::size_t line_bytes = crlf ? lf - 1 : lf + 1;
  if (line_bytes > max_gemini_url_bytes) return {Framing::too_long};
  return {Framing::complete, line_bytes};
}

std::variant<RequestUrl, GeminiRefusal> parse_request_url(std::string_view line, const GeminiIdentity& identity,
                                                         std::string_view expected_scheme) {
  if (line.empty()) return bad_request("Empty request; send an absolute gemini:// URL and CRLF");
  if (line.size() > max_gemini_url_bytes) return bad_request("Request is longer than 1024 bytes");
  if (line.starts_with("\xEF\xBB\xBF")) return bad_request("Request starts with a byte order mark");
  if (!is_valid_utf8(line)) return bad_request("Request is not valid UTF-8");
  for (unsigned char c : line) {
    if (c == ' ') return bad_request("Request contains a space; encode it as %20");
    if (c == '\n') return bad_request("Request has a line feed without its carriage return; end the line with CRLF");
    if (c < 0x20 || c == 0x7F) return bad_request("Request contains a control character");
  }

  const std::string escaped = escape_non_ascii(line);
  UriHandle parsed;
  const char* error_position = nullptr;
  if (uriParseSingleUriExA(&parsed.uri, escaped.data(), escaped.data() + escaped.size(), &error_position) !=
      URI_SUCCESS)
    return bad_request("Request is not a valid URL");
  const UriUriA& uri = parsed.uri;

  std::string_view scheme = range_text(uri.scheme);
  if (scheme.empty()) return bad_request("Request is not an absolute URL; it needs gemini://host/");
  if (range_text(uri.userInfo).data() != nullptr) return bad_request("Request URL must not contain userinfo");
  if (range_text(uri.fragment).data() != nullptr) return bad_request("Request URL must not contain a fragment");
  if (to_lower(scheme) != expected_scheme)
    return GeminiRefusal{53, fmt::format("This server does not proxy {}: URLs", to_lower(scheme))};

  std::string host = to_lower(range_text(uri.hostText));
  if (host.empty()) return bad_request("Request URL has no host");
  if (host.size() > 1 && host.back() == '.') host.pop_back();
  if (std::find(identity.hostnames.begin(), identity.hostnames.end(), host) == identity.hostnames.end())
    return GeminiRefusal{53, fmt::format("This server does not serve the host {}", host)};

  std::string_view port_text = range_text(uri.portText);
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || port != identity.port)
      return GeminiRefusal{53, fmt::format("This server does not serve port {}", port_text)};
  }

  // The authority ends at the first "/", "?" or "#" after "scheme://".
  std::string_view rest(escaped);
  rest.remove_prefix(scheme.size() + 1);
  if (!rest.starts_with("//")) return bad_request("Request URL has no host");
  rest.remove_prefix(2);
  const std::size_t authority_end = std::min(rest.find_first_of("/?"), rest.size());
  return RequestUrl{std::string(rest.substr(0, authority_end)), std::string(rest.substr(authority_end))};
}

std::variant<GeminiRequest, GeminiRefusal> parse_gemini_request(std::string_view line,
                                                                const GeminiIdentity& identity) {
  auto url = parse_request_url(line, identity, "gemini");
  if (auto* refusal = std::get_if<GeminiRefusal>(&url)) return std::move(*refusal);
  const std::string_view rest = std::get<RequestUrl>(url).rest;
  const std::size_t query_start = rest.find('?');
  std::string_view raw_path = rest.substr(0, query_start);

  auto path = normalize_request_path(raw_path);
  if (auto* refusal = std::get_if<PathRefusal>(&path)) return bad_request(refusal->reason);

  GeminiRequest request;
  request.url = std::string(line);
  request.authority = std::move(std::get<RequestUrl>(url).authority);
  request.path = std::move(std::get<std::string>(path));
  if (query_start != std::string_view::npos) {
    request.has_query = true;
    request.query = std::string(rest.substr(query_start + 1));
    // A query is text a person typed, shown back to them in a UTF-8 page.
    if (!percent_decode(request.query, request.query_text)) request.query_text = request.query;
    else if (!is_valid_utf8(request.query_text)) return bad_request("Query is not valid UTF-8 once percent-decoded");
  }
  return request;
}

} // namespace gazette
