#pragma once
// Rewrites an index into Xapian's compact form: full B-tree blocks, about
// half the size of a freshly written index and faster to search. Used by
// `graf compact` and at the end of a `graf index` run that built a new index.
#include <cstdint>
#include <filesystem>

namespace graf::indexer {

/// B-tree block size of a new or compacted database. Every block Xapian
/// reads is a pread that copies the whole block (23% of a rare-word query was
/// that copy, perf). With schema 4, 16 KB won (fewer collapse reads: name p99
/// -10%); since schema 5 puts each hit's record in the postlist table, 8 KB
/// (Xapian's default) wins everywhere on Reuters: name p50 -17%, terms -13%,
/// rare -18%, all p50 -10%, and 32 KB loses (graf bench, alternated twice).
inline constexpr unsigned kBlockSize = 8192;

struct CompactStats {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
    double seconds = 0;
};

/// Compacts the database folder `db` in place; a sharded index (schema/layout.hpp)
/// becomes one database, the fastest to search. Holds the index's write lock
/// throughout, so no `graf index` can commit changes that the swap would
/// lose. Throws IndexError (locked, read-only, disk full); on failure the
/// original index is left as it was.
CompactStats compact_index(const std::filesystem::path& db);

}  // namespace graf::indexer
