/** @file
 *  @brief Registration of the xapian-arabic subcommands (one file per group).
 */
#pragma once

#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/config.h>

#include <CLI/CLI.hpp>
#include <string>

namespace xapian_arabic::cli {

/// normalize, stem, analyze.
void register_analysis_commands(CLI::App& app);

/// index: news archives into a Xapian database (index_command.cc).
void register_index_commands(CLI::App& app);

/// search (search_command.cc).
void register_search_commands(CLI::App& app);

/// config check, config show (config_command.cc).
void register_config_commands(CLI::App& app);

/// extract (extract_command.cc).
void register_extract_commands(CLI::App& app);

/// The process exit status the chosen subcommand asked for.
int exit_status();
void set_exit_status(int status);

/// The config named by --config, or the built-in defaults.
Config load_config(const std::string& path);

/// Adds the common --config option to @p cmd.
void add_config_option(CLI::App* cmd, std::string& path);

}  // namespace xapian_arabic::cli
