// A small snapshot built by hand, for the routing tables: a few resources on
// each protocol and a search index over two stories.
#pragma once
#include "content/search_index.hpp"
#include "snapshot/snapshot.hpp"

#include <memory>
#include <string>

namespace gazette::testing {

inline std::shared_ptr<const Snapshot> routing_snapshot(bool with_search = true) {
  auto config = std::make_shared<Config>();
  config->hostnames = {"localhost", "news.example"};
  config->gopher.host = "localhost";
  config->gopher.port = 70;
  config->gopher.ascii = true;
  config->finger.host = "news.example";
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->config = config;
  snapshot->gemini["/"] = {std::string("20 text/gemini\r\n# Front\n"), {}, 0};
  snapshot->gemini["/a/c"] = {std::string("20 text/gemini\r\n# C\n"), {}, 0};
  snapshot->gemini["/dir"] = {std::string("31 /dir/\r\n"), {}, 0};
  snapshot->gemini["/dir/"] = {std::string("20 text/gemini\r\n# Dir\n"), {}, 0};
  snapshot->gopher["/"] = {std::string("iFront\t\terror.host\t1\r\n.\r\n"), {}, 0};
  snapshot->gopher["/a"] = {std::string("A text\r\n"), {}, 0};
  snapshot->gopher["/a/"] = {std::string("iA's menu\t\terror.host\t1\r\n.\r\n"), {}, 0};
  snapshot->gopher["/d/"] = {std::string("iD\t\terror.host\t1\r\n.\r\n"), {}, 0};
  snapshot->outside_links.add("https://example.org/");
  snapshot->finger[""] = {std::string("The Desk\r\n"), {}, 0};
  snapshot->finger["w"] = {std::string("W\r\n"), {}, 0};
  snapshot->finger["pier"] = {std::string("Pier opens\r\n"), {}, 0};
  snapshot->finger["w/pier"] = {std::string("Pier opens\r\n"), {}, 0};
  snapshot->spartan["/"] = {std::string("2 text/gemini\r\n# Front\n=: /search Search the news\n"), {}, 0};
  snapshot->spartan["/a/c"] = {std::string("2 text/gemini\r\n# C\n"), {}, 0};
  snapshot->spartan["/dir"] = {std::string("3 /dir/\r\n"), {}, 0};
  snapshot->spartan["/dir/"] = {std::string("2 text/gemini\r\n# Dir\n"), {}, 0};
  if (with_search) {
    snapshot->gemini[std::string(search_path)] = {std::string("10 Search the news\r\n"), {}, 0};
    snapshot->spartan[std::string(search_path)] = {std::string("2 text/gemini\r\n# Search the news\n\n=: /search Words\n"), {}, 0};
    static const StoryWords pier{"pier opens ", "pier opens aid shipments arrive "};
    static const StoryWords talks{"talks resume ", "talks resume in istanbul pier "};
    snapshot->search = std::make_shared<const SearchIndex>(std::vector<const StoryWords*>{&pier, &talks});
    snapshot->search_entries = SearchEntries(std::vector<SearchEntry>{
        {std::string("=> /w/pier 2024-05-16 Pier opens\n"), std::string("0Pier opens\t/w/pier\tlocalhost\t70\r\n")},
        {std::string("=> /w/talks 2024-05-10 Talks resume\n"), std::string("0Talks resume\t/w/talks\tlocalhost\t70\r\n")}});
    snapshot->site_title = "The Desk";
  }
  return snapshot;
}

} // namespace gazette::testing
