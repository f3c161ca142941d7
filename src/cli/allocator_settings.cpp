// Settings for jemalloc, the server's allocator, which reads this symbol at
// start-up (MALLOC_CONF in the environment still overrides it).
//
// Transparent huge pages for the heap: a large capsule's load touches more
// than a gigabyte of new memory, and with 4 KiB pages the kernel takes a
// fault for every page of it. With 2 MiB pages a 100,000-article load spends
// about half as long in the kernel (see BENCHMARKS.md). The cost is about
// 10 MiB more resident memory for a small capsule. The server takes huge
// pages only while it builds (server/huge_pages.hpp).
//
// A background thread hands freed pages back to the kernel on jemalloc's
// decay schedule. Without it pages are returned only when the server
// allocates again, and an idle server keeps what its last build freed (the
// parsed bodies, a reload's old snapshot) resident.
extern "C" {
const char* malloc_conf = "thp:always,background_thread:true";
}
