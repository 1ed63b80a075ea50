#pragma once
// The writing stage of `graf index`: one ShardWriter per database of the
// index. A single database is written from the calling thread; a sharded
// index (or a parallel build) gets one writer thread per shard, because one
// Xapian database has one writer and that writer is most of indexing's time.
#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "indexer/article_norms.hpp"
#include "indexer/shard_writer.hpp"
#include "indexer/shards.hpp"

namespace graf::indexer {

class WriterSet {
  public:
    WriterSet(const Layout& layout, std::size_t commit_paragraphs, Counters& counters);
    ~WriterSet();
    WriterSet(const WriterSet&) = delete;
    WriterSet& operator=(const WriterSet&) = delete;

    std::size_t size() const { return writers_.size(); }
    ShardWriter& operator[](std::size_t i) { return *writers_[i]; }
    /// Every shard's content hashes; an article's shard never changes, so
    /// its old version is in the shard it goes to.
    const KnownHashes& known() const { return known_; }
    bool was_empty() const;  ///< every database was empty: a new index
    bool legacy() const;     ///< some database was written by an older schema

    /// Hands an article to its shard's writer; false when that writer has
    /// failed (drain() then rethrows its error). While the index's mean
    /// article length is still being measured, the article waits.
    bool write(AnalyzedArticle& a);
    /// The index's record dictionary once it exists, for the analysis
    /// threads: compressing there keeps the work off the writers, which
    /// are indexing's bottleneck (null until trained, or without one).
    const std::atomic<const schema::RecordCompressor*>& records() const { return published_; }
    /// Writes what waits and waits for the shard threads to write what
    /// they were given; rethrows the first writer failure. (The length
    /// sample is recorded in every database before the first article
    /// normalised by it is handed on.)
    void drain();
    /// Sets a metadata entry in every database (after drain()).
    void set_metadata(const std::string& key, const std::string& value);
    /// Commits and closes every database.
    void finish();
    /// Abandons the uncommitted batch of every database.
    void cancel() noexcept;
    /// Added, replaced and paragraph counts over all shards.
    IndexStats totals() const;

  private:
    void stop_threads() noexcept;
    void dispatch(AnalyzedArticle& a);
    void release_held();
    void train_records();

    std::vector<std::unique_ptr<ShardWriter>> writers_;
    KnownHashes known_;
    Counters& counters_;
    std::vector<IndexStats> stats_;
    std::vector<std::unique_ptr<BoundedQueue<AnalyzedArticle>>> queues_;
    std::vector<std::thread> threads_;
    std::vector<std::exception_ptr> failures_;  ///< read only once the threads are joined
    std::atomic<bool> failed_{false};
    /// The lengths the index's mean article length is measured on, and the
    /// articles held back while it is (article_norms.hpp).
    schema::ArticleLengths sample_;
    bool sampling_ = false;
    std::vector<AnalyzedArticle> held_;
    /// The index's record dictionary; trained on the held-back articles
    /// when the index has none (schema/record_codec.hpp).
    std::optional<schema::RecordCompressor> records_;
    std::atomic<const schema::RecordCompressor*> published_{nullptr};
};

}  // namespace graf::indexer
