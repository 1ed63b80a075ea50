#pragma once
// The analysis stage of `graf index`: threads that turn each batch of
// articles into Xapian documents (ArticleAnalyzer), fulfilling the batch's
// promise so the writer receives batches in corpus order.
#include <atomic>
#include <thread>
#include <vector>

#include "indexer/pipeline.hpp"
#include "schema/record_codec.hpp"

namespace graf::indexer {

class AnalysisPool {
  public:
    /// `shards`: databases of the index (each analyzer tracks per shard
    /// which stem variants it has sent).
    /// `records`: the index's record dictionary once it exists
    /// (WriterSet::records); records analysed after that are stored here.
    AnalysisPool(unsigned threads, std::size_t shards, WorkQueue& work,
                 const std::atomic<const schema::RecordCompressor*>& records);
    ~AnalysisPool() { join(); }
    AnalysisPool(const AnalysisPool&) = delete;
    AnalysisPool& operator=(const AnalysisPool&) = delete;
    /// Returns once the work queue is closed and drained.
    void join();

  private:
    std::vector<std::thread> threads_;
};

}  // namespace graf::indexer
