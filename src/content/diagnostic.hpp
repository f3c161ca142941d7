// A problem found in the capsule, reported as "path:line: error: message";
// or a note, which tells what will happen without anything being wrong.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct Diagnostic {
  enum class Severity { note, warning, error };
  std::string path; // relative to the capsule, e.g. "world/pier.md"
  int line = 0;     // 1-based; 0 when the problem is the file as a whole
  Severity severity = Severity::error;
  std::string message;

  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// One file's diagnostics in the order of their lines, as its admin reads
// it (TOML tables are read key by key, in the keys' order); the whole
// file's first, and those of one line as they were found.
void sort_by_line(Diagnostics& diagnostics);

// How many files (by path) have an error of their own.
std::size_t files_with_errors(const Diagnostics& diagnostics);

// `text`, which pages show, in at most `limit` characters: a longer one is
// cut at a word, with "…", and `warning` says so for the key it came from
// (else `warning` is left empty).
std::string kept_short(std::string text, std::string_view key, std::size_t limit, std::string& warning);

} // namespace gazette
