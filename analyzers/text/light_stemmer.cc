/** @file
 *  @brief Arabic light stemmer over the affix tables of config/stemmer/.
 */
#include <xapian_arabic/error.h>
#include <xapian_arabic/light_stemmer.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "base/utf8.h"
#include "tables/data_files.h"
#include "text/clitics.h"
#include "text/lexicon.h"
#include "text/stemmer_tables.h"

namespace xapian_arabic {

namespace {

// Normalized letters the conditions look at (the normalizer never changes them).
constexpr std::string_view kAlef = "\xD8\xA7";                       // ا
constexpr std::string_view kTeh = "\xD8\xAA";                        // ت
constexpr std::string_view kWaw = "\xD9\x88";                        // و
constexpr std::string_view kYeh = "\xD9\x8A";                        // ي
constexpr std::string_view kFutureFirstPerson = "\xD8\xB3\xD8\xA7";  // سا: سأ with its hamza folded

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// starts_with/ends_with for affixes of whole 2-byte Arabic letters: the inline
// test of the letter next to the cut rejects most candidates without memcmp.
inline bool begins(std::string_view s, std::string_view a) {
  return s.size() >= a.size() && s[1] == a[1] && s[0] == a[0] && std::memcmp(s.data(), a.data(), a.size()) == 0;
}
inline bool finishes(std::string_view s, std::string_view a) {
  return s.size() >= a.size() && s.back() == a.back() &&
         std::memcmp(s.data() + (s.size() - a.size()), a.data(), a.size()) == 0;
}

bool starts_with_arabic_letter(std::string_view w) {
  // Arabic block letters are 0xD8 0x.. to 0xDB 0x.. in UTF-8.
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0xD8 && static_cast<unsigned char>(w[0]) <= 0xDB;
}

/// Parses one table: each data line is split on tabs and handed to @p parse with
/// its file:line for error messages.
template <typename Parse>
void for_each_row(const std::string& dir, const std::string& name, Parse parse) {
  const std::string builtin = "stemmer/" + name;
  const std::string path = StemmerTables::path(dir, name);
  const std::string content = read_table(builtin, path);
  const std::string shown = path.empty() ? "config/" + builtin : path;
  for (const NumberedLine& line : numbered_table_lines(content))
    parse(split_fields(line.text), shown + ":" + std::to_string(line.number) + ": ");
}

std::size_t parse_min_stem(std::string_view field, const std::string& where) {
  std::size_t n = 0;
  if (field.empty() || field.size() > 2 ||
      !std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw TableError(where + "shortest stem must be a number of letters, got '" + std::string(field) + "'");
  for (char c : field) n = n * 10 + std::size_t(c - '0');
  if (n == 0) throw TableError(where + "shortest stem must be at least 1 letter");
  return n;
}

std::string parse_affix_text(std::string_view field, const Normalizer& normalizer, const std::string& where) {
  std::string text = normalizer.normalize(field);
  if (text.empty() || !starts_with_arabic_letter(text))
    throw TableError(where + "affix '" + std::string(field) + "' is not an Arabic letter sequence");
  return text;
}

/// The imperfect stem of form VII (نفعل), VIII (فتعل, with ت assimilated to ط or د: صطدم, زدهر)
/// or X (ستفعل), whose perfects add ا. Not the stems that are perfects themselves, whose ا-form
/// is the first-person imperfect the lexicon lists too: form III (ناقش, نافس: ا second) and forms
/// V, VI and the quadriliterals (تطلب, تدخل, ترجم: ت first).
bool is_derived_imperfect_shape(std::string_view s) {
  std::size_t first = 0, second = 0;
  utf8::decode(s, 0, first);
  utf8::decode(s.substr(first), 0, second);
  const std::string_view c1 = s.substr(0, first), c2 = s.substr(first, second);
  if (c1 == kTeh || c2 == kAlef) return false;
  return c1 == "\xD9\x86" /* ن */ || c2 == kTeh || c2 == "\xD8\xB7" /* ط */ || c2 == "\xD8\xAF" /* د */ ||
         s.starts_with("\xD8\xB3\xD8\xAA") /* ست */;
}

/// Four letters with ي third (CCيC): the تفعيل verbal noun (تحقيق, تعليم) or a
/// فعيل noun after ي/ت; no imperfect verb stem has this shape.
bool is_faeel_shape(std::string_view s) {
  if (letters(s) != 4) return false;
  std::size_t pos = 0, len = 0;
  for (int i = 0; i < 2; ++i) {
    utf8::decode(s, pos, len);
    pos += len;
  }
  return s.substr(pos).starts_with(kYeh);
}

bool starts_with_weak(std::string_view s) {
  return s.starts_with(kWaw) || s.starts_with(kYeh) || s.starts_with(kAlef);
}
/// و or ي: the weak letters a word may start with after a one-letter prefix.
bool starts_with_wy(std::string_view s) {
  return s.starts_with(kWaw) || s.starts_with(kYeh);
}
bool ends_with_weak(std::string_view s) {
  return s.ends_with(kWaw) || s.ends_with(kYeh) || s.ends_with(kAlef);
}

void sort_longest_first(std::vector<Affix>& affixes) {
  for (Affix& a : affixes) a.letters = letters(a.text);
  // Longest match first; the stable sort keeps the file's order among equals.
  std::stable_sort(affixes.begin(), affixes.end(),
                   [](const Affix& a, const Affix& b) { return a.text.size() > b.text.size(); });
}

}  // namespace

std::string StemmerTables::path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return {};
  const std::string path = dir + "/" + name;
  std::error_code ec;
  if (name == "plurals.txt" && !std::filesystem::exists(path, ec)) return {};
  return path;
}

StemmerTables StemmerTables::load(const Normalizer& normalizer, const std::string& dir) {
  StemmerTables tables;
  for_each_row(dir, "prefixes.txt", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 3) throw TableError(where + "expected prefix<TAB>shortest stem<TAB>noun|conjunction|verb");
    Affix a{parse_affix_text(f[0], normalizer, where), parse_min_stem(f[1], where), {}, PrefixKind::noun, 0};
    if (f[2] == "noun")
      a.kind = PrefixKind::noun;
    else if (f[2] == "conjunction")
      a.kind = PrefixKind::conjunction;
    else if (f[2] == "verb")
      a.kind = PrefixKind::verb;
    else
      throw TableError(where + "unknown prefix kind '" + std::string(f[2]) + "' (noun, conjunction or verb)");
    tables.prefixes.push_back(std::move(a));
  });
  for_each_row(dir, "pronoun_suffixes.txt", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 2) throw TableError(where + "expected suffix<TAB>shortest stem");
    tables.pronoun_suffixes.push_back(
        {parse_affix_text(f[0], normalizer, where), parse_min_stem(f[1], where), {}, {}, 0});
  });
  for_each_row(dir, "suffixes.txt", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 2 && f.size() != 3) throw TableError(where + "expected suffix<TAB>shortest stem[<TAB>replacement]");
    Affix a{parse_affix_text(f[0], normalizer, where), parse_min_stem(f[1], where), {}, {}, 0};
    if (f.size() == 3) {
      a.replacement = parse_affix_text(f[2], normalizer, where);
      // A stem must never be longer than its word.
      if (letters(a.replacement) > letters(a.text))
        throw TableError(where + "replacement '" + std::string(f[2]) + "' is longer than its suffix");
    }
    tables.suffixes.push_back(std::move(a));
  });
  sort_longest_first(tables.prefixes);
  sort_longest_first(tables.pronoun_suffixes);
  sort_longest_first(tables.suffixes);
  for_each_row(dir, "protected.txt", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 1) throw TableError(where + "expected one word per line");
    tables.protected_words.insert(parse_affix_text(f[0], normalizer, where));
  });
  for_each_row(dir, "plurals.txt", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 2) throw TableError(where + "expected plural<TAB>singular");
    std::string plural = parse_affix_text(f[0], normalizer, where);
    std::string singular = parse_affix_text(f[1], normalizer, where);
    if (!tables.plurals.emplace(std::move(plural), std::move(singular)).second)
      throw TableError(where + "plural '" + std::string(f[0]) + "' is listed twice");
  });
  return tables;
}

