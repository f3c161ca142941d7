// Started as root (to bind port 70, say), the server binds its listeners and
// then becomes the configured user, with that user's group and no
// supplementary groups, before it reads the capsule or a single request.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>

namespace gazette {

struct RunAs {
  std::string user;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Looks up `user` (and `group`, when given; else the user's own group).
// Throws std::runtime_error naming what is unknown.
RunAs look_up_run_as(const std::string& user, const std::string& group);

// setgroups, setgid, setuid, then proof that root cannot be regained.
// Throws std::runtime_error saying which step failed.
void become(const RunAs& run_as);

// Whether `run_as` could list `folder`: tried in a child process that
// becomes that user, since root itself reads every folder.
bool can_read_folder_as(const RunAs& run_as, const std::filesystem::path& folder);

} // namespace gazette
