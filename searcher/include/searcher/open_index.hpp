#pragma once
// Opening an index for reading: one database folder, or a Xapian stub (a
// folder holding XAPIANDB, or the stub file itself) listing local and remote
// shards. graf reads the stub itself, shard by shard, so it can name the
// shard that does not answer, go on without it when asked to, and read each
// shard's own metadata (Xapian 1.4 reads a combined database's metadata from
// its first shard only).
#include <xapian.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "error/error.hpp"

namespace graf::searcher {

/// No usable index at the path: the message says to run `graf index`.
class IndexMissing : public Error {
  public:
    explicit IndexMissing(const std::string& message) : Error(kNothing, message) {}
};

/// A shard did not answer; the message names it and says what to do.
class ShardUnreachable : public Error {
  public:
    explicit ShardUnreachable(const std::string& message) : Error(kNothing, message) {}
};

struct MissingShard {
    std::string shard;   ///< as the stub lists it: "remote 10.0.0.2:8100" or a folder
    std::string reason;  ///< Xapian's error
};

/// A shard written by a graf with another index schema: it opens and mostly
/// answers, but what the schema changed (e.g. stem variants) is missing.
struct StaleShard {
    std::string shard;
    std::string version;  ///< its schema version, empty if none
};

struct OpenIndex {
    Xapian::Database all;                  ///< every shard that answered, searched as one
    std::vector<Xapian::Database> shards;  ///< the same shards one by one
    std::vector<MissingShard> missing;     ///< shards left out (only with allow_partial)
    std::vector<StaleShard> stale;         ///< shards to re-index with this graf
};

/// Graf's default wait for a remote shard to accept a connection.
inline constexpr unsigned kDefaultConnectTimeoutMs = 2000;

/// How long every later open_index waits for a remote shard to accept a
/// connection (`--connect-timeout`); the process's setting, for all threads.
void set_connect_timeout_ms(unsigned ms);

/// With allow_partial, shards that cannot be opened are listed in `missing`
/// instead of failing (at least one must answer); otherwise the first one
/// throws ShardUnreachable (remote) or IndexMissing (local).
OpenIndex open_index(const std::filesystem::path& db, bool allow_partial = false);

/// Makes every shard's record dictionaries known to schema::read_record
/// (schema/record_codec.hpp): at opening, and again at each new revision,
/// which may bring a dictionary (a small index's first). One metadata key
/// lookup per shard; a dictionary already known is not read again.
void learn_record_dictionaries(const OpenIndex& index);

/// Whether `shard` is served by a remote server (graf's own posting sources
/// and match deciders cannot run there: xapian-tcpsrv knows no graf code).
bool is_remote(const Xapian::Database& shard);

}  // namespace graf::searcher
