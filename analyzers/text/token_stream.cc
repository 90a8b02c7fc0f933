/** @file
 *  @brief The token stream: one classification and one normalization per atom.
 */
#include <xapian_arabic/token_stream.h>

#include <algorithm>

#include "base/utf8.h"
#include "text/char_classes.h"

namespace xapian_arabic {

using text::CharClass;

namespace {

constexpr std::int64_t kValueLimit = 1'000'000'000'000LL;

bool is_letter_infix(char32_t cp) {
  return cp == '\'' || cp == '&' || cp == 0x00B7 || cp == 0x05F4 || cp == 0x2019 || cp == 0x201B || cp == 0x2027;
}

bool is_digit_infix(char32_t cp) {
  return cp == '.' || cp == ',' || cp == ';' || cp == 0x037E || cp == 0x0589 || cp == 0x060D || cp == 0x066B ||
         cp == 0x066C || cp == 0x07F8 || cp == 0x2044 || cp == 0xFE10 || cp == 0xFE13 || cp == 0xFE14;
}

bool is_ascii_upper(char32_t cp) {
  return cp >= 'A' && cp <= 'Z';
}

char32_t next_cp(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  return utf8::decode(s, pos, len);
}

}  // namespace

namespace {
std::shared_ptr<const Normalizer> normalizer_for(const NormalizerOptions& options) {
  static const auto shared_default = std::make_shared<const Normalizer>();
  return options == NormalizerOptions{} ? shared_default : std::make_shared<const Normalizer>(options);
}
}  // namespace

TokenStream::TokenStream(const NormalizerOptions& options) : normalizer_(normalizer_for(options)) {}

TokenStream TokenStream::without_normalization() {
  TokenStream s;
  s.normalize_ = false;
  return s;
}

TokenStream::TokenStream(const TokenStream& other)
    : normalizer_(other.normalizer_),
      normalize_(other.normalize_),
      owned_(other.owned_ ? std::make_unique<std::string>(*other.owned_) : nullptr),
      lines_(other.lines_),
      text_(owned_ ? std::string_view(*owned_) : other.text_),
      atoms_(other.atoms_),
      arena_(other.arena_) {}

TokenStream::TokenStream(TokenStream&& other) noexcept = default;  // owned_ keeps its address

TokenStream& TokenStream::operator=(const TokenStream& other) {
  if (this != &other) *this = TokenStream(other);
  return *this;
}

TokenStream& TokenStream::operator=(TokenStream&& other) noexcept = default;

TokenStream::~TokenStream() = default;

void TokenStream::assign(std::string_view text) {
  owned_.reset();
  lines_ = 0;
  text_ = text;
  atoms_.clear();
  arena_.clear();
  atoms_.reserve(text.size() / 4 + 8);
  arena_.reserve(text.size() + 16);
  tokenize(0, Gap::line);
}

void TokenStream::clear_owned() {
  if (!owned_) owned_ = std::make_unique<std::string>();
  owned_->clear();
  lines_ = 0;
  text_ = *owned_;
  atoms_.clear();
  arena_.clear();
}

void TokenStream::reserve(std::size_t text_bytes, std::size_t atoms) {
  if (!owned_) clear_owned();
  owned_->reserve(text_bytes);
  text_ = *owned_;
  atoms_.reserve(atoms);
  arena_.reserve(text_bytes + 16);
}

void TokenStream::append_line(std::string_view line) {
  if (!owned_) clear_owned();
  const std::size_t from = owned_->size();
  if (lines_++ > 0) owned_->push_back('\n');
  owned_->append(line);
  text_ = *owned_;
  tokenize(from, Gap::line);
}

void TokenStream::append_line(const TokenStream& source, std::size_t begin, std::size_t end) {
  const std::vector<Atom>& from_atoms = source.atoms();
  const std::size_t first = source.atom_at(begin), last = source.atom_at(end);
  const bool crossed =
      (first > 0 && from_atoms[first - 1].end > begin) || (last > first && from_atoms[last - 1].end > end);
  const bool same_forms = source.normalize_ == normalize_ && (!normalize_ || source.normalization() == normalization());
  if (&source == this || crossed || !same_forms || end > source.text().size()) {
    const std::string line(source.text().substr(begin, end > begin ? end - begin : 0));  // (this text may move)
    append_line(line);
    return;
  }
  if (!owned_) clear_owned();
  if (lines_++ > 0) owned_->push_back('\n');
  const std::size_t line_at = owned_->size();
  owned_->append(source.text().substr(begin, end - begin));
  text_ = *owned_;
  if (first == last) return;
  // The line's atoms as they are, moved to where the line now stands. After a line break,
  // whatever precedes the first atom (spaces, marks that join nothing) leaves it a line start.
  const std::uint32_t arena_from = from_atoms[first].norm_offset;
  const std::uint32_t arena_to = from_atoms[last - 1].norm_offset + from_atoms[last - 1].norm_length;
  const auto byte_shift = static_cast<std::int64_t>(line_at) - static_cast<std::int64_t>(begin);
  const auto arena_shift = static_cast<std::int64_t>(arena_.size()) - arena_from;
  arena_.append(source.arena(), arena_from, arena_to - arena_from);
  const std::size_t at = atoms_.size();
  atoms_.insert(atoms_.end(), from_atoms.begin() + static_cast<std::ptrdiff_t>(first),
                from_atoms.begin() + static_cast<std::ptrdiff_t>(last));
  for (auto atom = atoms_.begin() + static_cast<std::ptrdiff_t>(at); atom != atoms_.end(); ++atom) {
    atom->begin = static_cast<std::uint32_t>(atom->begin + byte_shift);
    atom->end = static_cast<std::uint32_t>(atom->end + byte_shift);
    atom->norm_offset = static_cast<std::uint32_t>(atom->norm_offset + arena_shift);
  }
  atoms_[at].gap = Gap::line;
}

void TokenStream::tokenize(std::size_t pos, Gap gap) {
  const std::string_view text = text_;
  const std::size_t n = text.size();
  std::size_t len = 0;
  while (pos < n) {
    char32_t cp = next_cp(text, pos, len);
    CharClass cls = text::char_class(cp);
    switch (cls) {
      case CharClass::space:
        if (cp == '\n')
          gap = Gap::line;
        else if (gap != Gap::line)
          gap = Gap::space;
        pos += len;
        continue;
      case CharClass::ignorable:
        if (gap == Gap::none) gap = Gap::ignorable;
        pos += len;
        continue;
      case CharClass::control:
        if (gap == Gap::none || gap == Gap::ignorable) gap = Gap::control;
        pos += len;
        continue;
      default: break;
    }
    Atom atom;
    atom.begin = static_cast<std::uint32_t>(pos);
    atom.cp = cp;
    atom.gap = gap;
    gap = Gap::none;
    if (cls == CharClass::punct) {
      atom.kind = AtomKind::punct;
      // Where the arena stands, so that norm_offset never decreases along the stream and the
      // arena bytes of a range of atoms are a difference of two offsets.
      atom.norm_offset = static_cast<std::uint32_t>(arena_.size());
      pos += len;
      atom.end = static_cast<std::uint32_t>(pos);
      atoms_.push_back(atom);
      continue;
    }
    // A run of one class; zero-width characters inside it belong to it, not after it.
    const CharClass run = cls;
    std::size_t end = pos + len;
    std::int64_t value = 0;
    unsigned digits = 0;
    if (run == CharClass::digit) {
      value = text::digit_value(cp);
      digits = 1;
    }
    for (std::size_t at = end; at < n;) {
      const char32_t c = next_cp(text, at, len);
      const CharClass k = text::char_class(c);
      if (k == CharClass::ignorable) {
        at += len;
        continue;
      }
      if (k != run) break;
      if (run == CharClass::digit) {
        if (value < kValueLimit) value = value * 10 + text::digit_value(c);
        ++digits;
      }
      at += len;
      end = at;
    }
    atom.kind = run == CharClass::digit ? AtomKind::digits : AtomKind::letters;
    atom.end = static_cast<std::uint32_t>(end);
    atom.value = value;
    atom.digits = static_cast<std::uint8_t>(std::min(digits, 255u));
    atom.arabic = run == CharClass::letter && text::is_arabic_block(cp);
    atom.norm_offset = static_cast<std::uint32_t>(arena_.size());
    const std::string_view written = text.substr(pos, end - pos);
    if (normalize_)
      normalizer_->normalize_into(written, arena_);
    else
      arena_.append(written);
    atom.norm_length = static_cast<std::uint32_t>(arena_.size() - atom.norm_offset);
    atoms_.push_back(atom);
    pos = end;
  }
}

std::size_t TokenStream::atom_at(std::size_t offset) const {
  return static_cast<std::size_t>(
      std::lower_bound(atoms_.begin(), atoms_.end(), offset, [](const Atom& a, std::size_t o) { return a.begin < o; }) -
      atoms_.begin());
}

void TokenStream::words(std::size_t first, std::size_t last, std::vector<StreamWord>& out) const {
  out.clear();
  joined_.clear();
  last = std::min(last, atoms_.size());
  if (first >= last) return;
  // Words of several atoms are written here; reserved so that no view into it moves.
  joined_.reserve(atoms_[last - 1].norm_offset + atoms_[last - 1].norm_length - atoms_[first].norm_offset +
                  (atoms_[last - 1].end - atoms_[first].begin) + 16);
  const auto word_atom = [&](std::size_t i) { return i < last && atoms_[i].kind != AtomKind::punct; };
  const auto joined_word_atom = [&](std::size_t i) { return word_atom(i) && atoms_[i].touches_previous(); };
  const auto punct_is = [&](std::size_t i, char32_t cp) {
    return i < last && atoms_[i].kind == AtomKind::punct && atoms_[i].cp == cp;
  };
  std::size_t i = first;
  while (i < last) {
    const Atom& head = atoms_[i];
    if (head.kind == AtomKind::punct) {
      ++i;
      continue;
    }
    StreamWord w;
    w.begin = head.begin;
    w.kind = head.kind == AtomKind::digits ? TokenKind::number : head.arabic ? TokenKind::arabic : TokenKind::latin;

    // Initials with dots (U.N., I.B.M, P.T.O.): single ASCII capitals, each followed by '.'
    // with nothing between, the last '.' optional, and no word character right after.
    if (head.kind == AtomKind::letters && head.end - head.begin == 1 && is_ascii_upper(head.cp)) {
      std::size_t j = i, letters = 1;
      while (j + 2 < last + 1 && punct_is(j + 1, '.') && atoms_[j + 1].gap == Gap::none) {
        if (j + 2 < last && atoms_[j + 2].gap == Gap::none && atoms_[j + 2].kind == AtomKind::letters &&
            atoms_[j + 2].end - atoms_[j + 2].begin == 1 && is_ascii_upper(atoms_[j + 2].cp)) {
          ++letters;
          j += 2;
        } else {
          break;
        }
      }
      if (letters >= 2) {
        std::size_t end_atom = j;                                                      // the last letter
        if (punct_is(j + 1, '.') && atoms_[j + 1].gap == Gap::none) end_atom = j + 1;  // its dot
        const bool word_after = end_atom + 1 < last && atoms_[end_atom + 1].gap == Gap::none &&
                                atoms_[end_atom + 1].kind != AtomKind::punct;
        if (!word_after) {
          const std::size_t at = joined_.size();
          for (std::size_t k = i; k <= j; k += 2) joined_.append(normalized(atoms_[k]));
          w.end = atoms_[end_atom].end;
          w.normalized = std::string_view(joined_).substr(at);
          w.kind = TokenKind::latin;
          w.acronym = true;
          out.push_back(w);
          i = end_atom + 1;
          continue;
        }
      }
    }

    // Atoms that touch, and infixes between two of the right class (O'Brien, AT&T, 3.5, 1,000).
    std::size_t j = i;  // the last atom of the word
    while (true) {
      if (joined_word_atom(j + 1)) {
        ++j;
        continue;
      }
      if (j + 2 < last && atoms_[j + 1].kind == AtomKind::punct && atoms_[j + 1].touches_previous() &&
          atoms_[j + 2].gap == Gap::none && atoms_[j + 2].kind == atoms_[j].kind) {
        const char32_t infix = atoms_[j + 1].cp;
        if (atoms_[j].kind == AtomKind::letters ? is_letter_infix(infix) : is_digit_infix(infix)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    std::size_t end_atom = j;
    // C++, OPEC+, C#: at most three + or # right after the word, no word character after them.
    std::size_t k = j + 1, marks = 0;
    while (k < last && atoms_[k].gap == Gap::none && (punct_is(k, '+') || punct_is(k, '#'))) {
      ++k;
      ++marks;
    }
    if (marks > 0 && marks <= 3 && !(k < last && atoms_[k].gap == Gap::none && atoms_[k].kind != AtomKind::punct))
      end_atom = k - 1;
    // A run of more than three marks joins nothing; one that is followed by a word neither.
    w.end = atoms_[end_atom].end;
    if (end_atom == i) {
      w.normalized = normalized(head);
    } else {
      const std::size_t at = joined_.size();
      for (std::size_t a = i; a <= end_atom; ++a) {
        if (atoms_[a].kind == AtomKind::punct) {
          const std::string_view mark = text_.substr(atoms_[a].begin, atoms_[a].end - atoms_[a].begin);
          if (normalize_)
            normalizer_->normalize_into(mark, joined_);
          else
            joined_.append(mark);
        } else {
          joined_.append(normalized(atoms_[a]));
        }
      }
      w.normalized = std::string_view(joined_).substr(at);
    }
    out.push_back(w);
    i = end_atom + 1;
  }
}

}  // namespace xapian_arabic
