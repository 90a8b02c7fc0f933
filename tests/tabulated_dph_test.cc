/** @file
 *  @brief DPH with tabulated logarithms ranks and scores as Xapian's DPHWeight (a differential test).
 *
 *  The 200 news-dev articles with TermGenerator, plus one article longer than the table
 *  (the 200 concatenated), searched for every word of a few headlines-like queries with both
 *  weights: the whole MSet, every document, must be the same documents in the same order with
 *  the same scores. A wrong upper bound would make the matcher drop documents, a wrong term a
 *  score differ.
 */
#include "search/tabulated_dph.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace xapian_arabic;

namespace {

Xapian::WritableDatabase news_dev_database() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(XA_SHARED_DATA_DIR "/news-dev"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text.str());
    db.add_document(doc);
    all += text.str();
  }
  Xapian::Document longest;  // longer than the table of logarithms
  generator.set_document(longest);
  generator.index_text(all);
  db.add_document(longest);
  return db;
}

std::vector<std::pair<Xapian::docid, double>> ranking(const Xapian::Database& db, const Xapian::Query& query,
                                                      const Xapian::Weight& weight, Xapian::doccount top) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(weight);
  const Xapian::MSet mset = enquire.get_mset(0, top);
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

}  // namespace

TEST_CASE("tabulated DPH ranks and scores every news-dev article as Xapian's DPHWeight") {
  const Xapian::WritableDatabase db = news_dev_database();
  REQUIRE(db.get_doclength_upper_bound() > (1u << 13));
  const char* queries[] = {"القمة العربية في الرياض", "وزير الخارجية الأمريكي", "ترامب", "في من على",
                           "الحوثيين الحديدة التحالف"};
  Xapian::QueryParser parser;
  parser.set_database(db);
  for (const char* text : queries) {
    CAPTURE(text);
    const Xapian::Query query = parser.parse_query(text);
    // Every match, and the top 1 and 10, where the matcher skips by the weight's bound.
    for (const Xapian::doccount top : {db.get_doccount(), 10u, 1u}) {
      CAPTURE(top);
      const auto xapians = ranking(db, query, Xapian::DPHWeight(), top);
      const auto ours = ranking(db, query, TabulatedDphWeight(), top);
      REQUIRE(!xapians.empty());
      REQUIRE(ours.size() == xapians.size());
      for (std::size_t i = 0; i < ours.size(); ++i) {
        CAPTURE(i);
        CHECK(ours[i].first == xapians[i].first);
        CHECK(ours[i].second == Approx(xapians[i].second).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("tabulated DPH bounds a term's weight more tightly than Xapian's DPHWeight") {
  const Xapian::WritableDatabase db = news_dev_database();
  for (const char* word : {"في", "العربية", "ترامب"}) {
    CAPTURE(word);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(word));
    enquire.set_weighting_scheme(Xapian::DPHWeight());
    const double xapians = enquire.get_mset(0, 10).get_max_possible();
    enquire.set_weighting_scheme(TabulatedDphWeight());
    const Xapian::MSet ours = enquire.get_mset(0, 10);
    CHECK(ours.get_max_possible() >= ours.get_max_attained());
    CHECK(ours.get_max_possible() < 0.8 * xapians);
  }
}

TEST_CASE("tabulated DPH goes to a remote shard as Xapian's own DPHWeight") {
  const TabulatedDphWeight weight;
  CHECK(weight.name() == Xapian::DPHWeight().name());
  CHECK(weight.serialise() == Xapian::DPHWeight().serialise());
}
