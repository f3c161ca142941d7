// gazette: a news publication over Gemini and Gopher.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace {

// Shown under the list of commands in `gazette --help`: each command with
// its arguments, which CLI11 shows only in the command's own help.
constexpr const char* commands_footer = R"(
Commands and their arguments (--config defaults to ./config.toml):
  gazette serve [--config PATH]
  gazette check [--config PATH]
  gazette render PATH [--gopher] [--config PATH]
      PATH: /world/pier, /search?words, a gemini:// URL; with --gopher a
      selector, such as /world/pier or "/search<TAB>words"
  gazette new SECTION TITLE [--config PATH]
  gazette fingerprint [--config PATH]
Exit status: 0 success; 1 a failure, or check found errors; 2 the command
line or the configuration was refused. gazette COMMAND --help and
man gazette tell more.)";

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"Gazette: publishes a news capsule over Gemini and Gopher", "gazette"};
  app.set_version_flag("--version", std::string("gazette ") + GAZETTE_VERSION);
  app.require_subcommand(1);
  app.footer(commands_footer);

  std::string config_file = "config.toml";
  auto add_config_option = [&](CLI::App* command) {
    command->add_option("--config", config_file, "The configuration file")->capture_default_str();
  };

  auto* serve = app.add_subcommand("serve", "Serve the capsule over Gemini and Gopher");
  add_config_option(serve);

  auto* check = app.add_subcommand("check", "Check the config and every capsule file; print each problem");
  add_config_option(check);

  std::string url_path;
  auto* render = app.add_subcommand("render", "Print what a reader gets for a URL path (header on stderr)");
  render->add_option("path", url_path,
                     "A URL path such as / or /world/pier or /search?words, or a gemini:// URL; with --gopher, a "
                     "selector such as /world/pier or \"/search<TAB>words\"")
      ->required();
  add_config_option(render);
  bool gopher = false;
  render->add_flag("--gopher", gopher, "Show the Gopher answer for this selector instead");

  std::string section, title;
  auto* create = app.add_subcommand("new", "Write a draft article with today's date and print its path");
  create->add_option("section", section, "The section folder, such as world")->required();
  create->add_option("title", title, "The headline, in quotes; it names the file too")->required();
  add_config_option(create);

  auto* fingerprint =
      app.add_subcommand("fingerprint", "Print the SHA-256 fingerprints of the certificate and of its public key");
  add_config_option(fingerprint);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports a command it does not know as a missing one.
    if (app.get_subcommands().empty() && e.get_exit_code() != 0) {
      const std::vector<std::string> rest = app.remaining();
      std::vector<std::string> names;
      for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
      const std::string what = rest.empty()                   ? "a command is needed"
                               : rest.front().starts_with('-') ? fmt::format("unknown option \"{}\"", rest.front())
                                                               : fmt::format("unknown command \"{}\"", rest.front());
      fmt::print(stderr, "gazette: {}; the commands are {} (gazette --help shows their arguments)\n", what,
                 fmt::join(names, ", "));
      return gazette::exit_bad_config;
    }
    return app.exit(e) == 0 ? gazette::exit_ok : gazette::exit_bad_config;
  }

  if (serve->parsed()) return gazette::serve_command(config_file);
  if (check->parsed()) return gazette::check_command(config_file);
  if (render->parsed()) return gazette::render_command(config_file, url_path, gopher);
  if (create->parsed()) return gazette::new_article_command(config_file, section, title);
  if (fingerprint->parsed()) return gazette::fingerprint_command(config_file);
  return gazette::exit_failure;
}
