#pragma once
// The analysis stage of `graf index`: threads that turn each batch of
// articles into Xapian documents (ArticleAnalyzer), fulfilling the batch's
// promise so the writer receives batches in corpus order.
#include <thread>
#include <vector>

#include "indexer/pipeline.hpp"

namespace graf::indexer {

class AnalysisPool {
  public:
    /// `shards`: databases of the index (each analyzer tracks per shard
    /// which stem variants it has sent).
    AnalysisPool(unsigned threads, std::size_t shards, WorkQueue& work);
    ~AnalysisPool() { join(); }
    AnalysisPool(const AnalysisPool&) = delete;
    AnalysisPool& operator=(const AnalysisPool&) = delete;
    /// Returns once the work queue is closed and drained.
    void join();

  private:
    std::vector<std::thread> threads_;
};

}  // namespace graf::indexer
