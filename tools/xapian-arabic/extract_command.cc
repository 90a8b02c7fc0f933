/** @file
 *  @brief extract: dates, sources and article structure of news files, or of JSON lines on stdin;
 *  with --scriptindex, the articles as Omega scriptindex input.
 */
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/scriptindex_record.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "commands.h"

namespace xapian_arabic::cli {

namespace {

using nlohmann::json;

json date_json(const ExtractedDate& d) {
  json j = {{"value", d.value}, {"kind", to_string(d.kind)}, {"text", d.text}, {"begin", d.begin}, {"end", d.end}};
  if (!d.hijri.empty()) j["hijri"] = d.hijri;
  if (d.range_end) j["range_end"] = *d.range_end;
  return j;
}

json source_json(const ExtractedSource& s) {
  return {{"name", s.name},   {"key", s.key}, {"kind", to_string(s.kind)}, {"city", s.city}, {"text", s.text},
          {"begin", s.begin}, {"end", s.end}};
}

json article_json(const NewsArticle& a) {
  json dates = json::array(), agencies = json::array();
  for (const auto& d : a.dates) dates.push_back(date_json(d));
  for (const auto& s : a.agencies) agencies.push_back(source_json(s));
  return {{"id", a.id},
          {"path", a.path},
          {"line", a.line},
          {"url", a.url},
          {"title", a.title},
          {"published", a.published ? json(a.published->value) : json(nullptr)},
          {"updated", a.updated ? json(a.updated->value) : json(nullptr)},
          {"dates", std::move(dates)},
          {"source", a.source ? source_json(*a.source) : json(nullptr)},
          {"agencies", std::move(agencies)},
          {"dateline_city", a.dateline_city},
          {"body", a.body},
          {"related", a.related},
          {"encoding", a.encoding}};
}

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// One input line of --jsonl mode to its output line.
/// Errors name the input line (@p line_no, 1-based), so a caller can find the bad record.
json extract_record(const ArticleExtractor& extractor, const std::string& line, std::size_t line_no, bool& ok) {
  const std::string at = "line " + std::to_string(line_no) + ": ";
  json in;
  try {
    in = json::parse(line);
  } catch (const json::exception& e) {
    ok = false;
    return {{"id", nullptr}, {"error", at + "invalid JSON: " + e.what()}};
  }
  if (!in.is_object() || !in.contains("text") || !in["text"].is_string()) {
    ok = false;
    return {{"id", in.is_object() && in.contains("id") ? in["id"] : json(nullptr)},
            {"error", at + "expected an object with a string \"text\""}};
  }
  const json id = in.value("id", json(nullptr));
  std::optional<CivilDate> reference;
  if (const auto it = in.find("reference_date"); it != in.end() && !it->is_null()) {
    if (it->is_string()) reference = parse_iso_day(it->get<std::string>());
    if (!reference) {
      ok = false;
      return {{"id", id},
              {"error", at + "reference_date must be a real day as \"YYYY-MM-DD\" or null, got " + it->dump()}};
    }
  }
  const std::string text = in["text"].get<std::string>();
  json dates = json::array(), sources = json::array();
  for (const auto& d : extractor.dates().extract(text, reference))
    dates.push_back({{"value", d.value}, {"kind", to_string(d.kind)}, {"text", d.text}});
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& s : extractor.sources().extract_article(text)) {
    if (s.name.empty() && s.city.empty()) continue;
    if (!seen.emplace(s.name, to_string(s.kind), s.city).second) continue;
    sources.push_back({{"name", s.name}, {"kind", to_string(s.kind)}, {"city", s.city}});
  }
  return {{"id", id}, {"dates", std::move(dates)}, {"sources", std::move(sources)}};
}

}  // namespace

