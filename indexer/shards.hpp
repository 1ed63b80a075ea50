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

/// Decides the layout for a run asked for `shards` (0 = whatever exists, else
/// 1). Creates the stub for a new sharded index. Throws IndexError when the
/// request contradicts the existing index. Returns the databases to write.
std::vector<std::filesystem::path> prepare_layout(const std::filesystem::path& db, unsigned shards);

/// Which of `count` shards an article goes to.
std::size_t shard_of(std::string_view article_key, std::size_t count);

}  // namespace graf::indexer
