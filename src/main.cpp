// gazette: a news publication over Gemini and Gopher.
#include "commands.hpp"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Gazette: publishes a news capsule over Gemini and Gopher"};
  app.set_version_flag("--version", std::string("gazette ") + GAZETTE_VERSION);
  app.require_subcommand(1);

  std::string config_file = "config.toml";

  auto* serve = app.add_subcommand("serve", "Serve the capsule over Gemini and Gopher");
  serve->add_option("--config", config_file, "The configuration file")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? gazette::exit_ok : gazette::exit_bad_config;
  }

  if (serve->parsed()) return gazette::serve_command(config_file);
  return gazette::exit_failure;
}
