// Work an editor's request asks for beyond its answer: writing to the
// capsule, keeping past versions, the audit log, and the pages made from
// them. The pure answer functions describe it; the newsroom (src/newsroom/)
// does it before the answer is sent.
#pragma once
#include <string>
#include <string_view>

namespace gazette {

struct NewsroomTask {
  enum class Kind {
    refusal,       // nothing to change: the refusal is recorded
    write,         // an upload: `file` becomes `bytes`
    remove,        // an upload of size 0: `file` is unpublished
    restore,       // `file` becomes its past `version` again
    newsroom_page, // drafts, scheduled stories and recent changes
    history_page,  // `file`'s past versions
    version,       // one past version of `file`, as it was
  };
  Kind kind = Kind::refusal;
  std::string editor;      // the person's name; empty when the client is not in the list
  std::string fingerprint; // the client certificate's SHA-256, hex; empty without one
  std::string request;     // the request line, for the audit of a refusal
  std::string file;        // in the capsule: "world/pier.md", "images/pier.png"
  std::string page;        // where readers find it: "/world/pier", "/images/pier.png"
  std::string version;     // a past version's id
  std::string_view bytes;  // an upload's body; the connection holds it until the answer is sent
  std::string origin;      // "host[:port]" as the client wrote it: redirects and titan:// links use it
  bool may_restore = false; // the history page offers "restore" (editors only)
};

// A past version's id: when it was kept, in UTC to the microsecond,
// "20261203-213938-123456"; it sorts as it happened.
inline constexpr std::size_t version_id_length = 22;
inline bool is_version_id(std::string_view id) {
  if (id.size() != version_id_length) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 15;
    if (dash ? id[i] != '-' : (id[i] < '0' || id[i] > '9')) return false;
  }
  return true;
}

} // namespace gazette
