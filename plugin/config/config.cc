/** @file
 *  @brief The TOML configuration: one table of keys drives parsing, writing and checking.
 *
 *  Every key is one row of kKeys: its section, name, the Config field it sets,
 *  its range or choices, and what a path must be. Config::parse, Config::to_toml
 *  (`config show`) and Config::check (`config check`) all walk that table, so a
 *  key cannot be known to one of them and forgotten by another. (Over 400 lines
 *  because the table and the walks over it belong in one place.)
 */
#include <libstemmer.h>
#include <toml++/toml.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/light_stemmer.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "dates/date_calendar.h"
#include "tables/data_files.h"
#include "tables/spelling_groups.h"

namespace xapian_arabic {

namespace {

namespace fs = std::filesystem;

template <class T>
using Ref = T& (*)(Config&);

/// An enum-valued key: its current name, and a setter that throws std::invalid_argument.
struct EnumField {
  std::string (*get)(const Config&);
  void (*set)(Config&, const std::string&);
};

/// What a path-valued key must name (checked when the config is read).
enum class PathKind { none, file, folder };

/// What Config::check loads to prove a key's tables are well-formed.
enum class Tables { none, stemmer, stopwords, layout, dates, sources, names, city_aliases };

struct Key {
  const char* section;
  const char* name;
  std::variant<Ref<bool>, Ref<unsigned>, Ref<std::size_t>, Ref<double>, Ref<std::string>, Ref<std::vector<std::string>>,
               EnumField>
      field;
  double min = 0, max = 0;         ///< numbers: the allowed range
  PathKind path = PathKind::none;  ///< strings: a path, resolved against the config's folder
  Tables tables = Tables::none;
};

#define XA_FIELD(member) +[](Config& c) -> decltype(auto) { return (c.member); }

std::string stemmer_name(const Config& c) {
  return to_string(c.analysis.stemmer);
}
void set_stemmer(Config& c, const std::string& v) {
  c.analysis.stemmer = parse_stemmer_kind(v);
}

std::string parallel_write_name(const Config& c) {
  switch (c.index.parallel_write) {
    case ParallelWrite::automatic: return "auto";
    case ParallelWrite::always: return "always";
    case ParallelWrite::never: return "never";
  }
  return "auto";
}
void set_parallel_write(Config& c, const std::string& v) {
  if (v == "auto")
    c.index.parallel_write = ParallelWrite::automatic;
  else if (v == "always")
    c.index.parallel_write = ParallelWrite::always;
  else if (v == "never")
    c.index.parallel_write = ParallelWrite::never;
  else
    throw std::invalid_argument("must be auto, always or never");
}

std::string layout_name(const Config& c) {
  return to_string(c.index.layout);
}
void set_layout(Config& c, const std::string& v) {
  const auto layout = parse_index_layout(v);
  if (!layout) throw std::invalid_argument("must be stems or words");
  c.index.layout = *layout;
}

std::string weighting_name(const Config& c) {
  return to_string(c.search.weighting);
}
void set_weighting(Config& c, const std::string& v) {
  const auto scheme = parse_weighting_scheme(v);
  if (!scheme) throw std::invalid_argument("must be dph, bm25 or dlh");
  c.search.weighting = *scheme;
}

std::string islamic_calendar_name(const Config& c) {
  return c.extraction.islamic_calendar;
}
void set_islamic_calendar(Config& c, const std::string& v) {
  if (std::find(dates::kIslamicCalendars.begin(), dates::kIslamicCalendars.end(), v) == dates::kIslamicCalendars.end())
    throw std::invalid_argument("must be one of " + dates::islamic_calendar_names());
  c.extraction.islamic_calendar = v;
}

std::string latin_stemmer_name(const Config& c) {
  return c.analysis.latin_stemmer;
}
void set_latin_stemmer(Config& c, const std::string& v) {
  std::string known = "none";
  bool found = v == "none";
  for (const char** name = sb_stemmer_list(); *name; ++name) {
    found = found || v == *name;
    known += std::string(", ") + *name;
  }
  if (!found) throw std::invalid_argument("must be a Snowball language or none (" + known + ")");
  c.analysis.latin_stemmer = v;
}

// In the order and sections of config/default.toml, which `config show` follows.
const Key kKeys[] = {
    {"normalization", "remove_harakat", XA_FIELD(analysis.normalization.remove_harakat)},
    {"normalization", "remove_quranic_marks", XA_FIELD(analysis.normalization.remove_quranic_marks)},
    {"normalization", "remove_tatweel", XA_FIELD(analysis.normalization.remove_tatweel)},
    {"normalization", "fold_presentation_forms", XA_FIELD(analysis.normalization.fold_presentation_forms)},
    {"normalization", "fold_alef", XA_FIELD(analysis.normalization.fold_alef)},
    {"normalization", "fold_alef_maqsura", XA_FIELD(analysis.normalization.fold_alef_maqsura)},
    {"normalization", "fold_teh_marbuta", XA_FIELD(analysis.normalization.fold_teh_marbuta)},
    {"normalization", "fold_hamza_seats", XA_FIELD(analysis.normalization.fold_hamza_seats)},
    {"normalization", "fold_persian_letters", XA_FIELD(analysis.normalization.fold_persian_letters)},
    {"normalization", "fold_digits", XA_FIELD(analysis.normalization.fold_digits)},
    {"normalization", "remove_format_controls", XA_FIELD(analysis.normalization.remove_format_controls)},
    {"normalization", "case_fold_latin", XA_FIELD(analysis.normalization.case_fold_latin)},
    {"stemming", "stemmer", EnumField{stemmer_name, set_stemmer}},
    {"stemming", "latin_stemmer", EnumField{latin_stemmer_name, set_latin_stemmer}},
    {"stemming", "tables_dir", XA_FIELD(analysis.stemmer_tables_dir), 0, 0, PathKind::folder, Tables::stemmer},
    {"stopwords", "enabled", XA_FIELD(analysis.use_stopwords)},
    {"stopwords", "file", XA_FIELD(analysis.stopwords_file), 0, 0, PathKind::file, Tables::stopwords},
    {"index", "threads", XA_FIELD(index.threads), 0, 256},
    {"index", "batch_size", XA_FIELD(index.batch_size), 1, 10'000'000},
    {"index", "language", XA_FIELD(index.language)},
    {"index", "parallel_write", EnumField{parallel_write_name, set_parallel_write}},
    {"index", "synonyms", XA_FIELD(index.synonyms)},
    {"index", "layout", EnumField{layout_name, set_layout}},
    {"weights", "title", XA_FIELD(weights.title), 0, 100},
    {"weights", "lead", XA_FIELD(weights.lead), 0, 100},
    {"weights", "body", XA_FIELD(weights.body), 0, 100},
    {"weights", "source", XA_FIELD(weights.source), 0, 100},
    {"bm25", "k1", XA_FIELD(bm25.k1), 0, 1000},
    {"bm25", "k2", XA_FIELD(bm25.k2), 0, 1000},
    {"bm25", "k3", XA_FIELD(bm25.k3), 0, 1000},
    {"bm25", "b", XA_FIELD(bm25.b), 0, 1},
    {"bm25", "min_normlen", XA_FIELD(bm25.min_normlen), 0, 1000},
    {"recency", "enabled", XA_FIELD(recency.enabled)},
    {"recency", "weight", XA_FIELD(recency.weight), 0, 1000},
    {"recency", "half_life_days", XA_FIELD(recency.half_life_days), 1, 1e6},
    {"search", "weighting", EnumField{weighting_name, set_weighting}},
    {"search", "limit", XA_FIELD(search.limit), 1, 100000},
    {"search", "snippet_length", XA_FIELD(search.snippet_length), 0, 100000},
    {"search", "exact_form_weight", XA_FIELD(search.exact_form_weight), 0, 100},
    {"search", "strict_phrases", XA_FIELD(search.strict_phrases)},
    {"search", "phrase_boost", XA_FIELD(search.phrase_boost), 0, 100},
    {"search", "wildcard_limit", XA_FIELD(search.wildcard_limit), 1, 100000},
    {"synonyms", "names", XA_FIELD(synonyms.names)},
    {"synonyms", "derived_forms", XA_FIELD(synonyms.derived_forms)},
    {"synonyms", "names_file", XA_FIELD(synonyms.names_file), 0, 0, PathKind::file, Tables::names},
    {"synonyms", "city_aliases_file", XA_FIELD(synonyms.city_aliases_file), 0, 0, PathKind::file, Tables::city_aliases},
    // Before [sources] and [dates]: check() loads it first, so a bad markers table is reported here.
    {"layout", "markers_file", XA_FIELD(extraction.markers_file), 0, 0, PathKind::file, Tables::layout},
    {"sources", "aliases_file", XA_FIELD(extraction.aliases_file), 0, 0, PathKind::file, Tables::sources},
    {"sources", "cities_file", XA_FIELD(extraction.cities_file), 0, 0, PathKind::file, Tables::sources},
    {"sources", "shapes_file", XA_FIELD(extraction.shapes_file), 0, 0, PathKind::file, Tables::sources},
    {"dates", "tables_dir", XA_FIELD(extraction.dates_tables_dir), 0, 0, PathKind::folder, Tables::dates},
    {"dates", "islamic_calendar", EnumField{islamic_calendar_name, set_islamic_calendar}},
    {"jsonl", "id", XA_FIELD(jsonl.id)},
    {"jsonl", "title", XA_FIELD(jsonl.title)},
    {"jsonl", "body", XA_FIELD(jsonl.body)},
    {"jsonl", "date", XA_FIELD(jsonl.date)},
    {"jsonl", "updated", XA_FIELD(jsonl.updated)},
    {"jsonl", "source", XA_FIELD(jsonl.source)},
    {"jsonl", "url", XA_FIELD(jsonl.url)},
};

#undef XA_FIELD

std::string where(const std::string& source, const toml::source_region& region) {
  return source + ":" + std::to_string(region.begin.line) + ": ";
}

std::string fmt(double v) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest form that reads back exactly
  return std::string(buf, end);
}

// Sets one key from its TOML node; throws std::invalid_argument with what is wrong.
struct NodeReader {
  const Key& key;
  const toml::node& node;
  Config& config;
  const std::string& base_dir;