struct XAPIAN_ARABIC_LOCAL LightStemmer::Impl {
  Impl(const NormalizerOptions& options, const std::string& tables_dir)
      : normalizer(options),
        tables(StemmerTables::load(normalizer, tables_dir)),
        lexicon(Lexicon::shared(normalizer)),
        teh_marbuta(normalizer.normalize("\xD8\xA9")),
        // ا (accusative), ة, ات, ين, ون, ان, تين, تان: a nisba's accusative, feminine, plurals and duals.
        nisba_endings{"\xD8\xA7",         teh_marbuta,        "\xD8\xA7\xD8\xAA",         "\xD9\x8A\xD9\x86",
                      "\xD9\x88\xD9\x86", "\xD8\xA7\xD9\x86", "\xD8\xAA\xD9\x8A\xD9\x86", "\xD8\xAA\xD8\xA7\xD9\x86"} {}
  bool is_protected(std::string_view w) const { return tables.protected_words.find(w) != tables.protected_words.end(); }
  /// The nisba adjective of a protected word (يمني of يمن, تركي of تركيا, فرنسي of فرنسا):
  /// the word + ي, with ي for its final ا, or ي before it.
  bool is_protected_nisba(std::string_view w) const {
    constexpr std::string_view yeh = "\xD9\x8A", alef = "\xD8\xA7";
    if (!w.ends_with(yeh) || letters(w) < 4) return false;
    const std::string_view base = w.substr(0, w.size() - yeh.size());
    return is_protected(base) || is_protected(std::string(base).append(alef)) ||
           is_protected(std::string(w).append(alef));
  }
  /// What of @p w stays whole: @p w when it is protected or a protected word's nisba, or the
  /// nisba when @p w is one of its forms (سنغاليا, فرنسيات, اليمنيين after the article,
  /// بحرينيتين). A nisba's first letter looks like a verb prefix or a proclitic and its end like
  /// a pronoun, and the rules would cut them (يمني → مني, بحريني → بحر, سنغاليا → غالي).
  std::optional<std::string_view> kept_whole(std::string_view w) const {
    if (is_protected(w) || is_protected_nisba(w)) return w;
    for (const std::string& ending : nisba_endings)
      if (w.size() > ending.size() && w.ends_with(ending))
        if (const std::string_view nisba = w.substr(0, w.size() - ending.size()); is_protected_nisba(nisba))
          return nisba;
    return std::nullopt;
  }
  /// The singular of a broken plural (plurals.txt) or the noun entry of the lexicon that @p s
  /// is or inflects (قرارات → قرار); empty when neither knows it.
  std::string lemma(std::string_view s) const {
    if (letters(s) < 2) return {};
    if (const auto it = tables.plurals.find(s); it != tables.plurals.end()) return it->second;
    return lexicon->noun_lemma(s);
  }
  /// An entry of the lexicon, or a noun of it with an attached pronoun (لجنتها, قراراته); asked
  /// once lemma(w) has found nothing, so the inflections of w itself need no second look.
  bool known(std::string_view w) const {
    if (lexicon->has_entry(w)) return true;
    if (nisba_of_known(w)) return true;
    for (const Affix& p : tables.pronoun_suffixes) {
      if (!finishes(w, p.text) || letters(w) < p.letters + p.min_stem) continue;
      std::string rest(w.substr(0, w.size() - p.text.size()));
      if (!lemma(rest).empty()) return true;
      if (rest.ends_with(kTeh)) {  // ة written ت before the pronoun
        rest.resize(rest.size() - kTeh.size());
        if (!lemma(rest + teh_marbuta).empty()) return true;
      }
    }
    return false;
  }

