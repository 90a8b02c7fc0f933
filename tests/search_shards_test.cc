/** @file
 *  @brief Searching many databases: stub parsing, every shard's settings checked, and a remote
 *  shard (a real xapian-tcpsrv on 127.0.0.1) that goes away between opening and searching.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/search_shards.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace xapian_arabic;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("xa-shards-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  static inline int n = 0;
};

/// A database of one article analyzed with @p settings, as the indexer writes it.
void make_index(const fs::path& path, const AnalysisSettings& settings, const std::string& text,
                IndexLayout layout = IndexLayout::stems) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  const Analyzer analyzer(settings, layout);
  Xapian::Document doc;
  analyzer.index_text(doc, text);
  doc.set_data("id=" + path.filename().string() + "\ntitle=" + text + "\ntext=" + text);
  db.add_document(doc);
  analyzer.write_metadata(db);
  db.commit();
}

AnalysisSettings unstemmed() {
  AnalysisSettings s;
  s.stemmer = StemmerKind::none;
  return s;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

/// xapian-tcpsrv on 127.0.0.1 in a process group of its own, killed (with the children it
/// forks per connection) when this goes out of scope, whatever the test's outcome.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) start(db);
    REQUIRE(pid_ > 0);
  }
  ~TcpServer() { kill(); }
  unsigned port() const { return port_; }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  static unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
  }
  static bool accepts(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
  }
  void start(const std::string& db) {
    port_ = free_port();
    const std::string port = std::to_string(port_);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::setsid();
      const int null = ::open("/dev/null", O_WRONLY);  // its messages about our closed connections
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port.c_str(),
               db.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200; ++i) {  // ready when it accepts; gone if the port was taken meanwhile
      if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
      if (accepts(port_)) {
        pid_ = pid;
        return;
      }
      ::usleep(20000);
    }
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }

  pid_t pid_ = -1;
  unsigned port_ = 0;
};

}  // namespace

TEST_CASE("a combined database whose second shard has other analysis settings is refused, naming it", "[shards]") {
  TempDir tmp;
  make_index(tmp.path / "a", AnalysisSettings{}, "روسيا");
  make_index(tmp.path / "b", unstemmed(), "روسيا");
  Xapian::Database db((tmp.path / "a").string());
  db.add_database(Xapian::Database((tmp.path / "b").string()));
  // Xapian's metadata of a combined database is the first shard's: the check must look at each.
  CHECK_THROWS_WITH(NewsSearch(db), Catch::Contains("(database 2 of 2)") && Catch::Contains("stemmer"));
  CHECK_THROWS_AS(NewsSearch(db, Config::defaults()), IncompatibleIndexError);
}

TEST_CASE("shards of two layouts are refused, naming the odd shard", "[shards][layout]") {
  TempDir tmp;
  make_index(tmp.path / "a", AnalysisSettings{}, "روسيا", IndexLayout::stems);
  make_index(tmp.path / "b", AnalysisSettings{}, "روسيا", IndexLayout::words);
  Xapian::Database db((tmp.path / "a").string());
  db.add_database(Xapian::Database((tmp.path / "b").string()));
  CHECK_THROWS_WITH(NewsSearch(db), Catch::Contains("(database 2 of 2)") &&
                                        Catch::Contains("[index] layout = \"words\" in the index, \"stems\" here"));
  CHECK_THROWS_AS(NewsSearch(db, Config::defaults()), IncompatibleIndexError);
  // The same shards one layout each: searched together.
  make_index(tmp.path / "b", AnalysisSettings{}, "روسيا", IndexLayout::stems);
  Xapian::Database same((tmp.path / "a").string());
  same.add_database(Xapian::Database((tmp.path / "b").string()));
  SearchRequest request;
  request.query = "روسيا";
  CHECK(NewsSearch(same).search(request).hits.size() == 2);
}

TEST_CASE("equal scores come in the same order from one database and from shards", "[shards]") {
  // Two articles of the same text score the same; Xapian orders ties by docid, which the shards
  // interleave (shard 0's first document is docid 1, shard 1's is docid 2): here the one database
  // has x before y and the shards y before x.
  TempDir tmp;
  const Analyzer analyzer{AnalysisSettings{}};
  const auto add = [&](Xapian::WritableDatabase& db, const std::string& id, const std::string& hash) {
    Xapian::Document doc;
    analyzer.index_text(doc, "روسيا والعراق");
    doc.add_value(schema::kContentHashSlot, hash);
    doc.set_data("id=" + id);
    db.add_document(doc);
    analyzer.write_metadata(db);
    db.commit();
  };
  Xapian::WritableDatabase one((tmp.path / "one").string(), Xapian::DB_CREATE);
  add(one, "x", "1111111111111111");
  add(one, "y", "2222222222222222");
  Xapian::WritableDatabase shard0((tmp.path / "s0").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase shard1((tmp.path / "s1").string(), Xapian::DB_CREATE);
  add(shard0, "y", "2222222222222222");
  add(shard1, "x", "1111111111111111");
  SearchRequest request;
  request.query = "روسيا";
  const auto ids = [&](const std::vector<std::string>& dbs) {
    std::vector<std::string> out;
    for (const SearchHit& hit : NewsSearch(open_shards(dbs)).search(request).hits) out.push_back(hit.id);
    return out;
  };
  const std::vector<std::string> want = ids({(tmp.path / "one").string()});
  REQUIRE(want.size() == 2);
  CHECK(ids({(tmp.path / "s0").string(), (tmp.path / "s1").string()}) == want);
}

TEST_CASE("open_shards reads stub files and folders line by line, relative to the stub", "[shards]") {
  TempDir tmp;
  make_index(tmp.path / "a", AnalysisSettings{}, "روسيا");
  make_index(tmp.path / "b", AnalysisSettings{}, "العراق");
  fs::create_directories(tmp.path / "set");
  write(tmp.path / "set" / "XAPIANDB", "# shards\n\nauto ../a\nglass " + (tmp.path / "b").string() + "\n");
  const std::vector<Shard> shards = open_shards({(tmp.path / "set").string()});
  REQUIRE(shards.size() == 2);
  CHECK(shards[0].name == (tmp.path / "a").string());
  CHECK(shards[1].name == (tmp.path / "b").string());
  SearchRequest request;
  request.query = "روسيا OR العراق";
  CHECK(NewsSearch(shards).search(request).hits.size() == 2);

  write(tmp.path / "bad.stub", "auto a\nremote nowhere\n");
  CHECK_THROWS_WITH(open_shards({(tmp.path / "bad.stub").string()}),
                    Catch::Contains("bad.stub:2: 'remote nowhere': want HOST:PORT"));
  write(tmp.path / "self.stub", "auto self.stub\n");
  CHECK_THROWS_WITH(open_shards({(tmp.path / "self.stub").string()}), Catch::Contains("nested more than"));
  write(tmp.path / "empty.stub", "# nothing\n");
  CHECK_THROWS_WITH(open_shards({(tmp.path / "empty.stub").string()}), Catch::Contains("lists no databases"));
  CHECK_THROWS_WITH(open_shards({(tmp.path / "missing").string()}), Catch::Contains("no such file or folder"));
}

TEST_CASE("a remote shard that goes away after it was opened is a ShardUnavailableError naming it",
          "[shards][remote]") {
  TempDir tmp;
  make_index(tmp.path / "local", AnalysisSettings{}, "روسيا");
  make_index(tmp.path / "served", AnalysisSettings{}, "روسيا العراق");
  TcpServer server((tmp.path / "served").string());
  write(tmp.path / "shards.stub", "auto local\nremote 127.0.0.1:" + std::to_string(server.port()) + "\n");
  RemoteTimeouts timeouts;
  timeouts.timeout_ms = timeouts.connect_timeout_ms = 2000;
  const NewsSearch search(open_shards({(tmp.path / "shards.stub").string()}, timeouts));
  SearchRequest request;
  request.query = "روسيا";
  CHECK(search.search(request).hits.size() == 2);
  server.kill();  // and the child serving our connection: the socket closes
  const std::string name =
      (tmp.path / "shards.stub").string() + ":2 (remote 127.0.0.1:" + std::to_string(server.port()) + ")";
  CHECK_THROWS_AS(search.search(request), ShardUnavailableError);
  CHECK_THROWS_WITH(search.search(request), Catch::Contains("shard " + name));
}
