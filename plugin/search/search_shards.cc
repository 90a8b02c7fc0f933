/** @file
 *  @brief open_shards(): index folders, stub files and folders, remote shards, each with its name.
 */
#include <xapian_arabic/search_shards.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "search/shard_call.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

// A stub lists databases, not data: anything bigger is not a stub, and is not read whole.
constexpr std::uintmax_t kMaxStubBytes = 1 << 20;
// auto lines may name stubs; a stub that lists itself must not recurse for ever.
constexpr int kMaxStubDepth = 8;

/// A single-file glass database starts with this (Xapian's own check, backends/dbfactory.cc).
bool is_single_file_database(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[14] = {};
  return in.read(magic, sizeof magic) && std::memcmp(magic, "\x0f\x0dXapian Glass", 14) == 0;
}

class ShardOpener {
 public:
  ShardOpener(const RemoteTimeouts& timeouts, std::vector<Shard>& out) : timeouts_(timeouts), out_(out) {}

  void open(const std::string& name, int depth) {
    std::error_code ec;
    const fs::file_status st = fs::status(name, ec);
    if (ec || !fs::exists(st)) throw ShardError("cannot open the index " + name + ": no such file or folder");
    if (fs::is_directory(st)) {
      if (fs::exists(name + "/iamglass") || fs::exists(name + "/iamchert")) return open_local(name, name);
      if (fs::exists(name + "/XAPIANDB")) return open_stub(name + "/XAPIANDB", depth);
      throw ShardError("cannot open the index " + name + ": not a Xapian database (no iamglass, no XAPIANDB stub)");
    }
    if (!fs::is_regular_file(st)) throw ShardError("cannot open the index " + name + ": not a file or folder");
    if (is_single_file_database(name)) return open_local(name, name);
    open_stub(name, depth);
  }

 private:
  void open_local(const std::string& path, const std::string& name) {
    try {
      out_.push_back({name, Xapian::Database(path)});
    } catch (const Xapian::Error& e) {
      throw ShardError("cannot open the index " + name + ": " + e.get_msg());
    }
  }

  void open_stub(const std::string& file, int depth) {
    if (depth >= kMaxStubDepth)
      throw ShardError(file + ": stub databases nested more than " + std::to_string(kMaxStubDepth) +
                       " deep (does a stub list itself?)");
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) throw ShardError("cannot open the index " + file + ": " + ec.message());
    if (size > kMaxStubBytes)
      throw ShardError("cannot open the index " + file + ": not a Xapian database, and too big (" +
                       std::to_string(size) + " bytes) for a stub file listing databases");
    std::ifstream in(file);
    if (!in) throw ShardError("cannot open the stub database " + file + ": " + std::strerror(errno));
    const fs::path folder = fs::path(file).parent_path();
    std::string line;
    std::size_t line_no = 0, listed = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      ++listed;
      const std::string where = file + ":" + std::to_string(line_no);
      const std::size_t space = line.find(' ');
      const std::string type = line.substr(0, space);
      const std::string rest = space == std::string::npos ? std::string() : line.substr(space + 1);
      if ((type == "auto" || type == "glass" || type == "chert") && !rest.empty()) {
        const fs::path p = fs::path(rest).is_absolute() ? fs::path(rest) : folder / rest;
        open(p.lexically_normal().string(), depth + 1);
      } else if (type == "remote" && !rest.empty()) {
        open_remote(rest, where);
      } else if (type == "inmemory" && rest.empty()) {
        out_.push_back({where + " (inmemory)", Xapian::Database(std::string(), Xapian::DB_BACKEND_INMEMORY)});
      } else {
        throw ShardError(where +
                         ": not a database line (want 'auto PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS')");
      }
    }
    if (listed == 0) throw ShardError(file + ": the stub database lists no databases");
  }

  void open_remote(const std::string& spec, const std::string& where) {
    const std::string name = where + " (remote " + spec + ")";
    try {
      if (spec[0] == ':') {  // prog: ":PROGRAM ARGS"
        const std::size_t space = spec.find(' ');
        const std::string program = spec.substr(1, space == std::string::npos ? std::string::npos : space - 1);
        const std::string args = space == std::string::npos ? std::string() : spec.substr(space + 1);
        out_.push_back({name, Xapian::Remote::open(program, args, timeouts_.timeout_ms)});
        return;
      }
      const std::size_t colon = spec.rfind(':');
      std::string host = colon == std::string::npos ? std::string() : spec.substr(0, colon);
      if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
      unsigned port = 0;
      try {
        const std::string digits = spec.substr(colon + 1);
        std::size_t used = 0;
        port = digits.empty() ? 0 : static_cast<unsigned>(std::stoul(digits, &used));
        if (used != digits.size()) port = 0;
      } catch (const std::exception&) {
        port = 0;
      }
      if (host.empty() || port == 0 || port > 65535)
        throw ShardError(where + ": 'remote " + spec + "': want HOST:PORT (tcp) or :PROGRAM ARGS (prog)");
      out_.push_back({name, Xapian::Remote::open(host, port, timeouts_.timeout_ms, timeouts_.connect_timeout_ms)});
    } catch (const Xapian::NetworkError& e) {
      throw ShardUnavailableError("cannot reach the shard " + name + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw ShardError("cannot open the shard " + name + ": " + e.get_type() + ": " + e.get_msg());
    }
  }

  const RemoteTimeouts& timeouts_;
  std::vector<Shard>& out_;
};

}  // namespace

