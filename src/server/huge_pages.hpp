// Transparent huge pages for the server's memory only while it builds.
//
// The allocator asks for 2 MiB pages (see the program's allocator
// settings): a build of a large capsule touches a gigabyte of new memory,
// and with 4 KiB pages a start at 100,000 stories takes half as long again.
// A build also frees much of what it touched (parsed bodies, the last
// snapshot), and the allocator hands those holes back to the kernel. Left
// on, the kernel's khugepaged fills the holes in again to make whole 2 MiB
// pages, and a served capsule's resident memory creeps up by a fifth within
// minutes of the start.
#pragma once

namespace gazette {

// While one lives, new memory may come in huge pages; once it is gone, none
// does, and khugepaged leaves the server alone. Pages made huge meanwhile
// stay so.
class HugePagesWhileBuilding {
public:
  HugePagesWhileBuilding();
  ~HugePagesWhileBuilding();
  HugePagesWhileBuilding(const HugePagesWhileBuilding&) = delete;
  HugePagesWhileBuilding& operator=(const HugePagesWhileBuilding&) = delete;
};

} // namespace gazette
