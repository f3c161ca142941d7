// A capsule folder for one test, removed afterwards.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>

namespace gazette::testing {

class TempCapsule {
public:
  TempCapsule() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gazette-unit-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
  }
  TempCapsule(const TempCapsule&) = delete;
  TempCapsule& operator=(const TempCapsule&) = delete;
  ~TempCapsule() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }

  const std::filesystem::path& root() const { return root_; }

  TempCapsule& write(const std::string& relative, const std::string& text) {
    auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return *this;
  }

private:
  std::filesystem::path root_;
};

inline std::string article(const std::string& title, const std::string& date, const std::string& extra = "",
                           const std::string& body = "Body.") {
  return "+++\ntitle = \"" + title + "\"\ndate = " + date + "\n" + extra + "+++\n" + body + "\n";
}

} // namespace gazette::testing
