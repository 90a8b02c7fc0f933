/** @file
 *  @brief Index-time and query-time analysis sharing one normalizer, stemmer and stopper.
 */
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/tokenizer.h>

#include <algorithm>
#include <array>

namespace xapian_arabic {

namespace {
// Xapian refuses terms over 245 bytes; like TermGenerator, skip long "words" (URLs, base64).
constexpr std::size_t kMaxWordBytes = 64;

bool starts_with_letter(const std::string& term) {
  return !term.empty() && !(term[0] >= '0' && term[0] <= '9');
}
}  // namespace

struct Analyzer::Impl {
  explicit Impl(const AnalysisSettings& s)
      : settings(s),
        normalizer(s.normalization),
        stem_impl(new ArabicStemImplementation(s)),
        stem(stem_impl),
        arabic_stopper(s.use_stopwords ? new ArabicStopper(s) : nullptr),
        stopper(arabic_stopper ? arabic_stopper->release() : nullptr) {}
  AnalysisSettings settings;
  Normalizer normalizer;
  ArabicStemImplementation* stem_impl;  // owned by stem
  Xapian::Stem stem;
  ArabicStopper* arabic_stopper;  // owned through stopper's reference count
  Xapian::Internal::opt_intrusive_ptr<const Xapian::Stopper> stopper;
};

Analyzer::Analyzer(const AnalysisSettings& settings) : impl_(std::make_unique<Impl>(settings)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<AnalyzedTerm> Analyzer::analyze(std::string_view text, Xapian::termpos start_pos) const {
  std::vector<AnalyzedTerm> terms;
  std::vector<Token> tokens;
  tokenize(text, tokens);
  Xapian::termpos pos = start_pos;
  std::string normalized;
  for (const Token& token : tokens) {
    if (token.end - token.begin > kMaxWordBytes) continue;
    normalized.clear();
    impl_->normalizer.normalize_into(token.text(text), normalized);
    // A ligature such as ﷺ can normalize to several words.
    std::string_view rest = normalized;
    while (!rest.empty()) {
      const auto space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
      if (word.empty()) continue;
      AnalyzedTerm t;
      t.term.assign(word);
      t.position = ++pos;
      t.begin = token.begin;
      t.end = token.end;
      t.stopword = impl_->arabic_stopper && impl_->arabic_stopper->is_stopword_normalized(t.term);
      if (!t.stopword && starts_with_letter(t.term)) t.stem = impl_->stem_impl->stem_normalized(t.term);
      terms.push_back(std::move(t));
    }
  }
  return terms;
}

Xapian::termpos Analyzer::index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos start_pos,
                                     Xapian::termcount wdf_inc, const std::string& prefix) const {
  Xapian::termpos last = start_pos;
  std::string term;
  for (const AnalyzedTerm& t : analyze(text, start_pos)) {
    term.assign(prefix).append(t.term);
    doc.add_posting(term, t.position, wdf_inc);
    if (!t.stem.empty()) {
      term.assign("Z").append(prefix).append(t.stem);
      doc.add_term(term, wdf_inc);
    }
    last = t.position;
  }
  return last;
}

Xapian::QueryParser Analyzer::make_query_parser() const {
  Xapian::QueryParser parser;
  parser.set_stemmer(impl_->stem);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  if (impl_->arabic_stopper) parser.set_stopper(impl_->stopper.get());
  return parser;
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
    if (std::find(operators.begin(), operators.end(), head) != operators.end()) out += word;
    else impl_->normalizer.normalize_into(word, out);
    if (end < query.size()) out += query[end];
    pos = end + 1;
  }
  return out;
}

Xapian::Query Analyzer::parse_query(Xapian::QueryParser& parser, std::string_view query, unsigned flags,
                                    const std::string& default_prefix) const {
  return parser.parse_query(normalize_query(query), flags, default_prefix);
}

std::string Analyzer::normalize(std::string_view text) const { return impl_->normalizer.normalize(text); }

std::string Analyzer::stem(std::string_view word) const { return impl_->stem(std::string(word)); }

Xapian::Stem Analyzer::stemmer() const { return impl_->stem; }

const AnalysisSettings& Analyzer::settings() const { return impl_->settings; }

std::string Analyzer::metadata_value() const {
  return std::string("xapian-arabic ") + version() + ";" + impl_->settings.fingerprint();
}

void Analyzer::write_metadata(Xapian::WritableDatabase& db) const { db.set_metadata(kMetadataKey, metadata_value()); }

void Analyzer::check_compatible(const Xapian::Database& db) const {
  const std::string stored = db.get_metadata(kMetadataKey);
  if (stored.empty()) {
    if (db.get_doccount() == 0) return;
    throw IncompatibleIndexError("this index was not built by xapian-arabic (no '" + std::string(kMetadataKey) +
                                 "' metadata); reindex it with xapian-arabic index");
  }
  const auto settings_of = [](const std::string& v) { return v.substr(v.find(';') + 1); };
  const std::string mine = metadata_value();
  if (settings_of(stored) != settings_of(mine))
    throw IncompatibleIndexError("the index was built with other analysis settings (index: " + settings_of(stored) +
                                 "; config: " + settings_of(mine) +
                                 "). Use the config the index was built with, or reindex with this one.");
}

const char* version() { return XA_VERSION; }

}  // namespace xapian_arabic