std::vector<Shard> open_shards(const std::vector<std::string>& names, const RemoteTimeouts& timeouts) {
  if (names.empty()) throw ShardError("no database to search");
  std::vector<Shard> shards;
  ShardOpener opener(timeouts, shards);
  for (const std::string& name : names) opener.open(name, 0);
  return shards;
}

std::vector<Shard> split_shards(const Xapian::Database& db, const std::string& description) {
  std::vector<Shard> shards;
  const std::size_t n = db.size();
  if (n == 1) return {{description, db}};
  for (std::size_t i = 0; i < n; ++i)
    shards.push_back({description + " (database " + std::to_string(i + 1) + " of " + std::to_string(n) + ")",
                      Xapian::Database(db.internal[i].get())});
  return shards;
}

namespace {

/// "HOST:PORT" or ":PROGRAM ARGS" of a shard named "... (remote SPEC)"; empty for a local one.
std::string remote_spec(const std::string& name) {
  static const std::string mark = " (remote ";
  const std::size_t at = name.rfind(mark);
  if (at == std::string::npos || name.back() != ')') return {};
  return name.substr(at + mark.size(), name.size() - at - mark.size() - 1);
}

/// Xapian's context of a remote connection to @p spec (net/remotetcpclient.h, progclient.h).
bool context_names(const std::string& context, const std::string& spec) {
  if (spec.empty()) return false;
  if (spec[0] == ':') return context == "remote:prog(" + spec.substr(1) + ")";
  return context == "remote:tcp(" + spec + ")";
}

}  // namespace

void throw_shard_error(const std::vector<Shard>& shards, const Xapian::NetworkError& e) {
  const bool timeout = std::string(e.get_type()) == "NetworkTimeoutError";  // Xapian::Error has no vtable
  const auto error_for = [&](const std::string& name, const std::string& msg) {
    return ShardUnavailableError("shard " + name + (timeout ? " did not answer in time: " : " is down or went away: ") +
                                 msg);
  };
  for (const Shard& shard : shards)
    if (context_names(e.get_context(), remote_spec(shard.name))) throw error_for(shard.name, e.get_msg());
  // No context to go by: ask each remote shard (a local keep_alive() does nothing).
  for (const Shard& shard : shards) {
    if (remote_spec(shard.name).empty()) continue;
    try {
      Xapian::Database db = shard.db;
      db.keep_alive();
    } catch (const Xapian::NetworkError&) {
      throw error_for(shard.name, e.get_msg());
    }
  }
  throw ShardUnavailableError("a remote shard failed: " + e.get_description());
}

}  // namespace xapian_arabic
