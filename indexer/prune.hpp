#pragma once
// `graf index --prune`: which articles go, and when pruning is refused.
// Pruning deletes the articles of this run's sources that the run did not
// read, and only after a run that read every input: a wrong or empty path,
// an unreadable file or a feed that yielded nothing must never empty an index.
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "indexer/change_reader.hpp"

namespace graf::indexer {

struct PrunePlan {
    std::vector<std::vector<std::string>> keys;  ///< per shard: article keys to delete
    std::vector<std::string> ids;                ///< the same, as ids, sorted (for --dry-run)
    std::uint64_t count = 0;
    std::uint64_t articles = 0;  ///< articles in the index before pruning
    std::string refused;         ///< why nothing is deleted, or empty
};

struct PruneInputs {
    std::vector<std::filesystem::path> inputs;  ///< the CORPUS arguments
    std::set<std::string> sources;              ///< their source names
    std::uint64_t skipped = 0;                  ///< inputs (files, lines) not read
    bool confirmed = false;                     ///< --yes
};

/// Plans the pruning of the shards whose known hashes are given, from what
/// the run read. A plan over half of the index is refused unless confirmed.
PrunePlan plan_prune(const std::vector<const KnownHashes*>& shards, const ReadOutcome& read,
                     const PruneInputs& in);

}  // namespace graf::indexer
