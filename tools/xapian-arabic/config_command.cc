/** @file
 *  @brief config check / config show: validate a TOML config, print the effective settings.
 *
 *  Both are Config's own: check is Config::check (every key, path and table), show is
 *  Config::to_toml (TOML that check accepts and that loads back to the same settings).
 */
#include <iostream>
#include <memory>

#include "commands.h"

namespace xapian_arabic::cli {

void register_config_commands(CLI::App& app) {
  auto* config = app.add_subcommand("config", "Check a config file or show the effective settings");
  config->require_subcommand(1);

  auto check_path = std::make_shared<std::string>();
  auto* check =
      config->add_subcommand("check", "Validate FILE: prints 'FILE: OK', or FILE:LINE: what is wrong (exit 1)");
  check->add_option("file", *check_path, "TOML config file")->required();
  check->callback([check_path] {
    try {
      Config::check(*check_path);
      std::cout << *check_path << ": OK\n";
    } catch (const ConfigError& e) {
      std::cerr << e.what() << '\n';
      set_exit_status(1);
    }
  });

  auto show_path = std::make_shared<std::string>();
  auto* show =
      config->add_subcommand("show", "Print every setting in effect (the built-in defaults, or FILE over them)");
  show->add_option("file", *show_path, "TOML config file (default: built-in config/default.toml)");
  show->callback([show_path] {
    try {
      std::cout << load_config(*show_path).to_toml();
    } catch (const ConfigError& e) {
      std::cerr << e.what() << '\n';
      set_exit_status(1);
    }
  });
}

}  // namespace xapian_arabic::cli
