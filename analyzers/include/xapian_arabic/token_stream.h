/** @file
 *  @brief One pass over a text: its atoms (runs of letters, runs of digits, single
 *  punctuation marks) with byte spans into the original and their normalized forms.
 *
 *  Every stage that reads an article's words consumes the same stream: the date grammar
 *  (atoms as they are: words, numbers, punctuation), the source grammar (letters and digits
 *  that touch joined into words) and the Analyzer (TermGenerator's words: words(), with
 *  its infix, acronym and C++ rules). The text is classified once (text/char_classes.h)
 *  and each atom normalized once.
 *
 *  A stream made with assign() refers to the text it was built over: keep that text alive
 *  and unchanged while the stream is used. A stream built line by line with append_line()
 *  owns its text, so it can be moved and shared; lines taken from another stream bring their
 *  atoms with them, so a text put together from parts of another (an article from the lines
 *  of its scraped page) is not tokenized or normalized a second time. Not thread-safe; one
 *  stream per thread, reused with assign().
 */
#pragma once

#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/tokenizer.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

enum class AtomKind : std::uint8_t { letters, digits, punct };

/// What separates an atom from the one before it.
enum class Gap : std::uint8_t {
  none,       ///< nothing: the atoms touch
  ignorable,  ///< only zero-width characters: still one word
  control,    ///< bidi embedding or isolate controls: a word break, invisible to the grammars
  space,      ///< white space within a line
  line,       ///< a newline (or the start of the text): the atom starts a line
};

struct Atom {
  std::uint32_t begin = 0, end = 0;  ///< bytes in the text
  std::uint32_t norm_offset = 0;     ///< letters, digits: normalized form in the arena (punct: where it stands)
  std::uint32_t norm_length = 0;     ///< (0 for punctuation, and for letters that normalize away)
  char32_t cp = 0;                   ///< the first code point (punctuation: the mark)
  AtomKind kind = AtomKind::punct;
  Gap gap = Gap::line;
  std::uint8_t digits = 0;  ///< digits: how many (saturates at 255)
  bool arabic = false;      ///< letters: the first is in an Arabic-script block
  std::int64_t value = 0;   ///< digits: the number (saturates near 10^12)

  bool touches_previous() const { return gap == Gap::none || gap == Gap::ignorable; }
  bool starts_line() const { return gap == Gap::line; }
};

/// A word as Xapian's TermGenerator reads it: joined atoms (G20, كوفيد19, O'Brien, 3.5,
/// U.N., C++), and its normalized form (an acronym without its dots).
struct StreamWord {
  std::size_t begin = 0, end = 0;  ///< bytes in the text
  std::string_view normalized;     ///< valid until the next words() or assign()
  TokenKind kind = TokenKind::latin;
  bool acronym = false;
};

class XAPIAN_ARABIC_API TokenStream {
 public:
  /// A stream that normalizes with @p options (the Analyzer's when the stream feeds it).
  /// Streams with the default options share one Normalizer per process, so they are cheap to make.
  explicit TokenStream(const NormalizerOptions& options = {});
  /// A stream that does not normalize: atoms' forms are the text as written (tokenize()).
  static TokenStream without_normalization();

  TokenStream(const TokenStream& other);
  TokenStream(TokenStream&& other) noexcept;
  TokenStream& operator=(const TokenStream& other);
  TokenStream& operator=(TokenStream&& other) noexcept;
  ~TokenStream();

  /// Tokenizes and normalizes @p text, replacing what the stream held.
  void assign(std::string_view text);

  /// Empties the stream and makes it own its text, to be built with append_line().
  void clear_owned();
  /// Room for an owned text of @p text_bytes with @p atoms atoms, so that appending does not
  /// reallocate (the forms take about as many bytes as the text).
  void reserve(std::size_t text_bytes, std::size_t atoms);
  /// Appends a line to the owned text: a '\n' unless it is the first line, then @p line,
  /// tokenized and normalized. The stream is the one assign() would make of the whole text.
  void append_line(std::string_view line);
  /// Appends bytes [begin, end) of @p source's text as a line, with the atoms @p source has
  /// for them, when it normalizes as this stream does and no atom crosses begin or end (a
  /// line of it, or a part cut at white space); else as append_line(that text).
  void append_line(const TokenStream& source, std::size_t begin, std::size_t end);

  std::string_view text() const { return text_; }
  const std::vector<Atom>& atoms() const { return atoms_; }
  /// The normalized form of a letters or digits atom.
  std::string_view normalized(const Atom& a) const {
    return std::string_view(arena_).substr(a.norm_offset, a.norm_length);
  }
  const std::string& arena() const { return arena_; }

  /// Index of the first atom starting at or after byte @p offset.
  std::size_t atom_at(std::size_t offset) const;

  /// TermGenerator's words among atoms [first, last) into @p out (cleared first).
  void words(std::size_t first, std::size_t last, std::vector<StreamWord>& out) const;
  /// The words of bytes [begin, end) of the text.
  void words_in(std::size_t begin, std::size_t end, std::vector<StreamWord>& out) const {
    words(atom_at(begin), atom_at(end), out);
  }

  /// The options atoms were normalized with (meaningless if !normalizes()).
  const NormalizerOptions& normalization() const { return normalizer_->options(); }
  bool normalizes() const { return normalize_; }
  /// Whether the text is the stream's own (built with append_line()).
  bool owns_text() const { return owned_ != nullptr; }

 private:
  /// Tokenizes text_[from, end), the first atom after @p gap.
  void tokenize(std::size_t from, Gap gap);

  std::shared_ptr<const Normalizer> normalizer_;
  bool normalize_ = true;
  std::unique_ptr<std::string> owned_;  // the text, when the stream owns it (stable across moves)
  std::size_t lines_ = 0;               // lines appended to owned_
  std::string_view text_;
  std::vector<Atom> atoms_;
  std::string arena_;           // normalized forms of the atoms
  mutable std::string joined_;  // normalized forms of words of several atoms
};

}  // namespace xapian_arabic
