#include "content/story_index.hpp"

#include <algorithm>

namespace gazette {

const StoryInfo* StoryIndex::find(std::string_view path) const {
  auto found = stories.find(path);
  return found == stories.end() ? nullptr : &found->second;
}

const SectionInfo* StoryIndex::find_section(std::string_view name) const {
  auto found = std::find_if(sections.begin(), sections.end(), [&](const SectionInfo& s) { return s.name == name; });
  return found == sections.end() ? nullptr : &*found;
}

StoryIndex make_story_index(const Publication& publication,
                            const std::vector<std::pair<std::string, std::string>>& redirects, std::int64_t now) {
  StoryIndex index;
  index.now = now;
  for (const auto& section : publication.sections) index.sections.push_back({section.name, section.title});
  index.stories.reserve(publication.articles.size());
  for (const auto& article : publication.articles) {
    StoryInfo story{article->path(), article->title, article->authors, article->date, StoryInfo::State::published};
    if (article->draft) story.state = StoryInfo::State::draft;
    else if (article->date.unix_seconds > now) story.state = StoryInfo::State::scheduled;
    if (story.state == StoryInfo::State::draft) index.drafts.push_back(story);
    if (story.state == StoryInfo::State::scheduled) index.scheduled.push_back(story);
    index.stories.emplace(story.path, std::move(story));
  }
  for (const auto& [alias, path] : redirects) index.aliases.emplace(alias, path);
  auto newest_first = [](const StoryInfo& a, const StoryInfo& b) {
    return a.date.unix_seconds != b.date.unix_seconds ? a.date.unix_seconds > b.date.unix_seconds : a.path < b.path;
  };
  std::sort(index.drafts.begin(), index.drafts.end(), newest_first);
  std::sort(index.scheduled.begin(), index.scheduled.end(),
            [&](const StoryInfo& a, const StoryInfo& b) { return newest_first(b, a); });
  for (const Article* article : publication.published) {
    if (index.latest.size() == StoryIndex::latest_count) break;
    if (const StoryInfo* story = index.find(article->path()); story && story->state == StoryInfo::State::published)
      index.latest.push_back(*story);
  }
  return index;
}

} // namespace gazette