  void operator()(Ref<bool> ref) const {
    if (!node.is_boolean()) throw std::invalid_argument("must be true or false");
    ref(config) = node.as_boolean()->get();
  }
  void operator()(Ref<unsigned> ref) const { ref(config) = static_cast<unsigned>(number(true)); }
  void operator()(Ref<std::size_t> ref) const { ref(config) = static_cast<std::size_t>(number(true)); }
  void operator()(Ref<double> ref) const { ref(config) = number(false); }
  void operator()(Ref<std::string> ref) const {
    std::string value = string();
    if (key.path != PathKind::none && !value.empty()) {
      if (fs::path(value).is_relative()) value = (fs::path(base_dir) / value).string();
      check_path(value);
    }
    ref(config) = std::move(value);
  }
  void operator()(Ref<std::vector<std::string>> ref) const {
    const auto* array = node.as_array();
    if (!array || array->empty()) throw std::invalid_argument("must be a non-empty array of strings");
    std::vector<std::string> values;
    for (const auto& item : *array) {
      if (!item.is_string()) throw std::invalid_argument("must hold only strings");
      values.push_back(item.as_string()->get());
    }
    ref(config) = std::move(values);
  }
  void operator()(const EnumField& field) const { field.set(config, string()); }

  std::string string() const {
    if (!node.is_string()) throw std::invalid_argument("must be a string");
    return node.as_string()->get();
  }
  double number(bool whole) const {
    double value;
    if (auto i = node.as_integer())
      value = double(i->get());
    else if (auto f = node.as_floating_point(); f && !whole)
      value = f->get();
    else
      throw std::invalid_argument(whole ? "must be a whole number" : "must be a number");
    if (!(value >= key.min && value <= key.max))
      throw std::invalid_argument("must be between " + fmt(key.min) + " and " + fmt(key.max));
    return value;
  }
  void check_path(const std::string& path) const {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (key.path == PathKind::file) {
      if (!fs::exists(status)) throw std::invalid_argument("no such file: " + path);
      if (!fs::is_regular_file(status)) throw std::invalid_argument("not a regular file: " + path);
      if (!std::ifstream(path)) throw std::invalid_argument("cannot read " + path);
    } else {
      if (!fs::exists(status)) throw std::invalid_argument("no such folder: " + path);
      if (!fs::is_directory(status)) throw std::invalid_argument("not a folder: " + path);
    }
  }
};

// Writes one key's value as TOML: toml++ quotes and escapes strings, in double
// quotes like config/default.toml, with Arabic left as it is.
template <class Node>
std::string toml_text(const Node& node) {
  std::ostringstream out;
  out << toml::toml_formatter(node, toml::format_flags::allow_unicode_strings);
  return out.str();
}

struct ValueWriter {
  Config& config;
  template <class T>
  std::string operator()(Ref<T> ref) const {
    if constexpr (std::is_same_v<T, double>) {
      std::string text = fmt(ref(config));
      if (text.find_first_of(".e") == std::string::npos) text += ".0";
      return text;
    } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>) {
      return toml_text(toml::value<T>(ref(config)));
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      toml::array array;
      for (const std::string& item : ref(config)) array.push_back(item);
      return toml_text(array);
    } else {
      return std::to_string(ref(config));
    }
  }
  std::string operator()(const EnumField& field) const {
    return toml_text(toml::value<std::string>(field.get(config)));
  }
};

