/** @file
 *  @brief Reading the Ayaspell lexicon (hunspell-ar) into normalized entry tables.
 */
#include "text/lexicon.h"

#include <xapian_arabic/error.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

#ifndef XA_LEXICON_DIR
#define XA_LEXICON_DIR "/usr/share/hunspell"
#endif

namespace xapian_arabic {

namespace {

// What an entry is and which of Ayaspell's suffix classes (ar.aff) it takes.
enum : std::uint16_t {
  kNoun = 1 << 0,
  kVerb = 1 << 1,
  kFeminine = 1 << 2,         // B*: + ة (جديد → جديدة)
  kPluralAt = 1 << 3,         // H*: + ات, ة → ات, اة → يات
  kPluralUn = 1 << 4,         // I*: + ون / ين
  kDual = 1 << 5,             // C*, D*: + ان / ين, ة → تان / تين
  kNisba = 1 << 6,            // L*: + ي ية يين يون يان (فلسطين → فلسطيني)
  kNisbaAlef = 1 << 7,        // N*: final ا → يون / يين (أمريكا → أمريكيون)
  kAccusative = 1 << 8,       // J*: + ا
  kTehMarbuta = 1 << 9,       // the entry ends in ة (told apart from ه also when ة is folded)
  kAlefTehMarbuta = 1 << 10,  // the entry ends in اة (مباراة → مباريات)
};

std::uint16_t class_bit(char a, char b) {
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return 0;  // lower-case flags are prefixes, T* verbs
  switch (a) {
    case 'B': return kFeminine;
    case 'H': return kPluralAt;
    case 'I': return kPluralUn;
    case 'C':
    case 'D': return kDual;
    case 'L': return kNisba;
    case 'N': return kNisbaAlef;
    case 'J': return kAccusative;
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

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ends_with_letters(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.ends_with(tail);
}

}  // namespace

Lexicon::Lexicon(const Normalizer& normalizer, const std::string& dic_path, const std::string& aff_path)
    : teh_marbuta_(normalizer.normalize("\xD8\xA9")) {
  const std::vector<std::uint16_t> aliases = read_aliases(read_file(aff_path), aff_path);
  const std::string dic = read_file(dic_path);
  // ar.dic is several files joined, each after "::::" lines naming it: stopwords.dic and
  // tools.dic hold function words with their clitics already attached (والله, فبغير), so only
  // the nouns (names.dic) and verb forms (verb.huns.dic) are read.
  enum class Section { other, nouns, verbs } section = Section::other;
  std::vector<std::string> with_article;  // nouns that start with ال once normalized (السنة, ألسنة, التزام)
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
    std::uint16_t bits = kVerb;
    if (section == Section::nouns) {
      bits = kNoun | aliases[alias];
      if (word.ends_with("\xD8\xA7\xD8\xA9"))  // اة
        bits |= kAlefTehMarbuta | kTehMarbuta;
      else if (word.ends_with("\xD8\xA9"))  // ة
        bits |= kTehMarbuta;
    }
    std::string key = normalizer.normalize(word);
    if (section == Section::nouns && key.starts_with("\xD8\xA7\xD9\x84")) with_article.push_back(key);
    entries_[std::move(key)] |= bits;
  }
  // A noun that reads as another noun with the article is taken as that one: السنة is the year
  // (سنة) more often than ألسنة "tongues" with its hamza folded. Nouns whose ال is part of the
  // word stay (التزام, الف "thousand").
  for (const std::string& key : with_article)
    if (bits(std::string_view(key).substr(4)) & kNoun) entries_.erase(key);
  if (entries_.empty()) throw TableError(dic_path + ": no noun or verb entries: not Ayaspell's ar.dic");
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
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = loaded[normalizer.options().fingerprint()];
  if (!slot) slot = std::make_shared<const Lexicon>(normalizer, dic_path(), aff_path());
  return slot;
}

std::uint64_t Lexicon::installed_fingerprint() {
  static const std::uint64_t hash = fnv1a(read_file(aff_path()), fnv1a(read_file(dic_path())));
  return hash;
}

std::uint16_t Lexicon::bits(std::string_view key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? 0 : it->second;
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
    return (b & kNoun) && (b & need) == need;
  };
  const auto with = [](std::string_view a, std::string_view b) { return std::string(a).append(b); };

