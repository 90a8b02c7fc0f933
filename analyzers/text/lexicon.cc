/** @file
 *  @brief The Ayaspell lexicon's look-ups (a form to its noun entry), and one lexicon per set of
 *         normalization options per process, from the blob compiled into the library.
 */
#include "text/lexicon.h"

#include <map>
#include <mutex>

#ifndef XA_LEXICON_DIR
#define XA_LEXICON_DIR "/usr/share/hunspell"
#endif

namespace xapian_arabic {

namespace {

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ends_with_letters(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.ends_with(tail);
}

const LexiconTable& compiled_table() {
  static const LexiconTable table = LexiconTable::parse(compiled_lexicon(), "the lexicon compiled into xapian-arabic");
  return table;
}

}  // namespace

Lexicon::Lexicon(Built, const Normalizer& normalizer, std::string owned, const LexiconTable& compiled)
    : owned_(std::move(owned)),
      table_(owned_.empty() ? compiled : LexiconTable::parse(owned_, "the Arabic lexicon")),
      teh_marbuta_(normalizer.normalize("\xD8\xA9")) {}

Lexicon::Lexicon(const Normalizer& normalizer, const std::string& dic_path, const std::string& aff_path)
    : teh_marbuta_(normalizer.normalize("\xD8\xA9")) {
  const AyaspellWords words = read_ayaspell(dic_path, aff_path);
  owned_ = LexiconTable::build(normalizer, words.entries, words.fingerprint, false);
  table_ = LexiconTable::parse(owned_, dic_path);
}

std::string Lexicon::dic_path() {
  return XA_LEXICON_DIR "/ar.dic";
}
std::string Lexicon::aff_path() {
  return XA_LEXICON_DIR "/ar.aff";
}

std::shared_ptr<const Lexicon> Lexicon::shared(const Normalizer& normalizer) {
  // One lexicon per set of normalization options (a few at most), never freed: every stemmer
  // of the process shares it, so building an Analyzer per thread or per query costs nothing.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Lexicon>> loaded;
  const std::string normalization = normalizer.options().fingerprint();
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = loaded[normalization];
  if (slot) return slot;
  const LexiconTable& compiled = compiled_table();
  std::string owned;
  if (compiled.normalization() != normalization)  // not the options the build compiled: normalize now
    owned = LexiconTable::build(normalizer, compiled.raw_entries(), compiled.source_fingerprint(), false);
  slot.reset(new Lexicon(Built{}, normalizer, std::move(owned), compiled));
  return slot;
}

std::uint64_t Lexicon::source_fingerprint() {
  return compiled_table().source_fingerprint();
}

std::string Lexicon::noun_lemma(std::string_view form) const {
  std::string lemma = lemma_of(form);
  // A lemma of two letters is mostly a misread ending (فكان → فك + dual ان).
  if (lemma.size() < form.size() && letters(lemma) < 3) lemma.clear();
  return lemma;
}

std::string Lexicon::lemma_of(std::string_view f) const {
  constexpr std::string_view kAt = "\xD8\xA7\xD8\xAA";           // ات
  constexpr std::string_view kYat = "\xD9\x8A\xD8\xA7\xD8\xAA";  // يات
  constexpr std::string_view kAlef = "\xD8\xA7";                 // ا
  constexpr std::string_view kYeh = "\xD9\x8A";                  // ي
  const std::string_view tm = teh_marbuta_;
  const auto cut = [&](std::size_t bytes) { return f.substr(0, f.size() - bytes); };
  const auto noun = [&](std::string_view k, std::uint16_t need) {
    const std::uint16_t b = bits(k);
    return (b & kLexNoun) && (b & need) == need;
  };
  const auto with = [](std::string_view a, std::string_view b) { return std::string(a).append(b); };

  if (const std::uint16_t b = bits(f); b & kLexNoun) {
    // A verb form with an imperfect prefix that is also a noun (تكون "formation", تقول) is read as
    // the verb: the stemmer's verb rules join it with كان, قال.
    const bool imperfect = f.starts_with("\xD9\x8A") || f.starts_with("\xD8\xAA") || f.starts_with("\xD9\x86");
    return (b & kLexVerb) && imperfect ? std::string() : std::string(f);
  }
  // A form starting with ال is the article's: the stemmer asks again without it. Deriving
  // here would find hamza-initial entries folded to ال (الدين as ألدّ + ين, not الدين "religion").
  if (f.starts_with("\xD8\xA7\xD9\x84")) return {};
  // Sound feminine plural: of the bare entry or of its ة form. When both take ات (حال/حالة,
  // قرار/قرارة), the ة noun is the plural's singular only if it is the bare entry's own
  // feminine (حالة of حال): otherwise it is a rarer word of its own (قرارة).
  if (ends_with_letters(f, kAt) && letters(f) >= 5) {  // a stem of 3 letters at least (not بدأت → بدة)
    // اة nouns first: مباريات is مباراة's plural even though مباري is an entry too.
    if (ends_with_letters(f, kYat)) {
      const std::string y = with(with(cut(kYat.size()), kAlef), tm);
      if (noun(y, kLexPluralAt | kLexAlefTehMarbuta)) return y;
    }
    const std::string_view x = cut(kAt.size());
    const bool bare = noun(x, kLexPluralAt) && !(bits(x) & kLexTehMarbuta);
    const std::string fem = with(x, tm);
    const bool marbuta = noun(fem, kLexPluralAt | kLexTehMarbuta);
    if (bare && marbuta) return (bits(x) & kLexFeminine) ? fem : std::string(x);
    if (bare) return std::string(x);
    if (marbuta) return fem;
    if (ends_with_letters(f, kYat) && noun(cut(kYat.size()), kLexNisba))
      return with(cut(kYat.size()), kYeh);  // nisba plural
  }
  // Feminine of an adjective or noun (جديدة → جديد), and of a nisba (فلسطينية → فلسطيني).
  if (ends_with_letters(f, tm)) {
    if (noun(cut(tm.size()), kLexFeminine)) return std::string(cut(tm.size()));
    const std::string yeh_tm = with(kYeh, tm);
    if (ends_with_letters(f, yeh_tm)) {
      const std::string_view x = cut(yeh_tm.size());
      if (noun(x, kLexNisba) || (bits(with(x, kYeh)) & kLexNoun)) return with(x, kYeh);
    }
  }
  // Nisba plurals and duals before the plain ون/ين/ان, whose stem they would leave with ي.
  for (std::string_view ending : {"\xD9\x8A\xD9\x8A\xD9\x86" /* يين */, "\xD9\x8A\xD9\x88\xD9\x86" /* يون */,
                                  "\xD9\x8A\xD8\xA7\xD9\x86" /* يان */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string_view x = cut(ending.size());
    if (noun(x, kLexNisba)) return with(x, kYeh);
    if (noun(with(x, kAlef), kLexNisbaAlef)) return with(x, kYeh);
  }
  // The dual of a ة noun (سنتين → سنة) before the plain ين (سنت).
  for (std::string_view ending : {"\xD8\xAA\xD8\xA7\xD9\x86" /* تان */, "\xD8\xAA\xD9\x8A\xD9\x86" /* تين */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string fem = with(cut(ending.size()), tm);
    if (noun(fem, kLexDual | kLexTehMarbuta)) return fem;
  }
  for (std::string_view ending : {"\xD9\x88\xD9\x86" /* ون */, "\xD9\x8A\xD9\x86" /* ين */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string_view x = cut(ending.size());
    if (noun(x, kLexPluralUn) || noun(x, kLexDual)) return std::string(x);
  }
  if (ends_with_letters(f, "\xD8\xA7\xD9\x86") /* ان */ && noun(cut(4), kLexDual)) return std::string(cut(4));
  // The accusative ا (يوما, سابقا, وفقا). Behind a rare 3-letter noun it can be a verb after و
  // (ودعا → ودع, وبدأ → وبد); in news-bench the adverbs (وفقا 1304, بدلا 570) outnumber those.
  if (ends_with_letters(f, kAlef) && noun(cut(kAlef.size()), kLexAccusative) &&
      !(bits(cut(kAlef.size())) & kLexTehMarbuta))
    return std::string(cut(kAlef.size()));
  return {};
}

bool Lexicon::knows(std::string_view form) const {
  return bits(form) != 0 || !noun_lemma(form).empty();
}

}  // namespace xapian_arabic
