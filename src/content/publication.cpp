#include "content/publication.hpp"

namespace gazette {

const Section* Publication::find_section(const std::string& name) const {
  for (const auto& section : sections)
    if (section.name == name) return &section;
  return nullptr;
}

std::string Publication::section_title(const std::string& name) const {
  const Section* section = find_section(name);
  return section ? section->title : name;
}

std::string byline(const Article& article, std::string_view separator) {
  std::string line;
  for (std::size_t i = 0; i < article.authors.size(); ++i) {
    line += i == 0 ? "By " : (i + 1 == article.authors.size() ? " and " : ", ");
    line += article.authors[i];
  }
  if (!line.empty()) line += separator;
  line += "Published " + article.date.day();
  if (article.updated) line += std::string(separator) + "Updated " + article.updated->day();
  return line;
}

std::string photo_label(const LeadImage& image) {
  std::string label = "Photo: " + (image.caption.empty() ? std::string("lead photo") : image.caption);
  if (!image.credit.empty()) label += " (" + image.credit + ")";
  return label;
}

} // namespace gazette
