/** @file
 *  @brief Index-time and query-time analysis sharing one normalizer, stemmer and stopper.
 *
 *  Over 400 lines because both paths walk the token stream through the same word cache and
 *  settings (Impl); split in two, each half would reach into the other's internals.
 */
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/surface_synonyms.h>
#include <xapian_arabic/token_stream.h>
#include <xapian_arabic/tokenizer.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "base/hash.h"
#include "xapian/word_cache.h"

namespace xapian_arabic {

namespace {
// Xapian refuses terms over 245 bytes; like TermGenerator, skip long "words" (URLs, base64).
constexpr std::size_t kMaxWordBytes = 64;

// TermGenerator's rule for STEM_SOME: a word is stemmed only if it starts with a
// lower-case, title-case, modifier or other letter (not a digit, '_' or a mark).
bool should_stem(const std::string& word) {
  if (word.empty()) return false;
  UChar32 first;
  std::int32_t at = 0;
  U8_NEXT(word.data(), at, static_cast<std::int32_t>(word.size()), first);
  switch (u_charType(first)) {
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return true;
    default: return false;
  }
}
// U.N. -> UN before normalization lower-cases it: once lower-case, QueryParser
// would read u.n. as the phrase "u n", while the index holds the acronym's term un.
std::string without_acronym_dots(std::string_view word) {
  std::string out;
  std::size_t copied = 0;
  for (const Token& token : tokenize(word)) {
    if (!token.acronym) continue;
    out.append(word.substr(copied, token.begin - copied));
    for (char c : token.text(word))
      if (c != '.') out += c;
    copied = token.end;
  }
  out.append(word.substr(copied));
  return out;
}

// The word as a user would type it into QueryParser: an acronym without its dots.
std::string_view surface_form(std::string_view text, const StreamWord& word, std::string& scratch) {
  const std::string_view written = text.substr(word.begin, word.end - word.begin);
  if (!word.acronym) return written;
  scratch.assign(written);
  std::erase(scratch, '.');
  return scratch;
}

std::string absolute(const std::string& path) {
  return path.empty() ? path : std::filesystem::absolute(path).lexically_normal().string();
}

/// "[section] key" -> value, of TOML as Config::to_toml writes it (one key per line).
std::map<std::string, std::string> toml_values(std::string_view toml) {
  std::map<std::string, std::string> values;
  std::string section;
  while (!toml.empty()) {
    const std::size_t nl = std::min(toml.find('\n'), toml.size());
    const std::string_view line = toml.substr(0, nl);
    toml.remove_prefix(std::min(nl + 1, toml.size()));
    if (line.starts_with('[')) {
      section = std::string(line);
    } else if (const std::size_t eq = line.find(" = "); eq != std::string_view::npos) {
      values[section + " " + std::string(line.substr(0, eq))] = std::string(line.substr(eq + 3));
    }
  }
  return values;
}

/// "[stemming] stemmer = \"light\" in the index, \"none\" here; ..." for each key that differs.
std::string differences(const std::string& index_toml, const std::string& mine_toml) {
  const auto index = toml_values(index_toml), mine = toml_values(mine_toml);
  std::string out;
  for (const auto& [key, value] : mine) {
    const auto found = index.find(key);
    const std::string theirs = found == index.end() ? "(not set)" : found->second;
    if (theirs != value) out += (out.empty() ? "" : "; ") + key + " = " + theirs + " in the index, " + value + " here";
  }
  return out;
}

/// A word's term in the stems layout (without "Z" and prefix): the Stem that QueryParser's
/// STEM_ALL and MSet::snippet() need to meet index_text()'s terms. Owns what it uses (the
/// parser it is given to may outlive the Analyzer).
class LayoutStemImplementation : public Xapian::StemImplementation {
 public:
  LayoutStemImplementation(const AnalysisSettings& settings, Xapian::Stem stem, ArabicStemImplementation* stem_impl,
                           Xapian::Internal::opt_intrusive_ptr<const Xapian::Stopper> stopper,
                           const ArabicStopper* arabic_stopper)
      : normalizer_(settings.normalization),
        stem_(std::move(stem)),
        stem_impl_(stem_impl),
        stopper_(std::move(stopper)),
        arabic_stopper_(arabic_stopper) {}

