// Writes a synthetic capsule for benchmarks: N articles over M sections,
// with realistic bodies (paragraphs, links, a quotation, a list), tags that
// make related stories work, and a lead photo on some: every third story
// shows the same small file, or, with PHOTO_BYTES, a photo of its own of
// that many bytes, as a news site's photos are.
//
//   gazette-make-capsule ARTICLES SECTIONS OUTPUT_FOLDER [PHOTO_BYTES]
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> words{
    "officials", "talks",   "ceasefire", "border",  "aid",       "minister", "report",    "sanctions", "grain",
    "corridor",  "summit",  "envoy",     "treaty",  "ratify",    "alliance", "shipments", "pier",      "prisoners",
    "exchange",  "Vatican", "Istanbul",  "Kyiv",    "Moscow",    "Gaza",     "Washington", "pressure", "deal",
    "the",       "and",     "of",        "to",      "in",        "a",        "with",      "on",        "for",
    "according", "reports", "said",      "while",   "after",     "before",   "“quietly”", "negotiations"};

std::string sentence(std::mt19937& random, int length) {
  std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1);
  std::string text;
  for (int i = 0; i < length; ++i) text += (i ? " " : "") + words[pick(random)];
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text + ".";
}

std::string paragraph(std::mt19937& random, int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    if (i > 0) text += ' ';
    text += sentence(random, 12 + i % 9);
  }
  return text;
}

int number(const char* text) {
  int value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

} // namespace

int main(int argc, char** argv) {
  if ((argc != 4 && argc != 5) || number(argv[1]) <= 0 || number(argv[2]) <= 0 || (argc == 5 && number(argv[4]) <= 0)) {
    std::fprintf(stderr, "usage: gazette-make-capsule ARTICLES SECTIONS OUTPUT_FOLDER [PHOTO_BYTES]\n");
    return 2;
  }
  const int articles = number(argv[1]), sections = number(argv[2]);
  const int photo_bytes = argc == 5 ? number(argv[4]) : 0;
  const fs::path root = argv[3];
  fs::create_directories(root / "images");
  std::ofstream(root / "site.toml") << "title = \"Synthetic Times\"\nlang = \"en\"\nfront_page = 20\nrelated = 3\n";
  std::ofstream(root / "images/photo.png", std::ios::binary) << "placeholder";
  for (int s = 0; s < sections; ++s) {
    fs::create_directories(root / fmt::format("section-{}", s));
    std::ofstream(root / fmt::format("section-{}/_section.toml", s))
        << fmt::format("title = \"Section {}\"\ndescription = \"Stories filed under section {}.\"\n", s, s);
  }

  // The photos' bytes: one block of noise, each photo's own number in front.
  std::string noise(static_cast<std::size_t>(photo_bytes), '\0');
  std::mt19937 noisy(70);
  for (auto& byte : noise) byte = static_cast<char>(noisy());

  std::mt19937 random(1965);
  for (int a = 0; a < articles; ++a) {
    const int section = a % sections;
    std::string text = fmt::format(
        "+++\ntitle = \"{}\"\nsubtitle = \"{}\"\ndate = {:04}-{:02}-{:02}T{:02}:00:00Z\nauthor = \"Reporter {}\"\n"
        "tags = [\"topic-{}\", \"desk-{}\", \"region-{}\"]\n",
        sentence(random, 7), sentence(random, 10), 2015 + a % 10, 1 + a % 12, 1 + a % 28, a % 24, a % 40,
        (a * 7) % 97, a % 31, a % 11);
    if (a % 3 == 0) {
      std::string photo = "images/photo.png";
      if (photo_bytes > 0) {
        photo = fmt::format("images/photo-{}.jpg", a);
        const std::string number = std::to_string(a);
        std::ofstream(root / photo, std::ios::binary)
            << number << std::string_view(noise).substr(std::min(noise.size(), number.size()));
      }
      text += fmt::format("\n[image]\nsrc = \"{}\"\ncaption = \"A photo caption.\"\ncredit = \"Agency\"\n", photo);
    }
    text += "+++\n";
    text += paragraph(random, 4) + "\n\n";
    text += fmt::format("{} [the full report](https://example.org/report/{}) {}\n\n", sentence(random, 9), a, sentence(random, 8));
    text += "## What was said\n\n> " + paragraph(random, 2) + "\n\n";
    for (int i = 0; i < 3; ++i) text += "- " + sentence(random, 8) + "\n";
    text += '\n';
    text += paragraph(random, 5);
    text += "\n\n";
    text += paragraph(random, 3);
    text += '\n';
    std::ofstream(root / fmt::format("section-{}/story-{}.md", section, a)) << text;
  }
  std::printf("%d articles in %d sections written to %s\n", articles, sections, root.c_str());
  return 0;
}
