/** @file
 *  @brief search: query a news index, print results for people (terminal or text) or machines (--json).
 */
#include <unistd.h>
#include <xapian_arabic/news_search.h>

#include <charconv>
#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace xapian_arabic::cli {

namespace {

struct SearchOptions {
  std::vector<std::string> dbs;
  double timeout = 10;
  std::string config_path, sort = "relevance";
  std::vector<std::string> query_words, sources;
  std::string from, to, today;
  std::size_t limit = 0, offset = 0;
  bool json = false;
};

/// The snippet with its highlight marks replaced by @p start / @p end; @p escape makes it HTML.
std::string render_snippet(const std::string& snippet, std::string_view start, std::string_view end, bool escape) {
  std::string out;
  for (char c : snippet) {
    if (c == NewsSearch::kHighlightStart[0])
      out += start;
    else if (c == NewsSearch::kHighlightEnd[0])
      out += end;
    else if (escape && c == '&')
      out += "&amp;";
    else if (escape && c == '<')
      out += "&lt;";
    else if (escape && c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

/// Plain snippet text and the byte spans [begin, end) of the highlighted words in it.
std::pair<std::string, nlohmann::json> snippet_spans(const std::string& snippet) {
  std::string text;
  nlohmann::json spans = nlohmann::json::array();
  std::size_t begin = 0;
  for (char c : snippet) {
    if (c == NewsSearch::kHighlightStart[0])
      begin = text.size();
    else if (c == NewsSearch::kHighlightEnd[0])
      spans.push_back({begin, text.size()});
    else
      text += c;
  }
  return {text, spans};
}

void print_json(const SearchOptions& o, const SearchRequest& request, const SearchResults& results) {
  nlohmann::json out;
  out["query"] = request.query;
  out["xapian_query"] = results.query_description;
  out["estimated"] = results.estimated;
  out["offset"] = o.offset;
  nlohmann::json hits = nlohmann::json::array();
  std::size_t rank = o.offset;
  for (const SearchHit& hit : results.hits) {
    auto [text, spans] = snippet_spans(hit.snippet);
    hits.push_back({{"rank", ++rank},
                    {"id", hit.id},
                    {"docid", hit.docid},
                    {"url", hit.url},
                    {"path", hit.path},
                    {"title", hit.title},
                    {"published", hit.published},
                    {"source", hit.source},
                    {"score", hit.score},
                    {"percent", hit.percent},
                    {"snippet", render_snippet(hit.snippet, "<b>", "</b>", true)},
                    {"snippet_text", std::move(text)},
                    {"highlights", std::move(spans)}});
  }
  out["results"] = std::move(hits);
  // Archives hold the odd invalid byte; never fail the whole answer for it.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_text(const SearchOptions& o, const SearchResults& results) {
  const bool tty = isatty(STDOUT_FILENO);
  const char* bold = tty ? "\033[1m" : "";
  const char* dim = tty ? "\033[2m" : "";
  const char* reset = tty ? "\033[0m" : "";
  const std::string mark_start = tty ? "\033[1;33m" : "<b>", mark_end = tty ? "\033[0m" : "</b>";
  if (results.hits.empty()) {
    std::cout << "No results.\n";
    return;
  }
  std::cout << "Results " << o.offset + 1 << "–" << o.offset + results.hits.size() << " of about " << results.estimated
            << '\n';
  std::size_t rank = o.offset;
  for (const SearchHit& hit : results.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::cout << '\n'
              << ++rank << ". " << bold << (hit.title.empty() ? hit.id : hit.title) << reset << '\n'
              << "   " << dim << (hit.published.empty() ? "(no date)" : hit.published) << " · "
              << (hit.source.empty() ? "(no source)" : hit.source) << " · score " << score << " · "
              << (hit.url.empty() ? hit.path : hit.url) << reset << '\n';
    if (!hit.snippet.empty()) std::cout << "   " << render_snippet(hit.snippet, mark_start, mark_end, false) << '\n';
  }
}

/// --offset and --limit are counts of documents, which Xapian keeps in 32 bits: "-1" or
/// "4294967296" must be refused here, not wrapped to another number on the way in.
/// --limit starts at 1: 0 would ask for no results (and once meant "the default").
CLI::Validator doccount_range(unsigned long long least = 0) {
  return CLI::Validator(
      [least](std::string& value) -> std::string {
        constexpr auto max_count = std::numeric_limits<Xapian::doccount>::max();
        unsigned long long n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (value.empty() || ec != std::errc() || end != value.data() + value.size() || n > max_count || n < least)
          return "'" + value + "' is not a number from " + std::to_string(least) + " to " + std::to_string(max_count);
        return {};
      },
      std::to_string(least) + ".." + std::to_string(std::numeric_limits<Xapian::doccount>::max()));
}

}  // namespace

void register_search_commands(CLI::App& app) {
  auto o = std::make_shared<SearchOptions>();
  auto* cmd = app.add_subcommand("search", "Search a news index built by 'xapian-arabic index'");
  cmd->add_option("--db", o->dbs, "Index folder, stub database file or stub folder (repeatable: all searched as one)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--timeout", o->timeout,
                  "Seconds a remote shard may take to connect or to answer (default 10; 0 = wait for ever)")
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("-c,--config", o->config_path,
                  "TOML config file (default: the analysis settings stored in the index, built-in defaults "
                  "for the rest)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--json", o->json, "Print the results as JSON");
  cmd->add_option("-n,--limit", o->limit, "Number of results, 1 or more (default: [search] limit of the config)")
      ->check(doccount_range(1));
  cmd->add_option("--offset", o->offset, "Skip this many results (paging)")->check(doccount_range());
  cmd->add_option("--from", o->from,
                  "Published on or after DATE (2024-11-05, 2024-11, 2024, \"نوفمبر 2024\", 16/07/2018, \"رمضان "
                  "1439\", 1439هـ, أمس, \"الأسبوع الماضي\")");
  cmd->add_option("--to", o->to, "Published on or before DATE (a month or year includes all its days)");
  cmd->add_option("--today", o->today,
                  "The day YYYY-MM-DD that relative dates (أمس, \"الأسبوع الماضي\") in --from, --to and date: count "
                  "from (default: today on this machine)");
  cmd->add_option("--source", o->sources, "Only articles from this source, any alias (repeatable: any of them)")
      ->allow_extra_args(false);  // one name per --source, so the query is never taken for a source
  cmd->add_option("--sort", o->sort, "Order: relevance or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}));
  cmd->add_option("query", o->query_words,
                  "Query: words, \"phrases\", AND OR NOT, title: source: city: agency: date: (also عنوان: مصدر: "
                  "مدينة: وكالة: تاريخ:)");
  cmd->footer(
      "Exit status: 0 results or none, 1 error (bad query, config, database, mixed analysis settings),\n"
      "3 a remote shard is down, did not answer within --timeout, or went away during the search.");
  cmd->callback([o] {
    try {
      RemoteTimeouts timeouts;
      timeouts.timeout_ms = timeouts.connect_timeout_ms = static_cast<unsigned>(o->timeout * 1000);
      std::vector<Shard> shards = open_shards(o->dbs, timeouts);
      // No --config: the analysis settings the index was built with (NewsSearch checks every
      // shard, and a given config, against them).
      const Config config = o->config_path.empty() ? index_config(shards) : load_config(o->config_path);
      SearchRequest request;
      for (const auto& word : o->query_words) request.query += (request.query.empty() ? "" : " ") + word;
      request.limit = o->limit ? o->limit : config.search.limit;
      request.offset = o->offset;
      request.from = o->from;
      request.to = o->to;
      if (!o->today.empty()) {
        request.today = parse_iso_day(o->today);
        if (!request.today) throw SearchError("--today '" + o->today + "' is not a day YYYY-MM-DD");
      }
      request.sources = o->sources;
      request.sort = o->sort == "date" ? SortOrder::date : SortOrder::relevance;
      if (request.query.empty() && request.from.empty() && request.to.empty() && request.sources.empty())
        throw SearchError("give a query, or at least one of --from, --to, --source");
      // Without --config, NewsSearch takes the same settings from the shards and names the shard
      // they came from when another differs.
      const NewsSearch search =
          o->config_path.empty() ? NewsSearch(std::move(shards)) : NewsSearch(std::move(shards), config);
      const SearchResults results = search.search(request);
      if (o->json)
        print_json(*o, request, results);
      else
        print_text(*o, results);
    } catch (const IncompatibleIndexError& e) {
      std::cerr << "xapian-arabic search: " << (o->dbs.size() == 1 ? o->dbs[0] + ": " : "") << e.what() << '\n';
      set_exit_status(1);
    } catch (const ShardUnavailableError& e) {  // down, too slow, or gone: trying again may work
      std::cerr << "xapian-arabic search: " << e.what() << '\n';
      set_exit_status(3);
    } catch (const std::exception& e) {  // SearchError, ConfigError, Xapian errors with a message
      std::cerr << "xapian-arabic search: " << e.what() << '\n';
      set_exit_status(1);
    } catch (const Xapian::Error& e) {
      std::cerr << "xapian-arabic search: " << e.get_description() << '\n';
      set_exit_status(1);
    }
  });
}

}  // namespace xapian_arabic::cli