std::set<std::string> section_names() {
  std::set<std::string> names;
  for (const Key& key : kKeys) names.insert(key.section);
  return names;
}

/// Parses @p text; fills @p lines with where each key that was set is written.
Config parse_with_origins(std::string_view text, const std::string& source, const std::string& base_dir,
                          std::map<const Key*, std::string>* origins) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw ConfigError(where(source, e.source()) + std::string(e.description()));
  }
  static const std::set<std::string> sections = section_names();
  for (const auto& [name, node] : root) {
    const std::string section(name.str());
    if (!sections.count(section))
      throw ConfigError(where(source, node.source()) + "unknown section or key '" + section + "'");
    const toml::table* table = node.as_table();
    if (!table) throw ConfigError(where(source, node.source()) + "'" + section + "' must be a [section]");
    for (const auto& [key_name, value] : *table) {
      const Key* key = nullptr;
      for (const Key& k : kKeys)
        if (section == k.section && key_name.str() == k.name) key = &k;
      if (!key)
        throw ConfigError(where(source, value.source()) + "unknown key '" + std::string(key_name.str()) + "' in [" +
                          section + "]");
    }
  }

  Config config;
  for (const Key& key : kKeys) {
    const toml::node* node = root[key.section][key.name].node();
    if (!node) continue;
    try {
      std::visit(NodeReader{key, *node, config, base_dir}, key.field);
    } catch (const std::invalid_argument& e) {
      throw ConfigError(where(source, node->source()) + "[" + key.section + "] " + key.name + " " + e.what());
    } catch (const ConfigError& e) {  // from a parser of the value's own, e.g. parse_stemmer_kind
      throw ConfigError(where(source, node->source()) + "[" + key.section + "] " + e.what());
    }
    if (origins) (*origins)[&key] = where(source, node->source());
  }
  return config;
}