  std::string operator()(const std::string& word) override {
    // Snippets stem every word of every hit: most were seen in an earlier hit.
    return std::string(cache_.get(word,
                                  [&](std::string_view) {
                                    return WordCache::Decision{term_of(word), false};
                                  })
                           .stem);
  }
  std::string get_description() const override { return "xapian-arabic-stems(" + stem_.get_description() + ")"; }

 private:
  std::string term_of(const std::string& word) const {
    std::string term = normalizer_.normalize(word);
    if (!term.empty() && !(arabic_stopper_ && arabic_stopper_->is_stopword_normalized(term)) && should_stem(term)) {
      std::string stem = stem_impl_->stem_normalized(term);
      if (!stem.empty()) term = std::move(stem);
    }
    return term;
  }

  Normalizer normalizer_;
  Xapian::Stem stem_;                                                   // keeps stem_impl_ alive
  ArabicStemImplementation* stem_impl_;                                 // owned by stem_
  Xapian::Internal::opt_intrusive_ptr<const Xapian::Stopper> stopper_;  // keeps arabic_stopper_ alive
  const ArabicStopper* arabic_stopper_;
  WordCache cache_{1 << 16};  // words as written -> terms
};

}  // namespace

const char* to_string(IndexLayout layout) {
  return layout == IndexLayout::stems ? "stems" : "words";
}

std::optional<IndexLayout> parse_index_layout(std::string_view name) {
  if (name == "stems") return IndexLayout::stems;
  if (name == "words") return IndexLayout::words;
  return std::nullopt;
}

struct XAPIAN_ARABIC_LOCAL Analyzer::Impl {
  Impl(const AnalysisSettings& s, IndexLayout l)
      : settings(s),
        layout(l),
        normalizer(s.normalization),
        stem_impl(new ArabicStemImplementation(s)),
        stem(stem_impl),
        arabic_stopper(s.use_stopwords ? new ArabicStopper(s) : nullptr),
        stopper(arabic_stopper ? arabic_stopper->release() : nullptr),
        term_stem(l == IndexLayout::words
                      ? stem
                      : Xapian::Stem(new LayoutStemImplementation(s, stem, stem_impl, stopper, arabic_stopper))) {}
  AnalysisSettings settings;
  IndexLayout layout;
  Normalizer normalizer;
  ArabicStemImplementation* stem_impl;  // owned by stem
  Xapian::Stem stem;
  ArabicStopper* arabic_stopper;  // owned through stopper's reference count
  Xapian::Internal::opt_intrusive_ptr<const Xapian::Stopper> stopper;
  Xapian::Stem term_stem;  // LayoutStemImplementation for stems, stem for words

  // The layout's terms of one word: @p stem is empty for words without one.
  void add_word(Xapian::Document& doc, const std::string& prefix, std::string_view word, std::string_view stem,
                Xapian::termpos pos, Xapian::termcount wdf_inc, std::string& term) const {
    if (layout == IndexLayout::stems) {
      term.assign("Z").append(prefix).append(stem.empty() ? word : stem);
      doc.add_posting(term, pos, wdf_inc);
      return;
    }
    term.assign(prefix).append(word);
    doc.add_posting(term, pos, wdf_inc);
    if (!stem.empty()) {
      term.assign("Z").append(prefix).append(stem);
      doc.add_term(term, wdf_inc);
    }
  }
  void add_synonyms(SurfaceSynonyms& synonyms, const std::string& prefix, std::string_view surface,
                    std::string_view word, std::string_view stem) const {
    if (layout == IndexLayout::stems)
      synonyms.add_stem_term(prefix, surface, word, stem.empty() ? word : stem);
    else
      synonyms.add(prefix, surface, word, stem);
  }

  // Per Analyzer (one per thread), so no locking; bounded.
  WordCache word_cache{1 << 18};

  WordCache::Entry analysed(std::string_view normalized_word) {
    return word_cache.get(normalized_word, [this](std::string_view w) {
      WordCache::Decision d;
      word.assign(w);
      d.stop = arabic_stopper && arabic_stopper->is_stopword_normalized(word);
      if (!d.stop && should_stem(word)) d.stem = stem_impl->stem_normalized(word);
      return d;
    });
  }

