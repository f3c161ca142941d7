#include "server/huge_pages.hpp"

#include <sys/prctl.h>

namespace gazette {

// Where the kernel has no such setting the calls fail, and the server runs
// as the system's huge page settings say.
HugePagesWhileBuilding::HugePagesWhileBuilding() { prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0); }

HugePagesWhileBuilding::~HugePagesWhileBuilding() { prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0); }

} // namespace gazette
