#include "base/file_text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

using namespace gazette;

TEST_CASE("whole files are read, however they compare to a read's size") {
  const auto folder = std::filesystem::temp_directory_path() / fmt::format("gazette-file-text-{}", ::getpid());
  std::filesystem::create_directories(folder);
  for (std::size_t size : {0u, 1u, 4095u, 4096u, 4097u, 300'000u}) {
    CAPTURE(size);
    std::string text;
    for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 23);
    std::ofstream(folder / "file", std::ios::binary) << text;
    const auto read = read_file_text(folder / "file");
    REQUIRE(read);
    CHECK(*read == text);
  }
  // What the open file was when it was read.
  std::ofstream(folder / "file", std::ios::binary) << "twelve bytes";
  struct stat info {};
  CHECK(read_file_text(folder / "file", &info) == "twelve bytes");
  CHECK(info.st_size == 12);
  // A file that gives no size is read to its end all the same.
  std::ifstream status("/proc/self/status");
  const std::string first_line = [&] { std::string line; std::getline(status, line); return line; }();
  const auto proc = read_file_text("/proc/self/status");
  REQUIRE(proc);
  CHECK(proc->starts_with(first_line + "\n"));
  CHECK(proc->find("\nVmPeak:") != std::string::npos);
  CHECK(proc->ends_with("\n"));
  CHECK_FALSE(read_file_text(folder / "missing"));
  CHECK_FALSE(read_file_text(folder)); // a folder is not a file
  std::filesystem::remove_all(folder);
}