  // Calls on_word(normalized word, stem or "", stopword?, position, word) for each word of
  // bytes [begin, end) of the stream. The stream's forms are used when it normalized with
  // these settings; otherwise only its word boundaries are, and each word is normalized here.
  template <class OnWord>
  Xapian::termpos for_each_word(const TokenStream& stream, std::size_t begin, std::size_t end, Xapian::termpos pos,
                                OnWord&& on_word) {
    stream.words_in(begin, end, words);
    const bool own_forms = !stream.normalizes() || !(stream.normalization() == settings.normalization);
    constexpr std::size_t kPrefetchAhead = 8;  // words: about one memory latency of work
    if (!own_forms)
      for (std::size_t i = 0; i < std::min(kPrefetchAhead, words.size()); ++i) word_cache.prefetch(words[i].normalized);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const StreamWord& w = words[i];
      if (!own_forms && i + kPrefetchAhead < words.size()) word_cache.prefetch(words[i + kPrefetchAhead].normalized);
      if (w.end - w.begin > kMaxWordBytes) continue;
      std::string_view normalized = w.normalized;
      if (own_forms) {
        renormalized.clear();
        const std::string_view written = stream.text().substr(w.begin, w.end - w.begin);
        normalizer.normalize_into(w.acronym ? without_acronym_dots(written) : std::string(written), renormalized);
        normalized = renormalized;
      }
      // A ligature such as ﷺ can normalize to several words.
      std::size_t from = 0;
      while (from < normalized.size()) {
        std::size_t space = normalized.find(' ', from);
        if (space == std::string::npos) space = normalized.size();
        if (space > from) {
          const WordCache::Entry e = analysed(normalized.substr(from, space - from));
          on_word(e.word, e.stem, e.stop, ++pos, w);
        }
        from = space + 1;
      }
    }
    return pos;
  }

  // The stream of the text-taking entry points: built with these settings, reused.
  const TokenStream& stream_of(std::string_view text) {
    own_stream.assign(text);
    return own_stream;
  }

  TokenStream own_stream{settings.normalization};
  std::vector<StreamWord> words;
  std::string renormalized, word;
};

Analyzer::Analyzer(const AnalysisSettings& settings, IndexLayout layout)
    : impl_(std::make_unique<Impl>(settings, layout)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<AnalyzedTerm> Analyzer::analyze(std::string_view text, Xapian::termpos start_pos) const {
  return analyze(impl_->stream_of(text), 0, text.size(), start_pos);
}

std::vector<AnalyzedTerm> Analyzer::analyze(const TokenStream& stream, std::size_t begin, std::size_t end,
                                            Xapian::termpos start_pos) const {
  std::vector<AnalyzedTerm> terms;
  impl_->for_each_word(
      stream, begin, end, start_pos,
      [&](std::string_view word, std::string_view stem, bool stop, Xapian::termpos pos, const StreamWord& w) {
        terms.push_back({std::string(word), std::string(stem), pos, stop, w.begin, w.end});
      });
  return terms;
}

Xapian::termpos Analyzer::index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos start_pos,
                                     Xapian::termcount wdf_inc, const std::string& prefix) const {
  return index_text(doc, text, start_pos, wdf_inc, prefix, nullptr);
}

Xapian::termpos Analyzer::index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos start_pos,
                                     Xapian::termcount wdf_inc, const std::string& prefix,
                                     SurfaceSynonyms* synonyms) const {
  return index_text(doc, impl_->stream_of(text), 0, text.size(), start_pos, wdf_inc, prefix, synonyms);
}

Xapian::termpos Analyzer::index_text(Xapian::Document& doc, const TokenStream& stream, std::size_t begin,
                                     std::size_t end, Xapian::termpos start_pos, Xapian::termcount wdf_inc,
                                     const std::string& prefix, SurfaceSynonyms* synonyms) const {
  std::string term, surface;
  return impl_->for_each_word(
      stream, begin, end, start_pos,
      [&](std::string_view word, std::string_view stem, bool, Xapian::termpos pos, const StreamWord& w) {
        impl_->add_word(doc, prefix, word, stem, pos, wdf_inc, term);
        if (synonyms) impl_->add_synonyms(*synonyms, prefix, surface_form(stream.text(), w, surface), word, stem);
      });
}

