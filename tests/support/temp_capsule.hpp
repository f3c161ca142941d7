// A folder for one test, removed afterwards: `root()` is the capsule, and
// its parent holds config.toml and certs/ for tests that start the server.
#pragma once
#include <filesystem>
#include <fstream>
#include <stdlib.h>
#include <string>

namespace gazette::testing {

class TempCapsule {
public:
  TempCapsule() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gazette-test-XXXXXX").string();
    folder_ = mkdtemp(pattern.data());
    // Readable by the unprivileged user a server started as root becomes.
    std::filesystem::permissions(folder_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                              std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                              std::filesystem::perms::others_exec);
    root_ = folder_ / "capsule";
    std::filesystem::create_directories(root_);
  }
  TempCapsule(const TempCapsule&) = delete;
  TempCapsule& operator=(const TempCapsule&) = delete;
  ~TempCapsule() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  const std::filesystem::path& root() const { return root_; }
  const std::filesystem::path& folder() const { return folder_; }

  TempCapsule& write(const std::string& relative, const std::string& text) {
    auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return *this;
  }

private:
  std::filesystem::path folder_;
  std::filesystem::path root_;
};

// The sample capsule that ships with the project, copied into `site`.
inline void copy_sample_capsule(const TempCapsule& site) {
  std::filesystem::copy(std::filesystem::path(GAZETTE_SOURCE_DIR) / "capsule", site.root(),
                        std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
}

inline std::string article(const std::string& title, const std::string& date, const std::string& extra = "",
                           const std::string& body = "Body.") {
  return "+++\ntitle = \"" + title + "\"\ndate = " + date + "\n" + extra + "+++\n" + body + "\n";
}

} // namespace gazette::testing
