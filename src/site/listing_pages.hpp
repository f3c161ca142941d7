// The list pages of a build, as both protocols serve them, with what each
// was made from: a reload renders again only the pages whose plan or
// stories changed, and takes the rest from the build before as they are.
#pragma once
#include "config/config.hpp"
#include "content/listings.hpp"
#include "content/publication.hpp"
#include "site/article_renders.hpp"
#include "snapshot/shared_bytes.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

struct ListingPage {
  const ListingPlan* plan = nullptr; // while its build runs
  std::size_t key = 0;               // a hash of everything the page shows
  SharedBytes gemini;                // the response, header and all
  SharedBytes gopher;                // the menu
};

// What the next build compares with, by path.
using ListingPagesByPath = std::unordered_map<std::string, ListingPage>;

// How many bytes each story's entry takes in the lists: the larger of its
// two protocols' entries.
EntryBytes entry_bytes(const RendersByArticle& renders);

// A page for each of `plans`, keyed by the plan, the stories' renders and
// the settings the lists are drawn with, and rendered on both protocols
// (on every core: there are thousands of them in a large archive). A page
// whose key is the one `previous` holds for its path takes that page's bytes.
std::vector<ListingPage> listing_pages(const std::vector<ListingPlan>& plans, const Publication& publication,
                                       const Config& config, const RendersByArticle& renders,
                                       const ListingPagesByPath* previous);

// The pages as the next build's `previous`.
ListingPagesByPath by_path(std::vector<ListingPage> pages);

} // namespace gazette
