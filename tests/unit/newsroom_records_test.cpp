#include "newsroom/newsroom_records.hpp"
#include "snapshot/newsroom_task.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_CASE("version records: a line each, and back") {
  const VersionRecord records[] = {
      {"20261203-213938-123456", "2026-12-03T21:39:38Z", "uploaded", 1234, "A. Writer"},
      {"20261203-213938-123457", "2026-12-03T21:39:38Z", "found", 99, ""},
      {"20261203-213940-000000", "2026-12-03T21:39:40Z", "unpublished", 0, "B. Editor"},
      {"20261203-213941-000000", "2026-12-03T21:39:41Z", "restored 20261203-213938-123456", 1234, "B. Editor"},
  };
  for (const auto& record : records) {
    const std::string line = format_record(record);
    CAPTURE(line);
    CHECK(line.ends_with("\n"));
    const auto parsed = parse_version_record(line.substr(0, line.size() - 1));
    REQUIRE(parsed);
    CHECK(parsed->id == record.id);
    CHECK(parsed->time == record.time);
    CHECK(parsed->action == record.action);
    CHECK(parsed->size == record.size);
    CHECK(parsed->editor == record.editor);
  }
  CHECK(format_record(records[1]) == "20261203-213938-123457\t2026-12-03T21:39:38Z\tfound\t99\t-\n");
  CHECK_FALSE(records[2].has_bytes());
  CHECK(records[3].has_bytes());
}

TEST_CASE("version record lines that are not records") {
  const std::string lines[] = {
      "",
      "20261203-213938-123456\t2026-12-03T21:39:38Z\tuploaded\t12",
      "2026-12-03\t2026-12-03T21:39:38Z\tuploaded\t12\tA",
      "20261203-213938-123456\t2026-12-03T21:39:38Z\tuploaded\tmany\tA",
      "20261203-213938-123456\t2026-12-03T21:39:38Z\tuploaded\t12\tA\textra",
      "20261203-213938-123456\t\tuploaded\t12\tA",
  };
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK_FALSE(parse_version_record(line));
  }
}

TEST_CASE("audit records: control characters in a field cannot split or fake a line") {
  const AuditRecord record{"2026-12-03T21:39:38Z", "59", "A. Writer", std::string(64, 'a'), "refusal",
                           "titan://localhost/world/pier;size=3", "5: related \"a\tb\nc\" names no article"};
  const std::string line = format_record(record);
  CHECK(line == "2026-12-03T21:39:38Z\t59\tA. Writer\t" + std::string(64, 'a') +
                    "\trefusal\ttitan://localhost/world/pier;size=3\t5: related \"a b c\" names no article\n");
  const auto parsed = parse_audit_record(line.substr(0, line.size() - 1));
  REQUIRE(parsed);
  CHECK(parsed->detail == "5: related \"a b c\" names no article");
  CHECK_FALSE(parsed->is_change());

  const AuditRecord unknown{"2026-12-03T21:39:38Z", "60", "", "", "refusal", "titan://localhost/x;size=1", "why"};
  const auto back = parse_audit_record(format_record(unknown).substr(0, format_record(unknown).size() - 1));
  REQUIRE(back);
  CHECK(back->editor.empty());
  CHECK(back->fingerprint.empty());

  CHECK(AuditRecord{"t", "30", "A", "f", "upload", "/world/pier", ""}.is_change());
  CHECK_FALSE(AuditRecord{"t", "40", "A", "f", "upload", "/world/pier", ""}.is_change());
  CHECK_FALSE(parse_audit_record("2026-12-03T21:39:38Z\t30\tA"));
  CHECK_FALSE(parse_audit_record("2026-12-03T21:39:38Z\t300\tA\tf\tupload\t/x\td"));
}

TEST_CASE("version ids: when, to the microsecond, in UTC; they sort as they happened") {
  using namespace std::chrono;
  const system_clock::time_point when = sys_days{year{2026} / 12 / 3} + hours(21) + minutes(39) + seconds(38) +
                                        microseconds(5);
  CHECK(version_id_at(when) == "20261203-213938-000005");
  CHECK(rfc3339_at(when) == "2026-12-03T21:39:38Z");
  CHECK(version_id_at(when) < version_id_at(when + microseconds(1)));
  CHECK(version_id_at(when + microseconds(999'995)) == "20261203-213939-000000");
  CHECK(is_version_id(version_id_at(when)));
  const std::string not_ids[] = {"", "20261203-213938-00000", "20261203-213938-0000051", "20261203_213938-000005",
                                 "2026120a-213938-000005", "../../../etc/passwd"};
  for (const auto& id : not_ids) {
    CAPTURE(id);
    CHECK_FALSE(is_version_id(id));
  }
}
