#pragma once
// `graf index`: reads a corpus, analyses articles on all cores and writes
// them into a Xapian database, incrementally and crash-safely.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/corpus_reader.hpp"
#include "corpus/problem.hpp"

#include "error/error.hpp"

namespace graf::indexer {

struct IndexOptions {
    std::filesystem::path db = "graf-index";
    std::vector<std::filesystem::path> inputs;
    unsigned threads = 0;  ///< analysis threads, and writers of a new index; 0 = one per core
    /// Databases written in parallel (see shards.hpp); 0 = as the index
    /// already is (one for a new index).
    unsigned shards = 0;
    /// The source name of every input (`--source`); empty: each input's default.
    std::string source;
    /// How feeds are read (the CSV columns of `--csv-columns`).
    corpus::ReadOptions read;
    bool prune = false;      ///< delete this run's sources' articles not found in the inputs
    bool prune_yes = false;  ///< --yes: prune even when that deletes over half the index
    /// Read the inputs and report what would change and what --prune would
    /// delete, writing nothing.
    bool dry_run = false;
    std::size_t commit_paragraphs =
        5'000;              ///< paragraphs per atomic commit (larger is no faster: measured)
    bool progress = false;  ///< a live progress line on stderr
    /// Compact at the end when this run built the index from empty (a
    /// quarter of the time of a re-index saves half the size; see compactor.hpp).
    bool compact_new = true;
    /// Set from a signal handler to stop early: what was analysed is committed.
    const std::atomic<bool>* stop = nullptr;
};

struct IndexStats {
    std::uint64_t articles_added = 0;      ///< new articles
    std::uint64_t articles_replaced = 0;   ///< changed since the last run
    std::uint64_t articles_unchanged = 0;  ///< skipped by content hash
    std::uint64_t articles_pruned = 0;
    std::uint64_t paragraphs = 0;      ///< paragraphs written
    std::uint64_t skipped_inputs = 0;  ///< files or lines not indexed
    std::uint64_t warnings = 0;
    std::uint64_t bytes = 0;  ///< input bytes read
    double seconds = 0;       ///< including compaction
    bool interrupted = false;
    bool compacted = false;
    std::string compact_error;             ///< why compaction failed (the index is complete)
    std::uint64_t index_bytes = 0;         ///< size on disk at the end
    std::uint64_t index_bytes_before = 0;  ///< of an index that existed before the run, else 0
    std::size_t shards = 1;
    std::string prune_refused;             ///< why --prune deleted nothing, or empty
    std::vector<std::string> would_prune;  ///< --dry-run: the ids --prune would delete
};

/// The database cannot be opened for writing (locked by another `graf index`,
/// read-only, disk full). Nothing already committed is lost.
class IndexError : public Error {
  public:
    explicit IndexError(const std::string& message) : Error(kIndexUnwritable, message) {}
};

/// Runs one indexing pass. Problems with inputs go to `problems` (and are
/// counted); corpus::CorpusError and IndexError are thrown.
IndexStats build_index(const IndexOptions& options, const corpus::ProblemSink& problems);

}  // namespace graf::indexer
