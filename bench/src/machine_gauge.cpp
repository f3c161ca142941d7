// gazette-machine-gauge: how fast this machine is right now, at the two
// things a large capsule's start spends its time on, so that a start's
// figure can be read against the state the machine was in.
//
// On a virtual machine both swing from one minute to the next: the kernel
// (and the host under it) must supply every page of memory a process
// touches for the first time, and a large start touches over a gigabyte; and the
// cores run other guests' work too.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <unordered_set>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Seconds to touch 1 GiB of new memory, in 2 MiB huge pages where the
// kernel allows them, as the server's allocator asks for while it builds.
double fault_in_one_gib() {
  constexpr std::size_t size = std::size_t{1} << 30;
  const auto start = Clock::now();
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return -1;
  madvise(memory, size, MADV_HUGEPAGE);
  auto* bytes = static_cast<volatile char*>(memory);
  for (std::size_t at = 0; at < size; at += 4096) bytes[at] = 1;
  const double taken = seconds_since(start);
  munmap(memory, size);
  return taken;
}

// Seconds for a fixed piece of work like a load's own: folding short words
// into a set, a story's worth at a time, over and over.
double fixed_cpu_work(std::size_t& checksum) {
  const auto start = Clock::now();
  std::string word;
  for (unsigned story = 0; story < 20'000; ++story) {
    std::unordered_set<std::string> words;
    for (unsigned i = 0; i < 300; ++i) {
      word = std::to_string((story * 7919u + i * 104'729u) % 5'000u);
      word += "w";
      words.insert(word);
    }
    checksum += words.size();
  }
  return seconds_since(start);
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 1) {
    std::fprintf(stderr, "usage: %s\nprints fault_1gib=SECONDS cpu_work=SECONDS\n", argv[0]);
    return 2;
  }
  std::size_t checksum = 0;
  const double fault = fault_in_one_gib();
  if (fault < 0) {
    std::fprintf(stderr, "gazette-machine-gauge: cannot map 1 GiB: %s\n", std::strerror(errno));
    return 1;
  }
  const double cpu = fixed_cpu_work(checksum);
  std::printf("fault_1gib=%.2fs cpu_work=%.2fs\n", fault, cpu);
  return checksum == 0; // never: the work is not optimized away
}
