// The history folder: every version of a capsule file the newsroom changed,
// each with who made it and when, and the audit log of every upload,
// refusal and restore. It lies outside what readers can fetch.
//
//   <history>/audit.log                 one AuditRecord a line
//   <history>/world/pier.md/versions    one VersionRecord a line, oldest first
//   <history>/world/pier.md/<id>        that version's bytes
#pragma once
#include "newsroom/newsroom_records.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace gazette {

class HistoryStore {
public:
  explicit HistoryStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // Oldest first; none when nothing was kept.
  std::vector<VersionRecord> versions(const std::string& file) const;
  std::filesystem::path version_file(const std::string& file, const std::string& id) const;

  // Keeps `bytes` (none for an unpublish) as the newest version of `file`,
  // made by `editor` (empty for one found in the capsule). Throws
  // std::system_error naming what could not be written.
  VersionRecord keep(const std::string& file, std::string action, std::string editor,
                     std::optional<std::string_view> bytes);

  // Appends a line; throws std::system_error when it cannot.
  void audit(const AuditRecord& record);
  // The latest `count` changes made (not refusals), newest first.
  std::vector<AuditRecord> recent_changes(std::size_t count) const;

private:
  std::filesystem::path folder_;
};

} // namespace gazette
