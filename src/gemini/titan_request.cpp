#include "gemini/titan_request.hpp"

#include "text/url_path.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace gazette {
namespace {

GeminiRefusal bad_request(std::string meta) { return {59, std::move(meta)}; }

bool is_token_char(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$&^_.+-").find(static_cast<char>(c)) != std::string_view::npos;
}

// "image/png" or "text/plain; charset=utf-8" -> "image/png", "text/plain".
std::optional<std::string> media_type(std::string_view text) {
  text = text.substr(0, text.find(';'));
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
  std::string type;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (i != slash && !is_token_char(c)) return std::nullopt;
    type += static_cast<char>(std::tolower(c));
  }
  return type;
}

} // namespace

bool is_titan_request(std::string_view line) {
  constexpr std::string_view scheme = "titan:";
  return line.size() >= scheme.size() &&
         std::equal(scheme.begin(), scheme.end(), line.begin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

void mask_titan_token(std::span<char> line) {
  const std::string_view text(line.data(), line.size());
  if (!is_titan_request(text)) return;
  constexpr std::string_view key = ";token=";
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1))
    for (std::size_t i = at + key.size(); i < text.size() && text[i] != ';' && text[i] != '?'; ++i) line[i] = '*';
}

std::variant<TitanRequest, GeminiRefusal> parse_titan_request(std::string_view line, const GeminiIdentity& identity) {
  auto url = parse_request_url(line, identity, "titan");
  if (auto* refusal = std::get_if<GeminiRefusal>(&url)) return std::move(*refusal);
  TitanRequest request;
  request.url = std::string(line);
  request.authority = std::move(std::get<RequestUrl>(url).authority);
  const std::string_view rest = std::get<RequestUrl>(url).rest;
  if (rest.find('?') != std::string_view::npos)
    return bad_request("A Titan URL takes no query; its parameters follow the path after \";\"");

  // Parameters follow the path, each after a ";" (RFC 3986, 3.3).
  const std::size_t parameters_start = std::min(rest.find(';'), rest.size());
  auto path = normalize_request_path(rest.substr(0, parameters_start));
  if (auto* refusal = std::get_if<PathRefusal>(&path)) return bad_request(refusal->reason);
  request.path = std::move(std::get<std::string>(path));

  bool has_size = false, has_mime = false, has_token = false;
  std::string_view parameters = rest.substr(parameters_start);
  while (!parameters.empty()) {
    parameters.remove_prefix(1); // the ";"
    const std::string_view parameter = parameters.substr(0, parameters.find(';'));
    parameters.remove_prefix(parameter.size());
    const std::size_t equals = parameter.find('=');
    const std::string_view key = parameter.substr(0, equals);
    const std::string_view raw_value = equals == std::string_view::npos ? std::string_view() : parameter.substr(equals + 1);
    std::string value;
    if (!percent_decode(raw_value, value) || !is_valid_utf8(value))
      return bad_request(fmt::format("Titan parameter {} is not valid once percent-decoded", key));
    auto repeated = [&](bool& seen) {
      const bool again = seen;
      seen = true;
      return again;
    };
    if (key == "edit" && equals == std::string_view::npos) {
      if (repeated(request.edit)) return bad_request("Titan parameter edit is given twice");
    } else if (key == "size") {
      if (repeated(has_size)) return bad_request("Titan parameter size is given twice");
      const char* end = value.data() + value.size();
      auto [stop, error] = std::from_chars(value.data(), end, request.size);
      if (value.empty() || error != std::errc{} || stop != end)
        return bad_request("Titan parameter size must be the body's length in bytes, a whole number");
    } else if (key == "mime") {
      if (repeated(has_mime)) return bad_request("Titan parameter mime is given twice");
      auto type = media_type(value);
      if (!type) return bad_request(fmt::format("Titan parameter mime must be a media type such as text/plain, not {}", value));
      request.mime = std::move(*type);
    } else if (key == "token") {
      if (repeated(has_token)) return bad_request("Titan parameter token is given twice");
      request.token = std::move(value);
    } else {
      return bad_request(fmt::format("Unknown Titan parameter {}; Titan takes mime, size and token (or edit)",
                                     key.empty() ? std::string("(empty)") : std::string(key)));
    }
  }
  if (request.edit && (has_size || has_mime))
    return bad_request("A Titan edit request takes no size or mime: it asks for the source, and sends nothing");
  if (!request.edit && !has_size) return bad_request("A Titan upload needs size=N, the length of its body in bytes");
  return request;
}

} // namespace gazette
