/** @file
 *  @brief The lexicon's flat table: Ayaspell's entries read from hunspell-ar and laid out as one
 *         byte blob that is compiled into the library (internal to Lexicon).
 *
 *  Reading ar.dic and normalizing its 157,000 lines took 40–50 ms of CPU at the start of every
 *  process, most of a one-query `xapian-arabic search`. So tools/compile-lexicon reads them at build
 *  time into a blob that the library carries (compiled_lexicon()): an open-addressing hash table of
 *  the default-normalized forms, probed in place with no start-up work, and the entries as read, for
 *  the other normalization options. The blob also records the hash of the files it was made from,
 *  which index fingerprints use, so an index and a binary agree on the lexicon without reading it.
 *
 *  Layout (native endianness, built and read on the same machine): a LexiconBlobHeader, the
 *  normalizer fingerprint of the table, the slots (uint32 offsets into the keys, 0 = empty), the
 *  keys, the entries as read. A key or entry record is `uint16 bits, uint8 length, bytes`.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

class Normalizer;

/// What an entry is and which of Ayaspell's suffix classes (ar.aff) it takes.
enum LexiconBits : std::uint16_t {
  kLexNoun = 1 << 0,
  kLexVerb = 1 << 1,
  kLexFeminine = 1 << 2,         // B*: + ة (جديد → جديدة)
  kLexPluralAt = 1 << 3,         // H*: + ات, ة → ات, اة → يات
  kLexPluralUn = 1 << 4,         // I*: + ون / ين
  kLexDual = 1 << 5,             // C*, D*: + ان / ين, ة → تان / تين
  kLexNisba = 1 << 6,            // L*: + ي ية يين يون يان (فلسطين → فلسطيني)
  kLexNisbaAlef = 1 << 7,        // N*: final ا → يون / يين (أمريكا → أمريكيون)
  kLexAccusative = 1 << 8,       // J*: + ا
  kLexTehMarbuta = 1 << 9,       // the entry ends in ة (told apart from ه also when ة is folded)
  kLexAlefTehMarbuta = 1 << 10,  // the entry ends in اة (مباراة → مباريات)
};

struct LexiconEntry {
  std::string word;
  std::uint16_t bits = 0;
};

/// What read_ayaspell found in the two files.
struct AyaspellWords {
  std::vector<LexiconEntry> entries;  // unnormalized, in file order
  std::uint64_t fingerprint = 0;      // FNV-1a over the .aff, then the .dic
};

/// The nouns and verb forms of Ayaspell's @p dic_path with their suffix classes from the flag
/// aliases of @p aff_path. Throws TableError naming the file when it can't be read or isn't
/// Ayaspell's.
AyaspellWords read_ayaspell(const std::string& dic_path, const std::string& aff_path);

/// A view of a blob: what LexiconTable::parse found, pointing into the blob's bytes.
class LexiconTable {
 public:
  /// Lays @p raw out as a blob: the table of its forms normalized by @p normalizer, and, when
  /// @p keep_raw, the entries themselves. @p source_fingerprint is the hash of the files read.
  static std::string build(const Normalizer& normalizer, const std::vector<LexiconEntry>& raw,
                           std::uint64_t source_fingerprint, bool keep_raw);

  /// Checks @p blob's header and bounds; throws TableError naming @p what when they are wrong.
  static LexiconTable parse(std::string_view blob, const std::string& what);

  /// The bits of normalized @p key, 0 when it is not an entry.
  std::uint16_t bits(std::string_view key) const;

  std::size_t size() const { return key_count_; }
  std::uint64_t source_fingerprint() const { return source_fingerprint_; }
  /// Normalizer::options().fingerprint() of the normalizer the keys were made with.
  std::string_view normalization() const { return normalization_; }
  /// The entries as read (empty unless built with keep_raw).
  std::vector<LexiconEntry> raw_entries() const;

 private:
  std::string_view slots_, keys_, raw_, normalization_;
  std::uint32_t slot_mask_ = 0, key_count_ = 0;
  std::uint64_t source_fingerprint_ = 0;
};

/// The blob tools/compile-lexicon made from the hunspell-ar of the build, compiled into the
/// library (empty in the compiler itself).
std::string_view compiled_lexicon();

}  // namespace xapian_arabic