void register_extract_commands(CLI::App& app) {
  auto config_path = std::make_shared<std::string>();
  auto files = std::make_shared<std::vector<std::string>>();
  auto jsonl = std::make_shared<bool>(false);
  auto id_root = std::make_shared<std::string>();
  auto scriptindex = std::make_shared<bool>(false);
  auto synonyms_db = std::make_shared<std::string>();
  auto* extract = app.add_subcommand(
      "extract",
      "Extract title, dates, sources and dateline from news files (text, JSON Lines, HTML, .gz): one JSON object "
      "per article; with --jsonl, read {\"id\", \"text\", \"reference_date\"} lines on stdin");
  add_config_option(extract, *config_path);
  extract->add_option("files", *files, "News files");
  extract->add_flag("--jsonl", *jsonl,
                    "Read JSON lines {\"id\": ..., \"text\": \"...\", \"reference_date\": \"YYYY-MM-DD\" or null} on "
                    "stdin and write {\"id\", \"dates\", \"sources\"} per line");
  extract->add_option("--id-root", *id_root, "Folder that article ids (file paths) are made relative to");
  extract->add_flag("--scriptindex", *scriptindex,
                    "Write the articles as Omega scriptindex records (normalized words, stems, dates, sources) for "
                    "examples/omega/news.script, instead of JSON (docs/omega.md)");
  extract->add_option("--synonyms", *synonyms_db,
                      "With --scriptindex: add the words as written, mapped to their terms, to the synonym table of "
                      "this Xapian database (created if missing), for Omega's flag_auto_synonyms");
  extract->callback([=] {
    const Config config = load_config(*config_path);
    const ArticleExtractor extractor(config.extraction);
    bool ok = true;
    if (*jsonl) {
      if (!files->empty()) throw CLI::ValidationError("extract", "--jsonl reads stdin; give no files");
      if (*scriptindex) throw CLI::ValidationError("extract", "--scriptindex reads news files, not --jsonl");
      std::string line;
      std::size_t line_no = 0;
      while (std::getline(std::cin, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::cout << dump(extract_record(extractor, line, line_no, ok)) << '\n';
      }
      set_exit_status(ok ? 0 : 1);
      return;
    }
    if (files->empty()) throw CLI::ValidationError("extract", "give news files, or --jsonl to read stdin");
    if (!synonyms_db->empty() && !*scriptindex) throw CLI::ValidationError("extract", "--synonyms needs --scriptindex");
    const NewsReader reader(config.reader_options());
    std::optional<Analyzer> analyzer;
    std::optional<Xapian::WritableDatabase> db;
    SurfaceSynonyms synonyms;
    SynonymWriter synonym_writer;
    // examples/omega/news.script indexes the words layout (positional words, Z-stems without):
    // the synonyms written for it must lead to those terms.
    if (*scriptindex) analyzer.emplace(config.analysis, IndexLayout::words);
    if (!synonyms_db->empty()) db.emplace(*synonyms_db, Xapian::DB_CREATE_OR_OPEN);
    for (const std::string& path : *files) {
      reader.read_file(
          path, *id_root,
          [&](NewsArticle&& article) {
            extractor.extract(article);
            if (!analyzer) {
              std::cout << dump(article_json(article)) << '\n';
              return;
            }
            std::cout << scriptindex_record(article, *analyzer, db ? &synonyms : nullptr);
            if (db) {
              if (config.synonyms.derived_forms) add_derived_form_synonyms(synonyms, *analyzer);
              synonym_writer.write(*db, synonyms.take_pairs());
            }
          },
          [&](ReadError&& error) {
            if (!error.warning) ok = false;  // a warning's article was printed
            if (!analyzer)                   // scriptindex input has no error records
              std::cout << dump({{"path", error.path}, {"line", error.line}, {"error", error.message}}) << '\n';
            std::cerr << "xapian-arabic extract: " << error.path
                      << (error.line ? ":" + std::to_string(error.line) : std::string()) << ": " << error.message
                      << '\n';
          });
    }
    if (db) {
      synonym_writer.flush(*db);
      db->commit();
    }
    set_exit_status(ok ? 0 : 1);
  });
}

}  // namespace xapian_arabic::cli