void Analyzer::index_terms(Xapian::Document& doc, const std::vector<AnalyzedTerm>& terms, Xapian::termcount wdf_inc,
                           const std::string& prefix) const {
  std::string term;
  for (const AnalyzedTerm& t : terms) impl_->add_word(doc, prefix, t.term, t.stem, t.position, wdf_inc, term);
}

void Analyzer::add_surface_synonyms(std::string_view text, const std::string& prefix, SurfaceSynonyms& synonyms) const {
  add_surface_synonyms(impl_->stream_of(text), 0, text.size(), prefix, synonyms);
}

void Analyzer::add_surface_synonyms(const TokenStream& stream, std::size_t begin, std::size_t end,
                                    const std::string& prefix, SurfaceSynonyms& synonyms) const {
  std::string surface;
  impl_->for_each_word(stream, begin, end, 0,
                       [&](std::string_view word, std::string_view stem, bool, Xapian::termpos, const StreamWord& w) {
                         impl_->add_synonyms(synonyms, prefix, surface_form(stream.text(), w, surface), word, stem);
                       });
}

Xapian::QueryParser Analyzer::make_query_parser() const {
  Xapian::QueryParser parser;
  if (impl_->layout == IndexLayout::stems) {
    // Every word, in phrases too, becomes its stem term; the "Z" is the default field's prefix
    // rather than STEM_ALL_Z's, so that wildcards expand over the Z terms as well.
    parser.set_stemmer(impl_->term_stem);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    parser.add_prefix("", "Z");
  } else {
    parser.set_stemmer(impl_->stem);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  }
  if (impl_->arabic_stopper) parser.set_stopper(impl_->stopper.get());
  return parser;
}

std::string Analyzer::field_prefix(std::string_view prefix) const {
  return (impl_->layout == IndexLayout::stems ? "Z" : "") + std::string(prefix);
}

Xapian::Stem Analyzer::term_stemmer() const {
  return impl_->term_stem;
}

IndexLayout Analyzer::layout() const {
  return impl_->layout;
}

std::string Analyzer::normalize_query(std::string_view query) const {
  static constexpr std::array<std::string_view, 6> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  std::string out;
  out.reserve(query.size());
  std::size_t pos = 0;
  while (pos < query.size()) {
    const std::size_t end = std::min(query.find_first_of(" \t\n", pos), query.size());
    const std::string_view word = query.substr(pos, end - pos);
    const std::string_view head = word.substr(0, word.find('/'));  // NEAR/3, ADJ/2
    if (std::find(operators.begin(), operators.end(), head) != operators.end())
      out += word;
    else
      impl_->normalizer.normalize_into(without_acronym_dots(word), out);
    if (end < query.size()) out += query[end];
    pos = end + 1;
  }
  return out;
}

Xapian::Query Analyzer::parse_query(Xapian::QueryParser& parser, std::string_view query, unsigned flags,
                                    const std::string& default_prefix) const {
  return parser.parse_query(normalize_query(query), flags, default_prefix);
}

std::string Analyzer::normalize(std::string_view text) const {
  return impl_->normalizer.normalize(text);
}

std::string Analyzer::stem(std::string_view word) const {
  return impl_->stem(std::string(word));
}

std::string Analyzer::derived_form_partner(std::string_view stem) const {
  return impl_->stem_impl->derived_form_partner(stem);
}

Xapian::Stem Analyzer::stemmer() const {
  return impl_->stem;
}

const AnalysisSettings& Analyzer::settings() const {
  return impl_->settings;
}

std::string Analyzer::metadata_value() const {
  return std::string("xapian-arabic ") + version() + ";" + impl_->settings.fingerprint();
}

std::string Analyzer::settings_toml() const {
  Config config;
  config.analysis = impl_->settings;
  // The index outlives the working folder of the run that built it.
  config.analysis.stemmer_tables_dir = absolute(config.analysis.stemmer_tables_dir);
  config.analysis.stopwords_file = absolute(config.analysis.stopwords_file);
  return config.to_toml(Config::analysis_sections());
}

