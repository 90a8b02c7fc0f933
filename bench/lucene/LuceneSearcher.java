// Lucene 4.10 reference searcher for search_latency: the in-engine latency of the same queries
// over the index LuceneIndexer built (title + body, ArabicAnalyzer), what a user would pick
// instead of xapian-arabic.
//
// Usage: java -cp ... LuceneSearcher INDEX_DIR QUERIES.tsv [ROUNDS]
// QUERIES.tsv holds "id<TAB>query" lines. Each query is parsed by the classic QueryParser over
// title and body (OR of the words, as our parser's default), ranked with BM25 (as ours) and its
// top 10 ids read. All the queries run once as a warm-up (JIT, page cache), then ROUNDS times
// timed (default 1). Prints one line per timed query: "ms WALL cpu_ms CPU hits N", then
// "queries N p50_ms P p95_ms P".

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneSearcher {
  private LuceneSearcher() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: LuceneSearcher INDEX_DIR QUERIES.tsv [ROUNDS]");
      System.exit(2);
    }
    try {
      run(args);
    } catch (IOException | ParseException | RuntimeException e) {
      System.err.println("LuceneSearcher: " + e.getMessage());
      System.exit(1);
    }
  }

  private static List<String> readQueries(File file) throws IOException {
    final List<String> queries = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        final int tab = line.indexOf('\t');
        if (tab >= 0) queries.add(line.substring(tab + 1));
      }
    }
    if (queries.isEmpty()) throw new IOException(file + ": no 'id<TAB>query' lines");
    return queries;
  }

  /** Runs one query: parse, top 10, read their stored ids. Returns the hits read. */
  private static int search(IndexSearcher searcher, QueryParser parser, String text)
      throws IOException, ParseException {
    final Query query = parser.parse(QueryParser.escape(text));
    final TopDocs top = searcher.search(query, 10);
    int read = 0;
    for (ScoreDoc hit : top.scoreDocs) {
      if (searcher.doc(hit.doc).get("id") != null) ++read;
    }
    return read;
  }

  private static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  private static void run(String[] args) throws IOException, ParseException {
    final List<String> queries = readQueries(new File(args[1]));
    final int rounds = args.length == 3 ? Math.max(1, Integer.parseInt(args[2])) : 1;
    final ArabicAnalyzer analyzer = new ArabicAnalyzer();
    analyzer.setVersion(Version.LUCENE_4_10_4);
    final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (FSDirectory dir = FSDirectory.open(new File(args[0]));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      final IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      final QueryParser parser =
          new MultiFieldQueryParser(new String[] {"title", "body"}, analyzer);
      for (String q : queries) search(searcher, parser, q); // warm-up
      final double[] wall = new double[queries.size() * rounds];
      int n = 0;
      for (int r = 0; r < rounds; ++r) {
        for (String q : queries) {
          final long cpu = threads.getCurrentThreadCpuTime();
          final long start = System.nanoTime();
          final int hits = search(searcher, parser, q);
          wall[n] = (System.nanoTime() - start) / 1e6;
          System.out.printf(
              "ms %.4f cpu_ms %.4f hits %d%n", wall[n], (threads.getCurrentThreadCpuTime() - cpu) / 1e6, hits);
          ++n;
        }
      }
      Arrays.sort(wall);
      System.out.printf("queries %d p50_ms %.4f p95_ms %.4f%n", n, at(wall, 0.5), at(wall, 0.95));
    }
  }
}
