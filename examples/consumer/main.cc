// A program using the installed xapian-arabic library: index two Arabic
// sentences in memory and search them with the same analysis.
#include <xapian_arabic.h>

#include <iostream>

int main() {
  xapian_arabic::Analyzer analyzer;  // default settings: normalization + light stemming, no stopwords
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* text : {"شكر الوزير والمعلمين على جهودهم", "ارتفعت أسعار النفط"}) {
    Xapian::Document doc;
    analyzer.index_text(doc, text);
    doc.set_data(text);
    db.add_document(doc);
  }
  analyzer.write_metadata(db);

  Xapian::QueryParser parser = analyzer.make_query_parser();
  Xapian::Enquire enquire(db);
  enquire.set_query(analyzer.parse_query(parser, "للمعلمين"));
  for (auto it = enquire.get_mset(0, 10).begin(); it != Xapian::MSetIterator(); ++it)
    std::cout << it.get_document().get_data() << '\n';

  // The stemmer also plugs into Xapian's own TermGenerator and QueryParser.
  Xapian::Stem stem = xapian_arabic::make_stem();
  std::cout << stem("والمعلمين") << ' ' << xapian_arabic::Normalizer().normalize("أَحْمَد") << '\n';
  return 0;
}
