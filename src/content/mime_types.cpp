#include "content/mime_types.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace gazette {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 32> mime_types{{
    {".gmi", "text/gemini"},
    {".gemini", "text/gemini"},
    {".txt", "text/plain; charset=utf-8"},
    {".md", "text/markdown; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".htm", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".xml", "application/xml"},
    {".atom", "application/atom+xml"},
    {".rss", "application/rss+xml"},
    {".json", "application/json"},
    {".pdf", "application/pdf"},
    {".zip", "application/zip"},
    {".gz", "application/gzip"},
    {".tar", "application/x-tar"},
    {".epub", "application/epub+zip"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".svg", "image/svg+xml"},
    {".ico", "image/vnd.microsoft.icon"},
    {".mp3", "audio/mpeg"},
    {".ogg", "audio/ogg"},
    {".opus", "audio/opus"},
    {".flac", "audio/flac"},
    {".wav", "audio/wav"},
    {".mp4", "video/mp4"},
    {".webm", "video/webm"},
    {".asc", "application/pgp-signature"},
}};

} // namespace

std::string_view mime_type_for_extension(std::string_view extension) {
  std::string lower(extension);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& [ext, type] : mime_types)
    if (ext == lower) return type;
  return "application/octet-stream";
}

} // namespace gazette
