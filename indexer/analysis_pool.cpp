#include "indexer/analysis_pool.hpp"

namespace graf::indexer {

AnalysisPool::AnalysisPool(unsigned threads, std::size_t shards, WorkQueue& work,
                           const std::atomic<const schema::RecordCompressor*>& records) {
    for (unsigned t = 0; t < threads; ++t) {
        threads_.emplace_back([&work, &records, shards] {
            ArticleAnalyzer analyzer(shards);
            while (auto job = work.pop()) {
                Job& j = **job;
                try {
                    std::vector<AnalyzedArticle> out;
                    out.reserve(j.articles.size());
                    for (std::size_t i = 0; i < j.articles.size(); ++i) {
                        out.push_back(analyzer.analyze(j.articles[i], std::move(j.changes[i])));
                        if (const auto* c = records.load(std::memory_order_acquire))
                            store_records(out.back(), c);
                    }
                    j.done.set_value(std::move(out));
                } catch (...) {
                    j.done.set_exception(std::current_exception());
                }
            }
        });
    }
}

void AnalysisPool::join() {
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

}  // namespace graf::indexer
