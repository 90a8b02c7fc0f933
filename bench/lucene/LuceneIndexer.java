// Lucene 4.10 reference indexer for index_bench: what a user would pick instead of xapian-arabic.
// Reads the same JSON Lines (gzipped or plain) articles, indexes title + body with ArabicAnalyzer
// (one IndexWriter, default settings, positions kept), stores the id, commits once at the end.
//
// Usage: java -cp ... LuceneIndexer INPUT.jsonl[.gz] INDEX_DIR [LIMIT]
// Prints one line: "articles N cpu_seconds S index_bytes B".
// JSON is read with Jackson's streaming parser (Debian's libjackson2-core-java): only the
// top-level string fields id, title and body are used; anything else is skipped.

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneIndexer {
  private LuceneIndexer() {}

  private static InputStream open(File file) throws IOException {
    InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 17);
    in.mark(2);
    final int b0 = in.read();
    final int b1 = in.read();
    in.reset();
    // gzip magic 1f 8b, as the C++ readers (zlib's gzopen) accept either form.
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 17) : in;
  }

  /** CPU seconds of every thread of this JVM (JIT and GC included), as wait4 would count them. */
  private static double processCpuSeconds() {
    final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
    }
    return -1;
  }

  private static long folderBytes(File dir) {
    long total = 0;
    final File[] files = dir.listFiles();
    if (files == null) return 0;
    for (File f : files) total += f.isDirectory() ? folderBytes(f) : f.length();
    return total;
  }

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: LuceneIndexer INPUT.jsonl[.gz] INDEX_DIR [LIMIT]");
      System.exit(2);
    }
    try {
      run(args);
    } catch (IOException | RuntimeException e) {
      System.err.println("LuceneIndexer: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    final File input = new File(args[0]);
    final File indexDir = new File(args[1]);
    final long limit = args.length == 3 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
    final JsonFactory json = new JsonFactory();
    long articles = 0;
    long lineNo = 0;
    final ArabicAnalyzer analyzer = new ArabicAnalyzer(); // default stopwords and stem exclusions
    analyzer.setVersion(Version.LUCENE_4_10_4);
    final IndexWriterConfig config = new IndexWriterConfig(Version.LUCENE_4_10_4, analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(open(input), StandardCharsets.UTF_8), 1 << 17)) {
      for (String line; articles < limit && (line = lines.readLine()) != null; ) {
        ++lineNo;
        if (line.trim().isEmpty()) continue;
        String id = null, title = "", body = "";
        try (JsonParser p = json.createParser(line)) {
          if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.getCurrentName();
            final JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && name.equals("id")) id = p.getText();
            else if (value == JsonToken.VALUE_NUMBER_INT && name.equals("id")) id = p.getText();
            else if (value == JsonToken.VALUE_STRING && name.equals("title")) title = p.getText();
            else if (value == JsonToken.VALUE_STRING && name.equals("body")) body = p.getText();
            else p.skipChildren();
          }
        } catch (IOException e) {
          throw new IOException(input + ":" + lineNo + ": " + e.getMessage(), e);
        }
        if (id == null) throw new IOException(input + ":" + lineNo + ": no \"id\"");
        final Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField("title", title, Field.Store.NO));
        doc.add(new TextField("body", body, Field.Store.NO));
        // updateDocument, as `xapian-arabic index` replaces an article with the same id.
        writer.updateDocument(new Term("id", id), doc);
        ++articles;
      }
      writer.commit();
    }
    System.out.printf(
        "articles %d cpu_seconds %.3f index_bytes %d%n", articles, processCpuSeconds(), folderBytes(indexDir));
  }
}