  /// A nisba adjective of a noun of the lexicon: فرنسي, فرنسية of فرنسا, لبناني of لبنان.
  bool nisba_of_known(std::string_view w) const {
    std::string_view base = w;
    if (base.ends_with(teh_marbuta)) base.remove_suffix(teh_marbuta.size());
    if (!base.ends_with(kYeh)) return false;
    base.remove_suffix(kYeh.size());
    if (letters(base) < 3) return false;
    const std::string b(base);
    return lexicon->has_entry(b) || lexicon->has_entry(b + std::string(kAlef)) || !lemma(b).empty();
  }

  Normalizer normalizer;
  StemmerTables tables;
  std::shared_ptr<const Lexicon> lexicon;  // one per process, shared by every stemmer
  std::string teh_marbuta;                 // ة as the normalizer writes it (ه when folded)
  std::vector<std::string> nisba_endings;  // after teh_marbuta, which is one of them
};

LightStemmer::LightStemmer(const NormalizerOptions& options, const std::string& tables_dir)
    : impl_(std::make_shared<const Impl>(options, tables_dir)) {}

const Normalizer& LightStemmer::normalizer() const {
  return impl_->normalizer;
}

std::string LightStemmer::stem(std::string_view word) const {
  return stem_normalized(impl_->normalizer.normalize(word));
}

