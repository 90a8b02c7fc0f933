/** @file
 *  @brief The TOML configuration (config/default.toml documents every key).
 *
 *  Unknown keys and values of the wrong type or range are errors that name
 *  the file and line; nothing is silently ignored. Relative file paths in the
 *  config are resolved against the config file's folder.
 */
#pragma once

#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/export.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace xapian_arabic {

class XAPIAN_ARABIC_API ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Config {
  AnalysisSettings analysis;

  /// The built-in defaults (config/default.toml).
  XAPIAN_ARABIC_API static Config defaults();
  /// Reads @p path; throws ConfigError("FILE:LINE: what is wrong").
  XAPIAN_ARABIC_API static Config load(const std::string& path);
  /// Parses TOML text; @p source names it in errors, @p base_dir resolves relative paths.
  XAPIAN_ARABIC_API static Config parse(std::string_view toml, const std::string& source,
                                        const std::string& base_dir = ".");
};

}  // namespace xapian_arabic