/// Loads the tables behind @p kind as the library will, so a malformed table fails now.
void load_tables(const Config& config, Tables kind) {
  switch (kind) {
    case Tables::none: return;
    case Tables::stemmer: LightStemmer(config.analysis.normalization, config.analysis.stemmer_tables_dir); return;
    case Tables::stopwords: (void)read_table("stopwords/arabic.txt", config.analysis.stopwords_file); return;
    case Tables::layout: {  // the markers table as the reader, the date and the source grammar use it
      ExtractionSettings markers_only;
      markers_only.markers_file = config.extraction.markers_file;
      ArticleExtractor{markers_only};
      return;
    }
    case Tables::dates:
    case Tables::sources: ArticleExtractor{config.extraction}; return;
    case Tables::names: (void)read_name_groups(config.synonyms.names_file); return;
    case Tables::city_aliases: (void)read_city_aliases(config.synonyms.city_aliases_file); return;
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open config file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string folder_of(const std::string& path) {
  const auto dir = fs::path(path).parent_path();
  return dir.empty() ? "." : dir.string();
}

}  // namespace

NewsReaderOptions Config::reader_options() const {
  NewsReaderOptions options = news_reader_options(jsonl);
  options.markers_file = extraction.markers_file;
  return options;
}

Config Config::defaults() {
  return parse(read_table("default.toml"), "built-in default.toml");
}

Config Config::load(const std::string& path) {
  return parse(read_file(path), path, folder_of(path));
}

Config Config::parse(std::string_view text, const std::string& source, const std::string& base_dir) {
  return parse_with_origins(text, source, base_dir, nullptr);
}

Config Config::check(const std::string& path) {
  std::map<const Key*, std::string> origins;
  Config config = parse_with_origins(read_file(path), path, folder_of(path), &origins);
  // The built-in tables are checked by the test suite; only a user's own are loaded here.
  std::set<Tables> loaded;
  for (const auto& [key, origin] : origins) {
    if (key->tables == Tables::none || loaded.count(key->tables)) continue;
    loaded.insert(key->tables);
    try {
      load_tables(config, key->tables);
    } catch (const std::exception& e) {
      throw ConfigError(origin + "[" + key->section + "] " + key->name + ": " + e.what());
    }
  }
  return config;
}

std::string Config::to_toml() const {
  static const std::vector<std::string> all = [] {
    const std::set<std::string> names = section_names();
    return std::vector<std::string>(names.begin(), names.end());
  }();
  return to_toml(all);
}

const std::vector<std::string>& Config::analysis_sections() {
  static const std::vector<std::string> sections = {"normalization", "stemming", "stopwords"};
  return sections;
}

std::string Config::to_toml(const std::vector<std::string>& sections) const {
  static const std::set<std::string> known = section_names();
  for (const std::string& name : sections)
    if (!known.count(name)) throw ConfigError("to_toml: unknown section '" + name + "'");
  Config copy = *this;
  std::string out;
  const char* section = nullptr;
  for (const Key& key : kKeys) {
    if (std::find(sections.begin(), sections.end(), key.section) == sections.end()) continue;
    if (!section || std::string_view(section) != key.section) {
      out += std::string(section ? "\n" : "") + "[" + key.section + "]\n";
      section = key.section;
    }
    out += std::string(key.name) + " = " + std::visit(ValueWriter{copy}, key.field) + "\n";
  }
  return out;
}

std::vector<std::string> Config::key_names() {
  std::vector<std::string> names;
  for (const Key& key : kKeys) names.push_back(std::string(key.section) + "." + key.name);
  return names;
}

}  // namespace xapian_arabic
