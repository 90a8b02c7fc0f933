/** @file
 *  @brief Arabic light stemmer over the affix tables of config/stemmer/.
 */
#include <xapian_arabic/light_stemmer.h>

#include <algorithm>
#include <stdexcept>

#include "data_files.h"
#include "utf8.h"

namespace xapian_arabic {

namespace {

std::vector<Affix> load_affixes(const std::string& dir, const char* name, const Normalizer& normalizer) {
  const std::string builtin = std::string("stemmer/") + name;
  const std::string path = dir.empty() ? std::string() : dir + "/" + name;
  std::vector<Affix> affixes;
  for (auto line : table_lines(read_table(builtin, path))) {
    const auto fields = split_fields(line);
    Affix affix;
    affix.text = normalizer.normalize(fields[0]);
    if (fields.size() > 1) {
      try {
        affix.min_stem = std::stoul(std::string(fields[1]));
      } catch (const std::exception&) {
        throw std::runtime_error((path.empty() ? builtin : path) + ": bad minimum stem length in line '" +
                                 std::string(line) + "'");
      }
    }
    affixes.push_back(std::move(affix));
  }
  // Longest match first; the stable sort keeps the file's order among equals.
  std::stable_sort(affixes.begin(), affixes.end(),
                   [](const Affix& a, const Affix& b) { return a.text.size() > b.text.size(); });
  return affixes;
}

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool starts_with_arabic_letter(std::string_view w) {
  // Arabic block letters are 0xD8 0x.. to 0xDB 0x.. in UTF-8.
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0xD8 && static_cast<unsigned char>(w[0]) <= 0xDB;
}

}  // namespace

StemmerTables StemmerTables::load(const Normalizer& normalizer, const std::string& dir) {
  StemmerTables tables;
  tables.prefixes = load_affixes(dir, "prefixes.txt", normalizer);
  tables.pronoun_suffixes = load_affixes(dir, "pronoun_suffixes.txt", normalizer);
  tables.suffixes = load_affixes(dir, "suffixes.txt", normalizer);
  const std::string path = dir.empty() ? std::string() : dir + "/protected.txt";
  for (auto line : table_lines(read_table("stemmer/protected.txt", path)))
    tables.protected_words.insert(normalizer.normalize(line));
  return tables;
}

LightStemmer::LightStemmer(const NormalizerOptions& options, const std::string& tables_dir)
    : normalizer_(options), tables_(StemmerTables::load(normalizer_, tables_dir)) {}

std::string LightStemmer::stem(std::string_view word) const { return stem_normalized(normalizer_.normalize(word)); }

std::string LightStemmer::stem_normalized(std::string_view word) const {
  if (!starts_with_arabic_letter(word) || letters(word) <= 2) return std::string(word);
  const auto is_protected = [this](std::string_view w) { return tables_.protected_words.count(std::string(w)) > 0; };
  if (is_protected(word)) return std::string(word);

  // A protected word behind any proclitic wins (وبوتين → بوتين, not و+ب+وتين);
  // otherwise the longest proclitic that leaves a long enough stem is removed.
  const Affix* longest = nullptr;
  for (const Affix& p : tables_.prefixes) {
    if (!word.starts_with(p.text) || letters(word) - letters(p.text) < p.min_stem) continue;
    if (is_protected(word.substr(p.text.size()))) return std::string(word.substr(p.text.size()));
    if (!longest) longest = &p;
  }
  std::string_view stem = word;
  if (longest) stem.remove_prefix(longest->text.size());

  std::string result(stem);
  bool removed_pronoun = false;
  for (const Affix& s : tables_.pronoun_suffixes) {
    if (result.ends_with(s.text) && letters(result) - letters(s.text) >= s.min_stem) {
      result.resize(result.size() - s.text.size());
      removed_pronoun = true;
      break;
    }
  }
  // Before a pronoun, teh marbuta is written ت (مدرستهم): restore it as the ending.
  if (removed_pronoun && result.ends_with("\xD8\xAA") && letters(result) >= 4) {
    result.resize(result.size() - 2);
    result += normalizer_.normalize("\xD8\xA9");
  }
  for (const Affix& s : tables_.suffixes) {
    if (result.ends_with(s.text) && letters(result) - letters(s.text) >= s.min_stem) {
      result.resize(result.size() - s.text.size());
      break;
    }
  }
  return result;
}

}  // namespace xapian_arabic
