/** @file
 *  @brief Reading Ayaspell's files and laying the lexicon out as a blob (lexicon_table.h).
 */
#include "text/lexicon_table.h"

#include <xapian_arabic/error.h>
#include <xapian_arabic/normalizer.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "base/hash.h"

namespace xapian_arabic {

namespace {

constexpr char kMagic[8] = {'X', 'A', 'L', 'E', 'X', '\0', 'v', '1'};

struct BlobHeader {
  char magic[8];
  std::uint64_t source_fingerprint;
  std::uint32_t slot_count, key_count;
  std::uint32_t normalization_offset, normalization_size;
  std::uint32_t slots_offset, keys_offset, keys_size, raw_offset, raw_size;
};

std::uint16_t class_bit(char a, char b) {
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return 0;  // lower-case flags are prefixes, T* verbs
  switch (a) {
    case 'B': return kLexFeminine;
    case 'H': return kLexPluralAt;
    case 'I': return kLexPluralUn;
    case 'C':
    case 'D': return kLexDual;
    case 'L': return kLexNisba;
    case 'N': return kLexNisbaAlef;
    case 'J': return kLexAccusative;
    default: return 0;
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TableError(path + ": cannot read the Arabic lexicon (Debian package hunspell-ar, docs/stemming.md)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// The suffix classes of each flag alias (`AF <two-letter flags>` lines of ar.aff, numbered from 1).
std::vector<std::uint16_t> read_aliases(const std::string& aff, const std::string& path) {
  std::vector<std::uint16_t> classes{0};
  std::istringstream in(aff);
  std::string line;
  bool counted = false;
  while (std::getline(in, line)) {
    if (!line.starts_with("AF")) continue;
    std::istringstream fields(line.substr(2));
    std::string flags;
    fields >> flags;
    if (!counted) {  // the first AF line gives the count
      counted = true;
      continue;
    }
    std::uint16_t bits = 0;
    for (std::size_t i = 0; i + 1 < flags.size(); i += 2) bits |= class_bit(flags[i], flags[i + 1]);
    classes.push_back(bits);
  }
  if (classes.size() < 2) throw TableError(path + ": no flag aliases (AF lines): not Ayaspell's ar.aff");
  return classes;
}

void append_record(std::string& out, std::uint16_t bits, std::string_view word) {
  if (word.size() > 255) throw TableError("lexicon entry of more than 255 bytes: " + std::string(word.substr(0, 64)));
  char head[3];
  std::memcpy(head, &bits, 2);
  head[2] = static_cast<char>(word.size());
  out.append(head, 3).append(word);
}

// The record at @p offset of @p area: false when it would run past the area's end.
bool read_record(std::string_view area, std::size_t offset, std::uint16_t& bits, std::string_view& word) {
  if (offset + 3 > area.size()) return false;
  std::memcpy(&bits, area.data() + offset, 2);
  const std::size_t length = static_cast<unsigned char>(area[offset + 2]);
  if (offset + 3 + length > area.size()) return false;
  word = area.substr(offset + 3, length);
  return true;
}

std::size_t slot_of(std::string_view key) {
  const std::uint64_t h = fnv1a(key);
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void align4(std::string& out) {
  out.resize((out.size() + 3) & ~std::size_t(3), '\0');
}

}  // namespace

AyaspellWords read_ayaspell(const std::string& dic_path, const std::string& aff_path) {
  const std::string aff = read_file(aff_path);
  const std::vector<std::uint16_t> aliases = read_aliases(aff, aff_path);
  const std::string dic = read_file(dic_path);
  AyaspellWords out;
  out.fingerprint = fnv1a(aff, fnv1a(dic));
  // ar.dic is several files joined, each after "::::" lines naming it: stopwords.dic and
  // tools.dic hold function words with their clitics already attached (والله, فبغير), so only
  // the nouns (names.dic) and verb forms (verb.huns.dic) are read.
  enum class Section { other, nouns, verbs } section = Section::other;
  bool naming = false;
  std::size_t pos = 0;
  while (pos < dic.size()) {
    std::size_t eol = dic.find('\n', pos);
    if (eol == std::string::npos) eol = dic.size();
    std::string_view line(dic.data() + pos, eol - pos);
    pos = eol + 1;
    if (line.starts_with("::::")) {
      naming = !naming;
      continue;
    }
    if (naming) {
      section = line.starts_with("names.dic") ? Section::nouns
                : line.starts_with("verb.")   ? Section::verbs
                                              : Section::other;
      continue;
    }
    const auto slash = line.find('/');
    // Entries without flags in names.dic are mostly clitic forms of الله; skip them with comments.
    if (section == Section::other || slash == std::string_view::npos || line.starts_with("#")) continue;
    const std::string_view word = line.substr(0, slash);
    std::size_t alias = 0;
    for (std::size_t i = slash + 1; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
      alias = alias * 10 + std::size_t(line[i] - '0');
    if (alias >= aliases.size())
      throw TableError(dic_path + ": entry '" + std::string(word) + "' uses flag alias " + std::to_string(alias) +
                       ", not in " + aff_path);
    std::uint16_t bits = kLexVerb;
    if (section == Section::nouns) {
      bits = kLexNoun | aliases[alias];
      if (word.ends_with("\xD8\xA7\xD8\xA9"))  // اة
        bits |= kLexAlefTehMarbuta | kLexTehMarbuta;
      else if (word.ends_with("\xD8\xA9"))  // ة
        bits |= kLexTehMarbuta;
    }
    out.entries.push_back({std::string(word), bits});
  }
  if (out.entries.empty()) throw TableError(dic_path + ": no noun or verb entries: not Ayaspell's ar.dic");
  return out;
}

std::string LexiconTable::build(const Normalizer& normalizer, const std::vector<LexiconEntry>& raw,
                                std::uint64_t source_fingerprint, bool keep_raw) {
  std::unordered_map<std::string, std::uint16_t, TransparentStringHash, std::equal_to<>> forms;
  std::vector<std::string> with_article;  // nouns that start with ال once normalized (السنة, ألسنة, التزام)
  for (const LexiconEntry& entry : raw) {
    std::string key = normalizer.normalize(entry.word);
    if ((entry.bits & kLexNoun) && key.starts_with("\xD8\xA7\xD9\x84")) with_article.push_back(key);
    forms[std::move(key)] |= entry.bits;
  }
  // A noun that reads as another noun with the article is taken as that one: السنة is the year
  // (سنة) more often than ألسنة "tongues" with its hamza folded. Nouns whose ال is part of the
  // word stay (التزام, الف "thousand").
  for (const std::string& key : with_article) {
    const auto bare = forms.find(std::string_view(key).substr(4));
    if (bare != forms.end() && (bare->second & kLexNoun)) forms.erase(key);
  }
  forms.erase("");
  if (forms.empty()) throw TableError("the Arabic lexicon has no entries");

  // Sorted keys make the blob the same bytes on every build of the same files.
  std::vector<std::pair<std::string_view, std::uint16_t>> sorted(forms.begin(), forms.end());
  std::sort(sorted.begin(), sorted.end());
  const std::uint32_t slot_count = std::bit_ceil(static_cast<std::uint32_t>(sorted.size() * 2));
  std::vector<std::uint32_t> slots(slot_count, 0);
  std::string keys(1, '\0');  // offset 0 marks an empty slot
  for (const auto& [key, bits] : sorted) {
    std::size_t i = slot_of(key) & (slot_count - 1);
    while (slots[i] != 0) i = (i + 1) & (slot_count - 1);
    slots[i] = static_cast<std::uint32_t>(keys.size());
    append_record(keys, bits, key);
  }

  BlobHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.source_fingerprint = source_fingerprint;
  header.slot_count = slot_count;
  header.key_count = static_cast<std::uint32_t>(sorted.size());
  const std::string normalization = normalizer.options().fingerprint();
  std::string blob(sizeof header, '\0');
  header.normalization_offset = static_cast<std::uint32_t>(blob.size());
  header.normalization_size = static_cast<std::uint32_t>(normalization.size());
  blob += normalization;
  align4(blob);
  header.slots_offset = static_cast<std::uint32_t>(blob.size());
  blob.append(reinterpret_cast<const char*>(slots.data()), slots.size() * sizeof slots[0]);
  header.keys_offset = static_cast<std::uint32_t>(blob.size());
  header.keys_size = static_cast<std::uint32_t>(keys.size());
  blob += keys;
  header.raw_offset = static_cast<std::uint32_t>(blob.size());
  if (keep_raw)
    for (const LexiconEntry& entry : raw) append_record(blob, entry.bits, entry.word);
  header.raw_size = static_cast<std::uint32_t>(blob.size() - header.raw_offset);
  std::memcpy(blob.data(), &header, sizeof header);
  return blob;
}

LexiconTable LexiconTable::parse(std::string_view blob, const std::string& what) {
  BlobHeader header;
  if (blob.size() < sizeof header) throw TableError(what + ": too short for a lexicon table");
  std::memcpy(&header, blob.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0)
    throw TableError(what + ": not a lexicon table of this version (rebuild xapian-arabic)");
  const auto within = [&](std::uint64_t offset, std::uint64_t size) { return offset + size <= blob.size(); };
  if (!within(header.normalization_offset, header.normalization_size) || !std::has_single_bit(header.slot_count) ||
      !within(header.slots_offset, std::uint64_t(header.slot_count) * 4) ||
      !within(header.keys_offset, header.keys_size) || !within(header.raw_offset, header.raw_size) ||
      header.key_count >= header.slot_count)
    throw TableError(what + ": lexicon table truncated or corrupt");
  LexiconTable table;
  table.slots_ = blob.substr(header.slots_offset, std::size_t(header.slot_count) * 4);
  table.keys_ = blob.substr(header.keys_offset, header.keys_size);
  table.raw_ = blob.substr(header.raw_offset, header.raw_size);
  table.normalization_ = blob.substr(header.normalization_offset, header.normalization_size);
  table.slot_mask_ = header.slot_count - 1;
  table.key_count_ = header.key_count;
  table.source_fingerprint_ = header.source_fingerprint;
  return table;
}

std::uint16_t LexiconTable::bits(std::string_view key) const {
  // The table is at most half full, so a probe meets an empty slot soon; the bound only guards
  // a corrupt blob.
  for (std::size_t i = slot_of(key) & slot_mask_, probes = 0; probes <= slot_mask_;
       i = (i + 1) & slot_mask_, ++probes) {
    std::uint32_t offset;
    std::memcpy(&offset, slots_.data() + i * 4, 4);
    if (offset == 0) return 0;
    std::uint16_t bits;
    std::string_view word;
    if (!read_record(keys_, offset, bits, word)) return 0;
    if (word == key) return bits;
  }
  return 0;
}

std::vector<LexiconEntry> LexiconTable::raw_entries() const {
  std::vector<LexiconEntry> entries;
  std::uint16_t bits;
  std::string_view word;
  for (std::size_t offset = 0; read_record(raw_, offset, bits, word); offset += 3 + word.size())
    entries.push_back({std::string(word), bits});
  return entries;
}

}  // namespace xapian_arabic
