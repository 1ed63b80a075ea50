#pragma once
// Which databases an indexing run writes (schema/layout.hpp describes the
// files). An article's shard is a stable hash of its id, so re-indexing stays
// incremental.
#include <filesystem>
#include <string_view>
#include <vector>

namespace graf::indexer {

struct Layout {
    std::vector<std::filesystem::path> databases;  ///< the databases to write
    /// A parallel build (below) not yet merged: a run that completes merges
    /// the databases into one.
    bool merge_pending = false;
};

/// Decides the layout for a run asked for `shards` (0 = whatever exists, else
/// 1). A new index asked for no shard count with `build_writers` > 1 is a
/// parallel build: written as that many shards, marked in the stub, and
/// merged into one database by the run that completes it (one Xapian writer
/// is the bottleneck of indexing; the merge is a fast sequential copy).
/// Creates the stub for a new sharded index. Throws IndexError when the
/// request contradicts the existing index.
Layout prepare_layout(const std::filesystem::path& db, unsigned shards, unsigned build_writers);

/// Whether `db` is a parallel build not yet merged into one database.
bool merge_pending(const std::filesystem::path& db);

/// Which of `count` shards an article goes to, from the id its input gives
/// it (not its source name: an index built before source names keeps each
/// article in the shard it was in, so re-indexing replaces it there).
std::size_t shard_of(std::string_view local_key, std::size_t count);

}  // namespace graf::indexer
