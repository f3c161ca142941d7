// libFuzzer target: config.toml.
#include "config/config.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gazette::ConfigResult result = gazette::parse_config(text, "/srv/gazette/config.toml");
  for (const auto& problem : result.problems) (void)gazette::format_problem(result.config.file, problem);
  return 0;
}
