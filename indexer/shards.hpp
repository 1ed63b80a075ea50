#pragma once
// Where an index's databases live. A plain index is one Xapian database in
// the --db folder. A sharded index (`graf index --shards N`) keeps N databases
// in sub-folders shard-00 … and a Xapian stub file XAPIANDB listing them, so
// Xapian (and every graf command, xapian-delve, quest) opens the folder as one
// database. An article's shard is a stable hash of its id, so re-indexing
// stays incremental.
#include <filesystem>
#include <string_view>
#include <vector>

namespace graf::indexer {

inline constexpr std::string_view kStubFile = "XAPIANDB";

/// The shard folders of a sharded index; empty for a plain (or no) index.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db);

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

/// Which of `count` shards an article goes to.
std::size_t shard_of(std::string_view article_key, std::size_t count);

}  // namespace graf::indexer
