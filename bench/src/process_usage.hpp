// What the kernel says about a process and the network stack, read from
// /proc: the figures gazette-bench reports besides its own timings.
#pragma once
#include <optional>
#include <sys/types.h>

namespace gazette::bench {

// User plus system CPU time of the process and of its reaped children
// (servers that fork per connection count their children's work too).
std::optional<double> process_cpu_seconds(pid_t pid);

// Resident memory, in KiB.
std::optional<long> process_resident_kib(pid_t pid);

// This process's own CPU time.
double own_cpu_seconds();

// TcpExt ListenOverflows: connections the kernel dropped because an accept
// queue was full. Zero when the kernel does not report it.
long long listen_overflows();

} // namespace gazette::bench
