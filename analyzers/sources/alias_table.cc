/** @file
 *  @brief The alias and city tables: loading agencies.tsv and cities.txt, matching names with clitics.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "tables/data_files.h"
#include "text/clitics.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::add_alias(const std::string& key, std::size_t entry, bool distinctive) -> void {
  if (key.empty()) return;
  aliases.try_emplace(key, Alias{entry, distinctive});
  alias_first.insert(key.substr(0, key.find(' ')));
  first_filter.add(std::string_view(key).substr(0, key.find(' ')));
  alias_max = std::max<std::size_t>(alias_max, std::count(key.begin(), key.end(), ' ') + 1);
}

auto SourceExtractor::Impl::toggle_al(const std::string& key) -> std::string {
  if (key.starts_with(kAl)) {
    const std::string rest = key.substr(kAl.size());
    return utf8::to_u32(rest.substr(0, rest.find(' '))).size() >= 3 ? rest : std::string();
  }
  if (key.front() >= 'a' && key.front() <= 'z') return {};
  return kAl + key;
}

auto SourceExtractor::Impl::load_aliases(const std::string& content, const std::string& name) -> void {
  for (std::string_view line : table_lines(content)) {
    const auto line_no = 1 + std::count(content.data(), line.data(), '\n');
    const auto f = split_fields(line);
    if (f.size() < 4 || f[0].empty() || f[1].empty() || (f[2] != "agency" && f[2] != "outlet"))
      throw TableError(name + ":" + std::to_string(line_no) +
                       ": expected key<TAB>name<TAB>agency|outlet<TAB>aliases[<TAB>contextual aliases], got '" +
                       std::string(line) + "'");
    const std::size_t index = entries.size();
    entries.push_back({std::string(f[0]), std::string(f[1]), {}});
    auto add_list = [&](std::string_view list, bool distinctive) {
      for (std::string_view alias : split_fields(list, '|')) {
        if (alias.empty()) continue;
        const std::string key = token_key(words, alias);
        entries[index].aliases.push_back(key);
        add_alias(key, index, distinctive);
      }
    };
    add_list(f[3], true);
    if (f.size() > 4) add_list(f[4], false);
    add_list(f[1], false);  // the canonical name is distinctive only if listed so (الرياض is also a city)
    add_alias(token_key(words, f[0]), index, false);
  }
  // Variants with and without ال come after every written alias, so they never shadow one.
  std::vector<std::pair<std::string, Alias>> variants;
  for (const auto& [key, alias] : aliases)
    if (const std::string v = toggle_al(key); !v.empty()) variants.emplace_back(v, alias);
  for (const auto& [key, alias] : variants) add_alias(key, alias.entry, alias.distinctive);
}

auto SourceExtractor::Impl::load_cities(const std::string& content) -> void {
  for (std::string_view line : table_lines(content)) {
    const auto spellings = split_fields(line, '|');
    const std::size_t index = cities.size();
    cities.emplace_back(spellings[0]);
    for (std::string_view s : spellings) {
      const std::string key = token_key(words, s);
      if (key.empty()) continue;
      city_keys.try_emplace(key, index);
      city_first.insert(key.substr(0, key.find(' ')));
      city_max = std::max<std::size_t>(city_max, std::count(key.begin(), key.end(), ' ') + 1);
    }
  }
}

auto SourceExtractor::Impl::clitic_variants(std::string_view word, std::array<std::string, 4>& out) -> std::size_t {
  std::array<Variant, 3> views;
  const std::size_t n = clitic_views(word, views);
  for (std::size_t v = 0; v < n; ++v)
    out[v] = views[v].al ? kAl + std::string(views[v].rest) : std::string(views[v].rest);
  return n;
}

auto SourceExtractor::Impl::clitic_views(std::string_view word, std::array<Variant, 3>& out) -> std::size_t {
  using namespace clitics;
  out[0] = {word, false};
  if (word.size() < 4 * kBytes) return 1;  // keep at least three letters after a clitic
  const Clitic first = lead(word);
  if (!(first & kAll)) return 1;
  const bool then_li = lead(word.substr(kBytes)) == li;
  std::size_t n = 1;
  if (first == li && then_li) out[n++] = {word.substr(2 * kBytes), true};               // لل → ال
  if ((first & kConjunctions) && then_li) out[n++] = {word.substr(2 * kBytes), false};  // ول, فل
  out[n++] = {word.substr(kBytes), false};
  return n;
}

auto SourceExtractor::Impl::match_alias(const std::vector<Tok>& toks, std::size_t i, bool allow_clitics,
                                        bool* citation_word) const -> std::optional<Match> {
  if (i >= toks.size() || toks[i].kind != TokKind::word) return std::nullopt;
  const std::string_view word = toks[i].text;
  std::array<Variant, 3> variants;
  const std::size_t count = allow_clitics ? clitic_views(word, variants) : (variants[0] = {word, false}, 1);
  static const unsigned al_lead = FirstWordFilter::lead(kAl);
  std::string key;
  for (std::size_t v = 0; v < count; ++v) {
    // Most words start no name: the bit filter rejects them without hashing or allocating.
    const Variant& var = variants[v];
    const std::size_t slot =
        var.al
            ? FirstWordFilter::slot(var.rest.size() + kAl.size(), al_lead, FirstWordFilter::tail(var.rest))
            : FirstWordFilter::slot(var.rest.size(), FirstWordFilter::lead(var.rest), FirstWordFilter::tail(var.rest));
    if (citation_word && citation_first.test_slot(slot)) *citation_word = true;
    if (!first_filter.test_slot(slot)) continue;
    if (var.al) {
      key.assign(kAl).append(var.rest);
      if (!alias_first.contains(key)) continue;
    } else {
      if (!alias_first.contains(var.rest)) continue;
      key.assign(var.rest);
    }
    std::optional<Match> best;
    for (std::size_t n = 1; n <= alias_max && i + n <= toks.size(); ++n) {
      if (n > 1) {
        if (toks[i + n - 1].kind != TokKind::word) break;
        key.push_back(' ');
        key.append(toks[i + n - 1].text);
      }
      if (const auto it = aliases.find(key); it != aliases.end())
        if (v == 0 || it->second.distinctive) best = Match{it->second.entry, n, it->second.distinctive};
    }
    if (best) return best;
  }
  return std::nullopt;
}

auto SourceExtractor::Impl::match_city(const std::vector<Tok>& toks, std::size_t i) const -> std::optional<Match> {
  if (i >= toks.size() || toks[i].kind != TokKind::word || !city_first.contains(toks[i].text)) return std::nullopt;
  std::optional<Match> best;
  std::string key(toks[i].text);
  for (std::size_t n = 1; n <= city_max && i + n <= toks.size(); ++n) {
    if (n > 1) {
      if (toks[i + n - 1].kind != TokKind::word) break;
      key.push_back(' ');
      key.append(toks[i + n - 1].text);
    }
    if (const auto it = city_keys.find(key); it != city_keys.end()) best = Match{it->second, n, true};
  }
  return best;
}

auto SourceExtractor::Impl::lookup(std::string_view name) const -> std::optional<std::size_t> {
  const std::string key = token_key(words, name);
  if (key.empty()) return std::nullopt;
  if (const auto it = aliases.find(key); it != aliases.end()) return it->second.entry;
  return std::nullopt;
}

}  // namespace xapian_arabic
