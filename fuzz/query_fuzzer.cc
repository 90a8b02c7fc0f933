/** @file
 *  @brief libFuzzer target: NewsSearch's query parsing (QueryParser with the title:, source:,
 *  agency:, city: and date: fields in English and Arabic, and the date field processor),
 *  date ranges as --from/--to take them, and a search of an empty index.
 *
 *  The index, the parser setup and the source alias table are built once; each input is a query.
 */
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/source_extractor.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

namespace {
NewsSearch make_search() {
  const Config config = Config::defaults();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Analyzer(config.analysis).write_metadata(db);
  db.commit();
  static const SourceExtractor sources;
  return NewsSearch(db, config, [](std::string_view name) -> std::vector<std::string> {
    if (const auto entry = sources.canonical(name)) return {entry->second};
    return {};
  });
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const NewsSearch search = make_search();
  const std::string_view query = fuzz::as_text(data, size);
  try {
    search.parse(query);
  } catch (const SearchError&) {
  }
  try {
    parse_date_range(query);
  } catch (const SearchError&) {
  }
  try {
    SearchRequest request;
    request.query = std::string(query);
    request.sources = {request.query};
    search.search(request);
  } catch (const SearchError&) {
  }
  return 0;
}
