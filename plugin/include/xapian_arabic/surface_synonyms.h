/** @file
 *  @brief Synonyms that let a plain QueryParser reach normalized and stemmed
 *  terms: each word as written in the text, mapped to its normalized term and
 *  its "Z" stem (in the stems layout, only to its "Z" term: add_stem_term()).
 *
 *  Xapian has no normalization hook, so Omega, quest and python3-xapian parse
 *  `القمة` to the term القمة while the index holds القمه and Zقمه. With these
 *  synonyms in the database, a QueryParser with no stemmer and
 *  FLAG_AUTO_SYNONYMS parses it to (القمة SYNONYM Zقمه SYNONYM القمه).
 *  The key is the word as QueryParser makes it from user input: lower-cased
 *  (Xapian::Unicode::tolower), neither normalized nor stemmed.
 *  docs/omega.md says what this reaches and what it does not (phrases, wildcards).
 *
 *  Thread safety: none; use one object per thread.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/export.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xapian_arabic {

/// (key, synonym) pairs for Xapian's synonym table.
using SynonymPairs = std::vector<std::pair<std::string, std::string>>;

/// The synonym pairs of the words recorded, without duplicates. A word recorded once gives
/// no pairs again until clear(): keep one object per thread across documents and take each
/// document's new pairs with take_pairs(), so that a word seen before costs a hash look-up and
/// no strings. The memory of words is bounded (about 2 MB); when full it starts again, and
/// words recorded before give their pairs once more.
class XAPIAN_ARABIC_API SurfaceSynonyms {
 public:
  SurfaceSynonyms();
  ~SurfaceSynonyms();
  SurfaceSynonyms(SurfaceSynonyms&&) noexcept;
  SurfaceSynonyms& operator=(SurfaceSynonyms&&) noexcept;

  /// Records a word written @p surface in the text (an acronym without its dots, as QueryParser reads "U.N.") and
  /// indexed as @p prefix + @p term (and "Z" + @p prefix + @p stem unless @p stem is empty): the written form and the
  /// normalized form each get the terms they differ from.
  void add(std::string_view prefix, std::string_view surface, std::string_view term, std::string_view stem);

  /// The same for the stems layout, where the word is indexed as "Z" + @p prefix + @p stem_term
  /// only (its stem, or @p term where it has none): the written form and the normalized form
  /// @p term each lead to it.
  void add_stem_term(std::string_view prefix, std::string_view surface, std::string_view term,
                     std::string_view stem_term);

  /// Adds one more pair (a key recorded above with another synonym: derived_form_synonyms.h).
  void add_pair(std::string key, std::string synonym);

  /// (key, synonym) pairs recorded since the last take_pairs() or clear(), in the order first seen
  /// (a pair may repeat when two words lead to it).
  const SynonymPairs& pairs() const;
  bool empty() const { return pairs().empty(); }
  /// Hands over the pairs recorded since the last take_pairs() or clear(); the words stay remembered.
  SynonymPairs take_pairs();
  /// Forgets the pairs and the words: each word gives its pairs again.
  void clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Analyzer;

/// For each pair of @p synonyms that leads a word to a stem whose stem has a verbal-noun partner
/// (Analyzer::derived_form_partner), the pair that leads it to the partner's stem too (اعتقلت →
/// Zاعتقل, and Zاعتقال), so that plain QueryParsers join the two as `xapian-arabic search` does
/// ([synonyms] derived_forms). Call it once, after the text's words are recorded.
XAPIAN_ARABIC_API void add_derived_form_synonyms(SurfaceSynonyms& synonyms, const Analyzer& analyzer);

/// Adds SurfaceSynonyms to a database, skipping pairs it already added: Xapian
/// rewrites a key's whole synonym list on every add_synonym(), and news words repeat.
/// Pairs wait in a queue and reach the database in key order, so that Xapian, which
/// keeps one key's list in memory, reads and writes each key once per flush instead of
/// once per pair (pairs arrive in text order, one key after another).
class XAPIAN_ARABIC_API SynonymWriter {
 public:
  SynonymWriter();
  ~SynonymWriter();
  SynonymWriter(SynonymWriter&&) noexcept;
  SynonymWriter& operator=(SynonymWriter&&) noexcept;

  /// Queues the pairs not added before; they reach @p db at flush(), or here when the
  /// queue is full (at most about 65,000 pairs wait: memory stays bounded between commits).
  void write(Xapian::WritableDatabase& db, const SynonymPairs& pairs);
  void write(Xapian::WritableDatabase& db, const SurfaceSynonyms& synonyms);

  /// Adds the queued pairs to @p db; call it before db.commit(), or they miss that commit.
  void flush(Xapian::WritableDatabase& db);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xapian_arabic