  if (const std::uint16_t b = bits(f); b & kNoun) {
    // A verb form with an imperfect prefix that is also a noun (تكون "formation", تقول) is read as
    // the verb: the stemmer's verb rules join it with كان, قال.
    const bool imperfect = f.starts_with("\xD9\x8A") || f.starts_with("\xD8\xAA") || f.starts_with("\xD9\x86");
    return (b & kVerb) && imperfect ? std::string() : std::string(f);
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
      if (noun(y, kPluralAt | kAlefTehMarbuta)) return y;
    }
    const std::string_view x = cut(kAt.size());
    const bool bare = noun(x, kPluralAt) && !(bits(x) & kTehMarbuta);
    const std::string fem = with(x, tm);
    const bool marbuta = noun(fem, kPluralAt | kTehMarbuta);
    if (bare && marbuta) return (bits(x) & kFeminine) ? fem : std::string(x);
    if (bare) return std::string(x);
    if (marbuta) return fem;
    if (ends_with_letters(f, kYat) && noun(cut(kYat.size()), kNisba))
      return with(cut(kYat.size()), kYeh);  // nisba plural
  }
  // Feminine of an adjective or noun (جديدة → جديد), and of a nisba (فلسطينية → فلسطيني).
  if (ends_with_letters(f, tm)) {
    if (noun(cut(tm.size()), kFeminine)) return std::string(cut(tm.size()));
    const std::string yeh_tm = with(kYeh, tm);
    if (ends_with_letters(f, yeh_tm)) {
      const std::string_view x = cut(yeh_tm.size());
      if (noun(x, kNisba) || (bits(with(x, kYeh)) & kNoun)) return with(x, kYeh);
    }
  }
  // Nisba plurals and duals before the plain ون/ين/ان, whose stem they would leave with ي.
  for (std::string_view ending : {"\xD9\x8A\xD9\x8A\xD9\x86" /* يين */, "\xD9\x8A\xD9\x88\xD9\x86" /* يون */,
                                  "\xD9\x8A\xD8\xA7\xD9\x86" /* يان */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string_view x = cut(ending.size());
    if (noun(x, kNisba)) return with(x, kYeh);
    if (noun(with(x, kAlef), kNisbaAlef)) return with(x, kYeh);
  }
  // The dual of a ة noun (سنتين → سنة) before the plain ين (سنت).
  for (std::string_view ending : {"\xD8\xAA\xD8\xA7\xD9\x86" /* تان */, "\xD8\xAA\xD9\x8A\xD9\x86" /* تين */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string fem = with(cut(ending.size()), tm);
    if (noun(fem, kDual | kTehMarbuta)) return fem;
  }
  for (std::string_view ending : {"\xD9\x88\xD9\x86" /* ون */, "\xD9\x8A\xD9\x86" /* ين */}) {
    if (!ends_with_letters(f, ending)) continue;
    const std::string_view x = cut(ending.size());
    if (noun(x, kPluralUn) || noun(x, kDual)) return std::string(x);
  }
  if (ends_with_letters(f, "\xD8\xA7\xD9\x86") /* ان */ && noun(cut(4), kDual)) return std::string(cut(4));
  // The accusative ا (يوما, سابقا, وفقا). Behind a rare 3-letter noun it can be a verb after و
  // (ودعا → ودع, وبدأ → وبد); in news-bench the adverbs (وفقا 1304, بدلا 570) outnumber those.
  if (ends_with_letters(f, kAlef) && noun(cut(kAlef.size()), kAccusative) && !(bits(cut(kAlef.size())) & kTehMarbuta))
    return std::string(cut(kAlef.size()));
  return {};
}

bool Lexicon::knows(std::string_view form) const {
  return bits(form) != 0 || !noun_lemma(form).empty();
}

}  // namespace xapian_arabic
