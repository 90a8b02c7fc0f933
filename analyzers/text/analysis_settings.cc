/** @file
 *  @brief Fingerprint of the index-time analysis settings.
 */
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/error.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "base/hash.h"
#include "tables/data_files.h"
#include "text/lexicon.h"
#include "text/stemmer_tables.h"

namespace xapian_arabic {

const char* to_string(StemmerKind kind) {
  switch (kind) {
    case StemmerKind::light: return "light";
    case StemmerKind::snowball: return "snowball";
    case StemmerKind::none: return "none";
  }
  return "?";
}

StemmerKind parse_stemmer_kind(const std::string& name) {
  if (name == "light") return StemmerKind::light;
  if (name == "snowball") return StemmerKind::snowball;
  if (name == "none") return StemmerKind::none;
  throw ConfigError("unknown stemmer '" + name + "' (expected light, snowball or none)");
}

std::string AnalysisSettings::fingerprint() const {
  std::uint64_t tables = kFnvOffset;
  if (stemmer == StemmerKind::light) {
    for (const char* name : StemmerTables::kFiles)
      tables = fnv1a(read_table(std::string("stemmer/") + name, StemmerTables::path(stemmer_tables_dir, name)), tables);
    // The stems also depend on the Ayaspell lexicon (hunspell-ar) the library was built from.
    tables = fnv1a(hex64(Lexicon::source_fingerprint()), tables);
    // Revision 1 (the rules until 2026-12) added nothing, so indexes of it keep their hash.
    if (StemmerTables::kRulesRevision > 1)
      tables = fnv1a("rules=" + std::to_string(StemmerTables::kRulesRevision), tables);
  }
  if (use_stopwords) tables = fnv1a(read_table("stopwords/arabic.txt", stopwords_file), tables);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(tables));
  return "norm=" + normalization.fingerprint() + ";stem=" + to_string(stemmer) + ";latin=" + latin_stemmer +
         ";stop=" + (use_stopwords ? "1" : "0") + ";tables=" + hex;
}

}  // namespace xapian_arabic
