// gazette: a news publication over Gemini and Gopher.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Gazette: publishes a news capsule over Gemini and Gopher"};
  app.set_version_flag("--version", std::string("gazette ") + GAZETTE_VERSION);
  app.require_subcommand(1);

  std::string config_file = "config.toml";

  auto* serve = app.add_subcommand("serve", "Serve the capsule over Gemini and Gopher");
  serve->add_option("--config", config_file, "The configuration file")->capture_default_str();

  auto* check = app.add_subcommand("check", "Check the config and every capsule file; print each problem");
  check->add_option("--config", config_file, "The configuration file")->capture_default_str();

  std::string url_path;
  auto* render = app.add_subcommand("render", "Print what a reader gets for a URL path (header on stderr)");
  render->add_option("path", url_path, "The URL path, such as / or /world/pier")->required();
  render->add_option("--config", config_file, "The configuration file")->capture_default_str();
  bool gopher = false;
  render->add_flag("--gopher", gopher, "Show the Gopher answer for this selector instead");

  std::string section, title;
  auto* create = app.add_subcommand("new", "Write a draft article with today's date and print its path");
  create->add_option("section", section, "The section folder")->required();
  create->add_option("title", title, "The headline")->required();
  create->add_option("--config", config_file, "The configuration file")->capture_default_str();

  auto* fingerprint =
      app.add_subcommand("fingerprint", "Print the SHA-256 fingerprints of the certificate and of its public key");
  fingerprint->add_option("--config", config_file, "The configuration file")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? gazette::exit_ok : gazette::exit_bad_config;
  }

  if (serve->parsed()) return gazette::serve_command(config_file);
  if (check->parsed()) return gazette::check_command(config_file);
  if (render->parsed()) return gazette::render_command(config_file, url_path, gopher);
  if (create->parsed()) return gazette::new_article_command(config_file, section, title);
  if (fingerprint->parsed()) return gazette::fingerprint_command(config_file);
  return gazette::exit_failure;
}
