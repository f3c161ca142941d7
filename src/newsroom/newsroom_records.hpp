// The newsroom's records, one line each: every version kept of a file (its
// `versions` list in the history folder) and every upload, refusal and
// restore (the audit log). Pure: a record to its line and back.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

// One version of a capsule file, kept in the history folder.
struct VersionRecord {
  std::string id;     // see is_version_id
  std::string time;   // "2026-12-03T21:39:38Z"
  std::string action; // "uploaded", "unpublished", "restored <id>", or "found": as it was, written outside the newsroom
  std::uint64_t size = 0; // bytes kept; none when unpublished
  std::string editor;     // who made it; empty for "found"

  bool has_bytes() const { return action != "unpublished"; }
};

// One line of the audit log.
struct AuditRecord {
  std::string time;        // "2026-12-03T21:39:38Z"
  std::string status;      // the answer's status: "30" for a change made
  std::string editor;      // empty when the client is not in the list
  std::string fingerprint; // empty without a certificate
  std::string action;      // "upload", "unpublish", "restore", "refusal"
  std::string target;      // the page changed, or the request refused
  std::string detail;      // the version kept, or why it was refused

  bool is_change() const { return status == "30" && action != "refusal"; }
};

// "20261203-213938-123456" for that moment, in UTC.
std::string version_id_at(std::chrono::system_clock::time_point when);
// "2026-12-03T21:39:38Z"
std::string rfc3339_at(std::chrono::system_clock::time_point when);

// Tab-separated, ending in "\n"; tabs, line breaks and other control
// characters in a field are written as spaces.
std::string format_record(const VersionRecord& record);
std::string format_record(const AuditRecord& record);
// The line without its "\n"; nullopt when it is not one.
std::optional<VersionRecord> parse_version_record(std::string_view line);
std::optional<AuditRecord> parse_audit_record(std::string_view line);

} // namespace gazette