void Analyzer::write_metadata(Xapian::WritableDatabase& db) const {
  db.set_metadata(kMetadataKey, metadata_value());
  db.set_metadata(kSettingsMetadataKey, settings_toml());
  db.set_metadata(kLayoutMetadataKey, to_string(impl_->layout));
}

std::optional<IndexLayout> Analyzer::stored_layout(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(kLayoutMetadataKey);
  if (stored.empty()) {
    if (db.get_doccount() == 0) return std::nullopt;
    return IndexLayout::words;  // the only layout before the key was written
  }
  if (const auto layout = parse_index_layout(stored)) return layout;
  throw IncompatibleIndexError("the index's layout '" + stored + "' (metadata " + kLayoutMetadataKey +
                               ") is none this version knows (stems, words): it was built by a newer xapian-arabic");
}

void Analyzer::check_layout(const Xapian::Database& db) const {
  const auto stored = stored_layout(db);
  if (!stored || *stored == impl_->layout) return;
  throw IncompatibleIndexError(std::string("the index is laid out otherwise: [index] layout = \"") +
                               to_string(*stored) + "\" in the index, \"" + to_string(impl_->layout) +
                               "\" here. Index into it with [index] layout = \"" + to_string(*stored) +
                               "\", or reindex into a new database.");
}

std::optional<AnalysisSettings> Analyzer::stored_settings(const Xapian::Database& db) {
  const std::string toml = db.get_metadata(kSettingsMetadataKey);
  if (toml.empty()) return std::nullopt;
  Config config;
  try {
    config = Config::parse(toml, "the index's metadata " + std::string(kSettingsMetadataKey), "/");
  } catch (const ConfigError& e) {  // a table folder or file of the user's that is gone
    throw IncompatibleIndexError(std::string(e.what()) +
                                 ". The index was built with that table; restore it, or reindex with other settings.");
  }
  try {
    // The tables' contents: edited since the index was built? (In the index's own layout.)
    Analyzer(config.analysis, stored_layout(db).value_or(IndexLayout::stems)).check_compatible(db);
  } catch (const TableError& e) {  // a table file gone from the user's folder
    throw IncompatibleIndexError(std::string(e.what()) +
                                 ": the index was built with that table; restore it, or reindex with other settings.");
  }
  return config.analysis;
}

void Analyzer::check_compatible(const Xapian::Database& db) const {
  const std::string stored = db.get_metadata(kMetadataKey);
  if (stored.empty()) {
    if (db.get_doccount() == 0) return check_layout(db);
    throw IncompatibleIndexError("this index was not built by xapian-arabic (no '" + std::string(kMetadataKey) +
                                 "' metadata); reindex it with xapian-arabic index");
  }
  const auto settings_of = [](const std::string& v) { return v.substr(v.find(';') + 1); };
  const std::string mine = metadata_value();
  if (settings_of(stored) == settings_of(mine)) return check_layout(db);
  static const std::string advice = ". Use the config the index was built with, or reindex with this one.";
  const std::string stored_toml = db.get_metadata(kSettingsMetadataKey);
  if (stored_toml.empty())  // an index of 0.1.0: only the fingerprint
    throw IncompatibleIndexError("the index was built with other analysis settings (index: " + settings_of(stored) +
                                 "; config: " + settings_of(mine) + ")" + advice);
  const std::string differ = differences(stored_toml, settings_toml());
  if (!differ.empty())
    throw IncompatibleIndexError("the index was built with other analysis settings: " + differ + advice);
  const auto tables_of = [](const std::string& v) { return v.substr(v.rfind("tables=") + 7); };
  throw IncompatibleIndexError(
      "the index was built with the same analysis settings but tables of other contents "
      "(a stemmer or stopword table was edited, or the built-in tables or the stemmer's rules changed: hash " +
      tables_of(stored) + " in the index, " + tables_of(mine) + " now)" + advice);
}

const char* version() {
  return XA_VERSION;
}

}  // namespace xapian_arabic
