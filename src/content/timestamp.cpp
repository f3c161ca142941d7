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

// Fixed-width digits written in place: a load writes every story's date
// several times, and a general formatter costs twenty times as much.
void put_digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
}

bool four_digit_year(const CivilTime& t) { return t.year >= 0 && t.year <= 9999; }

} // namespace

std::string Timestamp::day() const {
  const CivilTime t = to_civil(unix_seconds);
  if (!four_digit_year(t)) return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
  std::string day = "0000-00-00";
  put_digits(&day[0], t.year, 4);
  put_digits(&day[5], t.month, 2);
  put_digits(&day[8], t.day, 2);
  return day;
}

std::string Timestamp::rfc3339() const {
  const CivilTime t = to_civil(unix_seconds);
  if (!four_digit_year(t))
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute, t.second);
  std::string time = day() + "T00:00:00Z";
  put_digits(&time[11], t.hour, 2);
  put_digits(&time[14], t.minute, 2);
  put_digits(&time[17], t.second, 2);
  return time;
}

} // namespace gazette
