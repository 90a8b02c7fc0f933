/** @file
 *  @brief xapian-arabic: command-line entry point; each subcommand lives in its own file.
 */
#include <xapian_arabic/analyzer.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"xapian-arabic: Arabic normalization, stemming, news extraction, indexing and search for Xapian"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(xapian_arabic::version()));
  xapian_arabic::cli::register_analysis_commands(app);
  xapian_arabic::cli::register_index_commands(app);
  xapian_arabic::cli::register_search_commands(app);
  xapian_arabic::cli::register_config_commands(app);
  xapian_arabic::cli::register_extract_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 1 (CLI11's own codes are 100+).
    return app.exit(e) == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    // Config, table and database errors already name the file and what is wrong.
    std::cerr << "xapian-arabic: " << e.what() << '\n';
    return 1;
  }
  return xapian_arabic::cli::exit_status();
}
