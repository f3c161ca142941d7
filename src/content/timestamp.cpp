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

// Writes `value` as the `width` digits ending at `end`.
void put_digits(std::string& out, std::size_t end, int width, int value) {
  for (; width > 0; --width, value /= 10) out[--end] = static_cast<char>('0' + value % 10);
}

// Every list page shows its stories' days, so a date is written often
// enough that a format string parsed each time shows in a large load.
std::string day_of(const CivilTime& t) {
  if (t.year < 0 || t.year > 9999) return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
  std::string day = "0000-00-00";
  put_digits(day, 4, 4, t.year);
  put_digits(day, 7, 2, t.month);
  put_digits(day, 10, 2, t.day);
  return day;
}

} // namespace

std::string Timestamp::day() const { return day_of(to_civil(unix_seconds)); }

std::string Timestamp::rfc3339() const {
  const CivilTime t = to_civil(unix_seconds);
  std::string time = "T00:00:00Z";
  put_digits(time, 3, 2, t.hour);
  put_digits(time, 6, 2, t.minute);
  put_digits(time, 9, 2, t.second);
  return day_of(t) + time;
}

} // namespace gazette