std::string LightStemmer::stem_normalized(std::string_view word) const {
  const std::size_t n = letters(word);
  if (!starts_with_arabic_letter(word) || n <= 2) return std::string(word);
  if (const auto kept = impl_->kept_whole(word)) return std::string(*kept);
  // A protected word behind any proclitic wins (وبوتين → بوتين, not و+ب+وتين; لبوتين is no
  // dual of لبوة).
  for (const Affix& p : impl_->tables.prefixes)
    if (p.kind != PrefixKind::verb && n >= p.letters + p.min_stem && begins(word, p.text))
      if (const auto kept = impl_->kept_whole(word.substr(p.text.size()))) return std::string(*kept);
  // Step 1: a noun of the lexicon or a broken plural is its own lemma's stem: وزير keeps its
  // و, لجنة its ل, تونس its ت (a letter is only a clitic when the whole is no word).
  if (std::string l = impl_->lemma(word); !l.empty()) return l;
  // A verb form of the lexicon (وصل, كتب) or a noun with a pronoun (لجنتها) keeps a first
  // letter that looks like a proclitic.
  const bool known_word = impl_->known(word);

  // Step 2: the longest proclitic group that leaves a long enough stem. A noun of the
  // lexicon behind any proclitic wins (ولاعب → لاعب, not ول+اعب).
  std::string_view stem = word;
  const Affix* proclitic = nullptr;
  for (const Affix& p : impl_->tables.prefixes) {
    if (p.kind == PrefixKind::verb || n < p.letters + p.min_stem || !begins(word, p.text)) continue;
    const std::string_view rest = word.substr(p.text.size());
    // A word of the lexicon keeps a one-letter "proclitic" even where the rest is a noun too
    // (فريقه is his team, not ف + ريق).
    if (known_word && p.letters == 1) continue;
    if (std::string l = impl_->lemma(rest); !l.empty()) return l;
    // Before و or ي, a letter of an unknown word is more often its own (بوغبا, بومبيو,
    // يوتيوب) than a clitic before an unknown word; the lexicon decides when the rest is a word.
    if (p.letters == 1 && starts_with_wy(rest) && !impl_->known(rest)) continue;
    // A lone preposition before ي leaves a weak-initial 3-letter stem (بيته → يته):
    // nouns starting with ي are rare, words starting with بي are not (بيت, بيان).
    if (p.letters == 1 && p.kind == PrefixKind::noun && rest.starts_with(kYeh) && n - 1 <= 3) continue;
    if (!proclitic) proclitic = &p;
  }
  if (proclitic) {
    stem.remove_prefix(proclitic->text.size());
    // A hamzated alef-lam that starts a word (إلكتروني, إلغاء) folds to ال like the
    // article, and a bare إلكترونية loses it above; after a real article remove it
    // again, so that الإلكترونية and إلكترونية get one stem.
    using clitics::kArticle;
    if (proclitic->text.ends_with(kArticle) && begins(stem, kArticle) && letters(stem) >= 2 + 3)
      stem.remove_prefix(kArticle.size());
  }

  // Step 3: a verb prefix, only where a verb can stand (word start or after a
  // conjunction) and only before a stem without a nominal ending: سيارة, سنوات keep their س.
  bool verb = false;
  std::string_view verb_prefix;
  // The shape test looks through an attached pronoun or accusative ا (تعليما, تحقيقها).
  const auto without_pronoun = [this](std::string_view s) {
    for (const Affix& p : impl_->tables.pronoun_suffixes)
      if (finishes(s, p.text) && letters(s) >= p.letters + p.min_stem) return s.substr(0, s.size() - p.text.size());
    if (s.ends_with(kAlef) && letters(s) > 4) s.remove_suffix(kAlef.size());
    return s;
  };
  if (!proclitic || proclitic->kind == PrefixKind::conjunction) {
    const std::size_t stem_letters = n - (proclitic ? proclitic->letters : 0);
    for (const Affix& p : impl_->tables.prefixes) {
      if (p.kind != PrefixKind::verb || stem_letters < p.letters + p.min_stem || !begins(stem, p.text)) continue;
      const std::string_view rest = stem.substr(p.text.size());
      // Two letters are left by an assimilated verb (يصل, from وصل); with a weak
      // letter they are no such verb (يوم, يري).
      if (letters(rest) == 2 && (starts_with_weak(rest) || ends_with_weak(rest))) continue;
      // The same for a verb prefix: يوتيوب, يوفنتوس keep their ي; يوجه, يوقع (وجه, وقع) lose it.
      if (!known_word && starts_with_wy(rest) && !impl_->known(rest)) continue;
      // سأ (future, first person) is rare in news, words starting with سا are not: names
      // (ساركوزي, سامراء) and the form III verbs of roots starting with س (ساهمت, سافرت). It is a
      // prefix only before a first-person form of the lexicon (سأذهب: اذهب), and not in a word the
      // lexicon knows or a perfect of a verb it lists (ساهم, سافر + ت).
      if (p.text == kFutureFirstPerson &&
          (!impl_->lexicon->has_entry(std::string(kAlef) + std::string(rest)) || impl_->known(stem) ||
           (stem.ends_with(kTeh) && impl_->lexicon->has_verb_entry(stem.substr(0, stem.size() - kTeh.size())))))
        continue;
      // Where ة is folded to ه, a final ه after the 3rd-person ي is the pronoun
      // (يجعله): nouns starting with ي are few, unlike the تفعلة nouns (تجربة).
      const bool ends_with_pronoun_heh = impl_->teh_marbuta != "\xD8\xA9" && p.text.ends_with(kYeh);
      if ((rest.ends_with(impl_->teh_marbuta) && !ends_with_pronoun_heh) ||
          rest.ends_with("\xD8\xA7\xD8\xAA") /* ات */ || rest.ends_with("\xD9\x8A\xD9\x86") /* ين */ ||
          rest.starts_with(kAlef) || is_faeel_shape(without_pronoun(rest)))
        continue;
      stem = rest;
      verb = true;
      verb_prefix = p.text;
      break;
    }
  }

  // Step 4: one attached pronoun. When teh marbuta is folded to ه, a final ه is
  // far more often ة than the pronoun; it is taken as the pronoun only after ت
  // (حياته), where ة cannot stand.
  bool pronoun = false;
  std::size_t stem_letters = letters(stem);
  // A word of the lexicon keeps a last letter that would be a pronoun when the rest is no word
  // (اشتبك, not اشتب + ك), as a first letter that would be a proclitic stays (step 2).
  const bool stem_is_entry = impl_->lexicon->has_entry(stem);
  for (const Affix& s : impl_->tables.pronoun_suffixes) {
    if (stem_letters < s.letters + s.min_stem || !finishes(stem, s.text)) continue;
    const std::string_view rest = stem.substr(0, stem.size() - s.text.size());
    if (stem_is_entry && !impl_->known(rest)) continue;
    if (s.text == impl_->teh_marbuta && !verb && !rest.ends_with(kTeh) && impl_->lemma(rest).empty()) continue;
    // اني ends a nisba (لبناني, الشيباني), not a noun with the object pronoun ني.
    if (!verb && s.text == "\xD9\x86\xD9\x8A" /* ني */ && rest.ends_with(kAlef)) continue;
    stem = rest;
    stem_letters -= s.letters;
    pronoun = true;
    break;
  }

  std::string_view ending;  // base ending to append (ة for ات ...)
  bool inflected = false;
  if (pronoun) {
    if (stem.ends_with(kTeh) && !stem.ends_with("\xD8\xA7\xD8\xAA") /* ات: the plural, step 6 */ && stem_letters >= 3) {
      // Teh marbuta is written ت before a pronoun: مدرستهم → مدرسة, قصتها → قصة.
      stem.remove_suffix(kTeh.size());
      ending = impl_->teh_marbuta;
      inflected = true;
    } else if ((stem.ends_with(kYeh) || stem.ends_with(kWaw)) && stem_letters >= 4) {
      // Construct plural/dual loses its ن before a pronoun: معلميهم, معلموهم → معلم.
      stem.remove_suffix(kYeh.size());
      inflected = true;
    }
  }

  // The word without its pronoun may be a noun of the lexicon (قراراتها → قرار, لجنتها → لجنة).
  if (pronoun) {
    std::string bare(stem);
    bare.append(ending);
    if (std::string l = impl_->lemma(bare); !l.empty()) return l;
  }

  // Step 6: one inflectional ending, replaced by its base form.
  if (!inflected) {
    for (const Affix& s : impl_->tables.suffixes) {
      if (stem_letters < s.letters + s.min_stem || !finishes(stem, s.text)) continue;
      stem.remove_suffix(s.text.size());
      ending = s.replacement;
      break;
    }
  }

  std::string result;
  result.reserve(stem.size() + ending.size());
  result.append(stem);
  result.append(ending);

  // Step 7: imperfects share the stem of the perfect. Two letters after ي are an
  // assimilated verb that lost its و (يصل, يجب → وصل, وجب; in news far more
  // frequent than the hollow jussive يكن); a hollow verb's middle و/ي is ا in
  // the perfect (يكون, يعيش → كان, عاش).
  std::size_t first_len = 0, middle_len = 0;  // of a three-letter stem's first and middle letters
  bool hollow = false;
  if (letters(result) == 3) {
    utf8::decode(result, 0, first_len);
    utf8::decode(result, first_len, middle_len);
    const std::string_view middle = std::string_view(result).substr(first_len, middle_len);
    hollow = middle == kWaw || middle == kYeh;
  }
  // A perfect of the ت forms (تحدث, تراجع) is no imperfect: its own imperfect يتحدث is in the
  // lexicon. Not for a hollow stem (تكون, تعود are كان, عاد far more often than تكوّن, تعوّد).
  if (verb && verb_prefix == kTeh && ending.empty() && letters(result) >= 3 && !hollow &&
      impl_->lexicon->has_entry(std::string(kYeh).append(kTeh).append(result))) {
    result.insert(0, kTeh);
  } else if (verb && ending.empty() && letters(result) == 2) {
    result.insert(0, kWaw);
  } else if (verb && ending.empty() && hollow) {
    result.replace(first_len, middle_len, kAlef);
  } else if (verb && ending.empty() && letters(result) >= 4 && is_derived_imperfect_shape(result)) {
    // The perfect of the derived forms starts with ا where the imperfect has none:
    // يعتقل, تنسحب, يستخدم → اعتقل, انسحب, استخدم (the lexicon has the perfect).
    std::string perfect = std::string(kAlef) + result;
    if (impl_->lexicon->has_entry(perfect)) result = std::move(perfect);
  }
  return result;
}

