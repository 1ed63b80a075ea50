#include "indexer/writer_set.hpp"

namespace graf::indexer {

WriterSet::WriterSet(const Layout& layout, std::size_t commit_paragraphs, Counters& counters)
    : counters_(counters) {
    for (const auto& path : layout.databases) {
        writers_.push_back(std::make_unique<ShardWriter>(path, commit_paragraphs));
        known_.insert(writers_.back()->known().begin(), writers_.back()->known().end());
        // Every shard holds the same sample; a new shard (none yet) the least.
        const schema::ArticleLengths sample = writers_.back()->length_sample();
        if (sample.articles > sample_.articles) sample_ = sample;
        if (!records_) records_ = writers_.back()->record_compressor();
    }
    if (records_) {
        // Each database holds the dictionary its records name, so a shard
        // is readable alone (shards built apart each brought their own).
        for (auto& w : writers_) w->keep_dictionary(*records_);
        published_.store(&*records_, std::memory_order_release);
    }
    sampling_ = sample_.articles < kLengthSampleArticles;
    const std::size_t n = writers_.size();
    stats_.resize(n);
    failures_.resize(n);
    if (n == 1) return;
    // Every queue before any thread: a thread reads queues_ while a later
    // push_back could move its elements (ASan caught a thread locking a
    // mutex at a garbage address).
    for (std::size_t i = 0; i < n; ++i)
        queues_.push_back(std::make_unique<BoundedQueue<AnalyzedArticle>>(kBatchArticles * 2));
    for (std::size_t i = 0; i < n; ++i) {
        threads_.emplace_back([this, i] {
            try {
                while (auto a = queues_[i]->pop()) writers_[i]->write(*a, stats_[i], counters_);
            } catch (...) {
                failures_[i] = std::current_exception();
                failed_ = true;
                queues_[i]->close();
                while (queues_[i]->pop()) {
                }
            }
        });
    }
}

WriterSet::~WriterSet() {
    stop_threads();
}

bool WriterSet::was_empty() const {
    for (const auto& w : writers_)
        if (!w->was_empty()) return false;
    return true;
}

bool WriterSet::legacy() const {
    for (const auto& w : writers_)
        if (w->legacy()) return true;
    return false;
}

// Articles arrive in input order (whatever the threads), so the sample,
// and with it every wdf, is the same for one database, shards or a
// parallel build.
bool WriterSet::write(AnalyzedArticle& a) {
    if (!sampling_) {
        dispatch(a);
        return !failed_;
    }
    sample_.articles += 1;
    sample_.words += article_length(a.article);
    held_.push_back(std::move(a));
    if (sample_.articles >= kLengthSampleArticles) release_held();
    return !failed_;
}

// The sample is written before the first article it normalises, so a run
// interrupted after any commit leaves the index with the mean its wdfs
// were computed from (the next run must not measure another one). The
// writer threads are idle: nothing has been dispatched while sampling.
void WriterSet::release_held() {
    sampling_ = false;
    if (sample_.articles > 0)
        set_metadata(std::string(schema::kArticleLengthsKey),
                     schema::format_article_lengths(sample_));
    if (!records_) train_records();
    for (AnalyzedArticle& a : held_) dispatch(a);
    held_.clear();
    held_.shrink_to_fit();
}

// The held-back articles are the index's first (or, in an index too
// small for a dictionary so far, this run's first): their records train the
// dictionary every later record is compressed with. It is kept in every
// database before a record needs it, like the length sample.
void WriterSet::train_records() {
    std::vector<std::string> records;
    for (const AnalyzedArticle& a : held_)
        for (const Xapian::Document& doc : a.paragraphs)
            records.push_back(doc.get_value(schema::kRecordSlot));
    records_ = schema::RecordCompressor::train(records);
    if (!records_) return;
    set_metadata(schema::record_dictionary_key(records_->id()), records_->dictionary());
    set_metadata(std::string(schema::kRecordDictCurrentKey), records_->id());
    published_.store(&*records_, std::memory_order_release);
}

void WriterSet::dispatch(AnalyzedArticle& a) {
    a.mean_length = sample_.mean();
    a.records = records_ ? &*records_ : nullptr;
    if (writers_.size() == 1)
        writers_[0]->write(a, stats_[0], counters_);
    else
        queues_[a.shard]->push(std::move(a));
}

void WriterSet::stop_threads() noexcept {
    for (auto& q : queues_) q->close();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

void WriterSet::drain() {
    if (sampling_) release_held();
    stop_threads();  // the threads are joined: failures_ may be read
    for (const auto& failure : failures_)
        if (failure) std::rethrow_exception(failure);
}

void WriterSet::set_metadata(const std::string& key, const std::string& value) {
    for (auto& w : writers_) w->set_metadata(key, value);
}

void WriterSet::finish() {
    for (auto& w : writers_) w->finish();
}

void WriterSet::cancel() noexcept {
    stop_threads();
    for (auto& w : writers_) w->cancel();
}

IndexStats WriterSet::totals() const {
    IndexStats total;
    for (const IndexStats& s : stats_) {
        total.articles_added += s.articles_added;
        total.articles_replaced += s.articles_replaced;
        total.paragraphs += s.paragraphs;
    }
    return total;
}

}  // namespace graf::indexer
