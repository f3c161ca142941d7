#include "server/privileges.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <grp.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace gazette {

RunAs look_up_run_as(const std::string& user, const std::string& group) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwnam_r(user.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
    throw std::runtime_error(fmt::format("user: there is no user \"{}\" on this system", user));
  RunAs run_as{user, found->pw_uid, found->pw_gid};
  if (run_as.uid == 0) throw std::runtime_error(fmt::format("user: \"{}\" is root; name an unprivileged user", user));
  if (!group.empty()) {
    struct group entry_group {};
    struct group* found_group = nullptr;
    if (getgrnam_r(group.c_str(), &entry_group, buffer.data(), buffer.size(), &found_group) != 0 || !found_group)
      throw std::runtime_error(fmt::format("group: there is no group \"{}\" on this system", group));
    run_as.gid = found_group->gr_gid;
  }
  return run_as;
}

void become(const RunAs& run_as) {
  auto fail = [&](const char* step) {
    throw std::runtime_error(fmt::format("cannot become user {}: {} failed: {}", run_as.user, step, std::strerror(errno)));
  };
  // Groups first: once the user id changes, the right to change them is gone.
  if (setgroups(0, nullptr) != 0) fail("setgroups");
  if (setgid(run_as.gid) != 0) fail("setgid");
  if (setuid(run_as.uid) != 0) fail("setuid");
  if (setuid(0) == 0 || geteuid() == 0) throw std::runtime_error("root could be regained after dropping privileges");
}

bool can_read_folder_as(const RunAs& run_as, const std::filesystem::path& folder) {
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    std::error_code ec;
    try {
      become(run_as);
      std::filesystem::directory_iterator listing(folder, ec);
    } catch (const std::exception&) {
      ::_exit(1);
    }
    ::_exit(ec ? 1 : 0);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace gazette
