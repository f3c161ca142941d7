#include "process_usage.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace gazette::bench {

std::optional<double> process_cpu_seconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return std::nullopt;
  // The command name (field 2) may hold spaces; the fields after its ')' are plain.
  const std::size_t close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(close + 2));
  std::vector<std::string> after_name; // field 3 onwards
  for (std::string field; fields >> field && after_name.size() < 15;) after_name.push_back(field);
  if (after_name.size() < 15) return std::nullopt;
  // utime, stime, cutime, cstime are fields 14 to 17.
  double ticks = 0;
  for (int field = 14; field <= 17; ++field) ticks += std::stod(after_name[field - 3]);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::optional<long> process_resident_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  return std::nullopt;
}

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long long listen_overflows() {
  // Two "TcpExt:" lines: one of names, then one of values.
  std::ifstream netstat("/proc/net/netstat");
  std::string names, values;
  while (std::getline(netstat, names)) {
    if (!names.starts_with("TcpExt:")) continue;
    if (!std::getline(netstat, values)) return 0;
    std::istringstream name_fields(names), value_fields(values);
    for (std::string name, value; name_fields >> name && value_fields >> value;)
      if (name == "ListenOverflows") return std::stoll(value);
    return 0;
  }
  return 0;
}

} // namespace gazette::bench
