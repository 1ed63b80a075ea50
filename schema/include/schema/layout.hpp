#pragma once
// The one definition of an index's files on disk, shared by the indexer
// (which writes them) and the searcher (which reads them):
// - a plain index is one Xapian database in the --db folder;
// - a sharded index keeps databases shard-00 … beside a Xapian stub file
//   XAPIANDB listing them (`auto shard-00` lines), which Xapian, every graf
//   command, xapian-delve and quest open as one database; a parallel build
//   not yet merged marks the stub with a first comment line;
// - work folders are siblings of the index (so renames stay on one file
//   system): DB.creating (a sharded index being created), DB.compacting (the
//   compacted copy), DB.precompact (the original during the swap).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace graf::schema {

inline constexpr std::string_view kStubFile = "XAPIANDB";

std::filesystem::path stub_path(const std::filesystem::path& db);
std::filesystem::path creating_path(const std::filesystem::path& db);
std::filesystem::path compacting_path(const std::filesystem::path& db);
std::filesystem::path precompact_path(const std::filesystem::path& db);

/// "shard-00", "shard-01", …: the folder of shard `i` inside the index.
std::string shard_name(unsigned i);

/// True when `db` is a Xapian database folder (glass or chert), not a stub.
bool is_database(const std::filesystem::path& db);

/// A stub as graf writes it.
struct Stub {
    bool merge_pending = false;       ///< a parallel build, merged by the next complete run
    std::vector<std::string> shards;  ///< `auto` lines: folders relative to the stub
};

/// Reads `db`'s stub; an index without one (plain, or none) gives no shards.
/// Other lines (remote shards, comments) are the searcher's business.
Stub read_stub(const std::filesystem::path& db);
/// Writes `stub` as `file`, atomically (a temporary beside it, renamed).
/// Throws std::filesystem::filesystem_error.
void write_stub(const std::filesystem::path& file, const Stub& stub);
/// The shard folders of a sharded index; empty for a plain (or no) index.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db);

/// Bytes of the regular files under `path` (a database folder, a sharded
/// index) or of `path` itself when it is a file (a stub file).
std::uint64_t disk_bytes(const std::filesystem::path& path);

}  // namespace graf::schema

namespace graf::schema {

/// Why this process cannot write the index at `db`, naming the path at fault
/// (a read-only file system, a folder or file without write permission), or
/// empty when it can. Checks `db`'s folder, the files and shard folders in it
/// (or, when `db` does not exist yet, the folder it would be created in), and
/// with `siblings` the folder beside it, where compaction writes its copy.
std::string writable_problem(const std::filesystem::path& db, bool siblings);

}  // namespace graf::schema
