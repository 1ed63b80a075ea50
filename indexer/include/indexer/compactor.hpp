#pragma once
// Rewrites an index into Xapian's compact form: full B-tree blocks, about
// half the size of a freshly written index and faster to search. Used by
// `graf compact` and at the end of a `graf index` run that built a new index.
#include <cstdint>
#include <filesystem>

namespace graf::indexer {

/// B-tree block size of a new or compacted database. Every block Xapian
/// reads is a pread that copies the whole block; on this project's machines
/// the syscalls are half of a name query's wall time (perf: 48% in pread).
/// With schema 4, 16 KB won; with schema 5 (each hit's record in the
/// postlist table) 8 KB won. Schema 8 reads more, scattered, values per
/// search (article documents' lengths and collapse keys), and 32 KB wins on
/// every kind on Reuters (graf bench, min of 10 runs, three alternating
/// rounds, p50 8 / 16 / 32 KB): name 553 / 476 / 476 us, phrase 960 / 842 /
/// 799, terms 1091 / 1034 / 973, rare 174 / 169 / 149, boolean 1842 / 1716 /
/// 1537, all 785 / 698 / 675. An index keeps the block size it was created
/// with until `graf compact` rewrites it.
inline constexpr unsigned kBlockSize = 32768;

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
