#include "newsroom/history_store.hpp"

#include "base/file_text.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace gazette {
namespace fs = std::filesystem;

namespace {

// The recent changes are read from the log's end, not its whole length.
constexpr std::size_t audit_tail_bytes = 256 * 1024;

[[noreturn]] void fail(const fs::path& path, std::string_view what) {
  throw std::system_error(errno, std::generic_category(), fmt::format("{}: {}", path.string(), what));
}

struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

void write_all(const Descriptor& file, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(file.fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot write");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// One write of one line, so that lines from several instances sharing the
// folder do not interleave.
void append_line(const fs::path& path, std::string_view line) {
  const Descriptor file{::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640)};
  if (file.fd < 0) fail(path, "cannot open to append");
  write_all(file, line, path);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) break; // a line still being written
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

} // namespace

std::vector<VersionRecord> HistoryStore::versions(const std::string& file) const {
  std::vector<VersionRecord> records;
  const auto text = read_file_text(folder_ / file / "versions");
  if (!text) return records;
  for (auto line : lines_of(*text))
    if (auto record = parse_version_record(line)) records.push_back(std::move(*record));
  return records;
}

fs::path HistoryStore::version_file(const std::string& file, const std::string& id) const { return folder_ / file / id; }

VersionRecord HistoryStore::keep(const std::string& file, std::string action, std::string editor,
                                 std::optional<std::string_view> bytes) {
  const fs::path folder = folder_ / file;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw std::system_error(ec, fmt::format("{}: cannot make the folder", folder.string()));

  // Ids sort as the versions were made, even if the clock steps back; a
  // version kept by another instance at the same moment gets the next one.
  const auto now = std::chrono::system_clock::now();
  auto when = now;
  const auto earlier = versions(file);
  if (!earlier.empty())
    while (version_id_at(when) <= earlier.back().id) when += std::chrono::microseconds(1);
  VersionRecord record{version_id_at(when), rfc3339_at(now), std::move(action), bytes ? bytes->size() : 0, std::move(editor)};
  if (bytes) {
    for (;;) {
      const fs::path path = folder / record.id;
      const Descriptor out{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)};
      if (out.fd < 0 && errno == EEXIST) {
        when += std::chrono::microseconds(1);
        record.id = version_id_at(when);
        continue;
      }
      if (out.fd < 0) fail(path, "cannot create");
      write_all(out, *bytes, path);
      if (::fsync(out.fd) != 0) fail(path, "cannot flush to disk");
      break;
    }
  }
  append_line(folder / "versions", format_record(record));
  return record;
}

void HistoryStore::audit(const AuditRecord& record) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw std::system_error(ec, fmt::format("{}: cannot make the folder", folder_.string()));
  append_line(folder_ / "audit.log", format_record(record));
}

std::vector<AuditRecord> HistoryStore::recent_changes(std::size_t count) const {
  std::vector<AuditRecord> changes;
  const fs::path path = folder_ / "audit.log";
  std::ifstream in(path, std::ios::binary);
  if (!in) return changes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff start = std::max<std::streamoff>(0, size - static_cast<std::streamoff>(audit_tail_bytes));
  in.seekg(start);
  std::string tail(static_cast<std::size_t>(size - start), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  tail.resize(static_cast<std::size_t>(in.gcount()));
  std::string_view text = tail;
  if (start > 0) text.remove_prefix(std::min(text.size(), text.find('\n') + 1)); // a line cut by the start
  const auto lines = lines_of(text);
  for (auto line = lines.rbegin(); line != lines.rend() && changes.size() < count; ++line)
    if (auto record = parse_audit_record(*line); record && record->is_change()) changes.push_back(std::move(*record));
  return changes;
}

} // namespace gazette
