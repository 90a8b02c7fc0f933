/** @file
 *  @brief Loading the markers table, once per file.
 */
#include "tables/markers.h"

#include <xapian_arabic/error.h>

#include <map>
#include <mutex>

#include "tables/data_files.h"

namespace xapian_arabic {

namespace {
constexpr std::array<std::string_view, kMarkerKinds> kNames = {
    "published", "updated", "published_label", "updated_label", "published_marker", "updated_marker",
    "source",    "related", "boilerplate",     "zone",          "time_word",        "cue",
    "verb"};
constexpr std::string_view kBuiltin = "layout/markers.tsv";
}  // namespace

std::string_view to_string(MarkerKind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

MarkerTable::MarkerTable(std::string_view content, std::string name) : name_(std::move(name)), content_(content) {
  for (const NumberedLine& row : numbered_table_lines(content_)) {
    const std::size_t line = row.number;
    const std::string_view text = row.text;
    const auto fields = split_fields(text);
    const auto where = [&] { return name_ + ":" + std::to_string(line) + ": "; };
    if (fields.size() != 2 || fields[1].empty())
      throw TableError(where() + "expected 'kind<TAB>phrase', got '" + std::string(text) + "'");
    std::size_t kind = 0;
    while (kind < kNames.size() && kNames[kind] != fields[0]) ++kind;
    if (kind == kNames.size()) {
      std::string known;
      for (std::string_view n : kNames) known += (known.empty() ? "" : ", ") + std::string(n);
      throw TableError(where() + "unknown marker kind '" + std::string(fields[0]) + "' (" + known + ")");
    }
    phrases_[kind].push_back({std::string(fields[1]), line});
  }
}

std::shared_ptr<const MarkerTable> MarkerTable::load(const std::string& file) {
  // The reader, the date grammar and the source grammar each ask for the table: one parse
  // serves them all. Entries are weak, so a table nothing uses any more is freed.
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const MarkerTable>> loaded;
  std::string content = read_table(kBuiltin, file);
  const std::lock_guard lock(mutex);
  std::weak_ptr<const MarkerTable>& slot = loaded[file];
  if (auto table = slot.lock(); table && table->content_ == content) return table;
  auto table = std::make_shared<const MarkerTable>(content, file.empty() ? "config/" + std::string(kBuiltin) : file);
  slot = table;
  return table;
}

}  // namespace xapian_arabic