namespace {

/// The other member's shape of a form IV/VII/VIII/X verb and its verbal noun: ا inserted before
/// the last letter, or taken from there (a verbal noun has five letters or more); empty when
/// @p s does not start with ا or has fewer than four letters.
std::u32string verb_noun_shape(std::u32string s) {
  constexpr char32_t alef = U'\u0627';
  if (s.size() < 4 || s.front() != alef) return {};
  const std::size_t last = s.size() - 1;
  if (s.size() >= 5 && s[last - 1] == alef)
    s.erase(last - 1, 1);  // اعتقال → اعتقل
  else
    s.insert(last, 1, alef);  // اعتقل → اعتقال
  return s;
}

}  // namespace

std::string LightStemmer::derived_form_partner(std::string_view stem) const {
  if (!stem.starts_with(kAlef) || stem.size() < 4 * kAlef.size()) return {};  // most stems: no work
  const std::u32string own = utf8::to_u32(stem);
  const std::u32string other = verb_noun_shape(own);
  // Both ways or not at all: the pair is one synonym group in search and in the index.
  if (other.empty() || verb_noun_shape(other) != own) return {};
  std::string partner = utf8::from_u32(other);
  const Lexicon& lexicon = *impl_->lexicon;
  if (!lexicon.has_entry(partner) || !lexicon.has_entry(stem)) return {};
  if (stem_normalized(partner) != partner || stem_normalized(stem) != stem) return {};
  return partner;
}

}  // namespace xapian_arabic
