// Settings for jemalloc, the server's allocator, which reads this symbol at
// start-up (MALLOC_CONF in the environment still overrides it).
//
// Transparent huge pages for the heap: a large capsule's load touches more
// than a gigabyte of new memory, and with 4 KiB pages the kernel takes a
// fault for every page of it. With 2 MiB pages a 100,000-article load spends
// about half as long in the kernel (see BENCHMARKS.md). The cost is about
// 10 MiB more resident memory for a small capsule.
extern "C" {
const char* malloc_conf = "thp:always";
}
