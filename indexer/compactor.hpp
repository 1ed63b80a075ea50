#pragma once
// Rewrites an index into Xapian's compact form: full B-tree blocks, about
// half the size of a freshly written index and faster to search. Used by
// `graf compact` and at the end of a `graf index` run that built a new index.
#include <cstdint>
#include <filesystem>

namespace graf::indexer {

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
