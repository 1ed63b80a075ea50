#pragma once
// Pruning most of a database by deleting documents one by one rewrites
// every posting list it touches (Reuters to 100 articles: 75.6 s, and the
// index grew to 163 MB before compaction). Copying the few
// documents that stay into a fresh database took 2.3 s, compaction included.
#include <filesystem>
#include <string>
#include <unordered_set>

namespace graf::indexer {

/// Replaces the database at `db` (one database, not a stub) by a copy
/// without the articles whose keys are given: written beside it, swapped in
/// with two renames (as compaction does), holding the write lock
/// throughout. Throws IndexError; on failure the database is unchanged.
void rebuild_without(const std::filesystem::path& db,
                     const std::unordered_set<std::string>& deleted_keys);

}  // namespace graf::indexer
