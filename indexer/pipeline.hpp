#pragma once
// What the stages of `graf index` hand each other (index_builder.cpp wires
// them): the reader (change_reader) sends batches of changed articles to the
// analysis pool and, in corpus order, their futures to the writer set.
#include <atomic>
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/article.hpp"
#include "indexer/article_analyzer.hpp"
#include "indexer/bounded_queue.hpp"

namespace graf::indexer {

/// Article key → content hash, as stored in every shard's metadata.
using KnownHashes = std::unordered_map<std::string, std::string>;

/// Articles travel in batches so queue hand-offs stay rare next to the work.
inline constexpr std::size_t kBatchArticles = 64;

struct Job {
    std::vector<corpus::Article> articles;
    std::vector<ArticleChange> changes;
    std::promise<std::vector<AnalyzedArticle>> done;
};

using WorkQueue = BoundedQueue<std::shared_ptr<Job>>;
using OrderQueue = BoundedQueue<std::future<std::vector<AnalyzedArticle>>>;

/// Counters shared by the reader, the writers and the progress line.
struct Counters {
    std::atomic<std::uint64_t> bytes_done{0}, articles{0}, paragraphs{0};
};

}  // namespace graf::indexer
