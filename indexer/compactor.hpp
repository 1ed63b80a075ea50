#pragma once
// Rewrites an index into Xapian's compact form: full B-tree blocks, about
// half the size of a freshly written index and faster to search. Used by
// `graf compact` and at the end of a `graf index` run that built a new index.
#include <cstdint>
#include <filesystem>

namespace graf::indexer {

/// B-tree block size of a new or compacted database (Xapian's default is
/// 8 KB). A name query's collapse reads the article key of hundreds of
/// scattered paragraphs, one pread per block: with 16 KB, Reuters name p99
/// -10% and phrase p50 -8%, rare words +10% (graf bench, 2 runs of 10 each);
/// 64 KB helped names more but slowed long queries 20%.
inline constexpr unsigned kBlockSize = 16384;

struct CompactStats {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
    double seconds = 0;
};

/// Compacts the database folder `db` in place; a sharded index (shards.hpp)
/// becomes one database, the fastest to search. Holds the index's write lock
/// throughout, so no `graf index` can commit changes that the swap would
/// lose. Throws IndexError (locked, read-only, disk full); on failure the
/// original index is left as it was.
CompactStats compact_index(const std::filesystem::path& db);

/// Bytes of the files in a database folder.
std::uint64_t index_bytes(const std::filesystem::path& db);

}  // namespace graf::indexer
