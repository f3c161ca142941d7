#include "content/publication.hpp"

#include <fmt/format.h>

namespace gazette {
namespace {

struct CivilTime {
  int year, month, day, hour, minute, second;
};

// Howard Hinnant's days-to-civil algorithm, the inverse of days_from_civil.
CivilTime to_civil(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400;
  std::int64_t rest = unix_seconds % 86400;
  if (rest < 0) rest += 86400, --days;
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
  return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day),
          static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

} // namespace

std::string Timestamp::day() const {
  const CivilTime t = to_civil(unix_seconds);
  return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
}

std::string Timestamp::rfc3339() const {
  const CivilTime t = to_civil(unix_seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute, t.second);
}

} // namespace gazette
