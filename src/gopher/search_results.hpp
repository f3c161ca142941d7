// The one menu made per request: search results, from the snapshot's index.
#pragma once
#include "gopher/gopher_menu.hpp"
#include "snapshot/snapshot.hpp"

#include <string>
#include <string_view>

namespace gazette {

// The menu for the words a client sent after the TAB.
std::string gopher_search_response(const Snapshot& snapshot, std::string_view words);

} // namespace gazette
