#include "newsroom/newsroom_records.hpp"

#include "snapshot/newsroom_task.hpp"

#include <charconv>
#include <ctime>
#include <fmt/format.h>
#include <vector>

namespace gazette {
namespace {

std::string field(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

std::string_view or_dash(std::string_view text) { return text.empty() ? std::string_view("-") : text; }
std::string from_dash(std::string_view text) { return text == "-" ? std::string() : std::string(text); }

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

std::tm utc(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return parts;
}

} // namespace

std::string version_id_at(std::chrono::system_clock::time_point when) {
  const std::tm parts = utc(when);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(when.time_since_epoch()).count() % 1'000'000;
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}-{:06}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                     parts.tm_hour, parts.tm_min, parts.tm_sec, micros < 0 ? micros + 1'000'000 : micros);
}

std::string rfc3339_at(std::chrono::system_clock::time_point when) {
  const std::tm parts = utc(when);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                     parts.tm_hour, parts.tm_min, parts.tm_sec);
}

std::string format_record(const VersionRecord& record) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\n", field(record.id), field(record.time), field(record.action), record.size,
                     field(or_dash(record.editor)));
}

std::string format_record(const AuditRecord& record) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", field(record.time), field(record.status),
                     field(or_dash(record.editor)), field(or_dash(record.fingerprint)), field(record.action),
                     field(record.target), field(record.detail));
}

std::optional<VersionRecord> parse_version_record(std::string_view line) {
  const auto fields = split_tabs(line);
  if (fields.size() != 5 || !is_version_id(fields[0]) || fields[1].empty() || fields[2].empty()) return std::nullopt;
  VersionRecord record{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), 0, from_dash(fields[4])};
  const char* end = fields[3].data() + fields[3].size();
  auto [stop, error] = std::from_chars(fields[3].data(), end, record.size);
  if (error != std::errc{} || stop != end) return std::nullopt;
  return record;
}

std::optional<AuditRecord> parse_audit_record(std::string_view line) {
  const auto fields = split_tabs(line);
  if (fields.size() != 7 || fields[0].empty() || fields[1].size() != 2) return std::nullopt;
  return AuditRecord{std::string(fields[0]), std::string(fields[1]), from_dash(fields[2]), from_dash(fields[3]),
                     std::string(fields[4]), std::string(fields[5]),  std::string(fields[6])};
}

} // namespace gazette
