#include "indexer/index_builder.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "corpus/corpus_reader.hpp"
#include "indexer/article_analyzer.hpp"
#include "indexer/bounded_queue.hpp"
#include "indexer/compactor.hpp"
#include "indexer/shards.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Articles travel in batches so queue hand-offs stay rare next to the work.
constexpr std::size_t kBatchArticles = 64;

// Writers of a parallel build: each holds a batch in memory (~40 MB at the
// default --commit-every) and the final merge reads them all.
constexpr unsigned kMaxBuildWriters = 8;

struct Job {
    std::vector<corpus::Article> articles;
    std::vector<std::string> hashes;
    std::vector<bool> replaces;
    std::promise<std::vector<AnalyzedArticle>> done;
};

// Counters shared by the reader, the writer and the progress line.
struct Counters {
    std::atomic<std::uint64_t> bytes_done{0}, articles{0}, paragraphs{0};
};

Xapian::WritableDatabase open_for_writing(const fs::path& db) {
    std::error_code ec;
    if (fs::is_directory(db, ec) && !fs::is_empty(db, ec) && !fs::exists(db / "iamglass", ec) &&
        !fs::exists(db / "iamchert", ec))
        throw IndexError(fmt::format(
            "{}: this folder is not a graf index and not empty; choose another --db", db.string()));
    try {
        return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN, kBlockSize);
    } catch (const Xapian::DatabaseLockError&) {
        // Xapian cannot take the lock on a read-only file system either.
        if (access(db.c_str(), W_OK) != 0 && errno == EROFS)
            throw IndexError(fmt::format(
                "{}: the file system is read-only; index into a writable --db", db.string()));
        throw IndexError(fmt::format(
            "{}: another graf index is writing to this index; wait for it to finish", db.string()));
    } catch (const Xapian::Error& e) {
        throw IndexError(fmt::format("{}: cannot open the index for writing: {}", db.string(),
                                     e.get_description()));
    }
}

std::unordered_map<std::string, std::string> load_hashes(const Xapian::Database& db) {
    std::unordered_map<std::string, std::string> hashes;
    const std::string prefix(schema::kHashKeyPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        hashes.emplace((*it).substr(prefix.size()), db.get_metadata(*it));
    return hashes;
}

std::string format_duration(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
}

// Prints a live status line on stderr every half second until stopped.
class ProgressLine {
  public:
    ProgressLine(bool enabled, const Counters& c, std::uint64_t total_bytes) {
        if (!enabled) return;
        thread_ = std::thread([this, &c, total_bytes] {
            const auto start = Clock::now();
            std::unique_lock lock(mutex_);
            while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stopped_; })) {
                double secs = std::chrono::duration<double>(Clock::now() - start).count();
                double done = static_cast<double>(c.bytes_done.load());
                double rate = done / secs;
                std::string eta =
                    rate > 0 && total_bytes > done
                        ? format_duration((static_cast<double>(total_bytes) - done) / rate)
                        : "-";
                fmt::print(stderr,
                           "\r\x1b[Kindexing: {} articles, {} paragraphs, {:.1f} MB/s, ETA {}",
                           c.articles.load(), c.paragraphs.load(), rate / 1e6, eta);
                std::fflush(stderr);
            }
            fmt::print(stderr, "\r\x1b[K");
        });
    }
    ~ProgressLine() {
        if (!thread_.joinable()) return;
        {
            std::lock_guard lock(mutex_);
            stopped_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

  private:
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopped_ = false;
};

// One database being written (the index, or one shard of it): its own
// transaction, content hashes and stem variants. Used from one thread.
class ShardWriter {
  public:
    ShardWriter(const fs::path& path, std::size_t commit_paragraphs)
        : path_(path),
          db_(open_for_writing(path)),
          known_(load_hashes(db_)),
          commit_paragraphs_(commit_paragraphs) {
        was_empty_ = known_.empty() && db_.get_doccount() == 0;
        db_.begin_transaction();
    }

    const fs::path& path() const { return path_; }
    const std::unordered_map<std::string, std::string>& known() const { return known_; }
    bool was_empty() const { return was_empty_; }

    void write(AnalyzedArticle& a, IndexStats& stats, Counters& counters) {
        if (a.replaces) {
            db_.delete_document(schema::article_term(a.id));
            db_.delete_document(schema::article_doc_term(a.id));
        }
        for (Xapian::Document& doc : a.paragraphs) db_.add_document(doc);
        db_.add_document(a.article);
        db_.set_metadata(schema::hash_key(a.id), a.hash);
        for (const auto& [stem, word] : a.new_variants) add_variant(stem, word);
        (a.replaces ? stats.articles_replaced : stats.articles_added)++;
        stats.paragraphs += a.paragraphs.size();
        pending_ += a.paragraphs.size();
        ++counters.articles;
        counters.paragraphs += a.paragraphs.size();
        // Each commit is atomic (a transaction): a crash loses at most the
        // paragraphs since the last one, and never leaves an article half
        // written or its hash out of step with its text.
        if (pending_ >= commit_paragraphs_) {
            flush_variants();
            db_.commit_transaction();
            db_.begin_transaction();
            pending_ = 0;
        }
    }

    /// Deletes this database's articles that the run did not see.
    void prune(const std::unordered_set<std::string>& seen, IndexStats& stats) {
        for (const auto& [key, hash] : known_) {
            if (seen.count(key)) continue;
            db_.delete_document(std::string(schema::kArticlePrefix) + key);
            db_.delete_document(std::string(schema::kArticleDocPrefix) + key);
            db_.set_metadata(std::string(schema::kHashKeyPrefix) + key, "");
            ++stats.articles_pruned;
        }
    }

    void finish() {
        flush_variants();
        db_.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
        db_.commit_transaction();
        db_.close();
    }

    void cancel() noexcept {
        try {
            db_.cancel_transaction();
        } catch (...) {
        }
    }

  private:
    // Variant lists are read once, extended in memory and written with the
    // commit they belong to, so a crash never leaves a word searchable
    // without its stem entry (or the reverse).
    void add_variant(const std::string& stem, const std::string& word) {
        auto [it, loaded] = variants_.try_emplace(stem);
        if (loaded) it->second.list = db_.get_metadata(schema::stem_key(stem));
        if (schema::add_variant(it->second.list, word)) it->second.changed = true;
    }

    void flush_variants() {
        for (const auto& [stem, v] : variants_)
            if (v.changed) db_.set_metadata(schema::stem_key(stem), v.list);
        variants_.clear();  // bounded memory: a later batch rereads what it needs
    }

    struct Variants {
        std::string list;
        bool changed = false;
    };

    fs::path path_;
    Xapian::WritableDatabase db_;
    std::unordered_map<std::string, std::string> known_;
    std::size_t commit_paragraphs_;
    bool was_empty_ = false;
    std::size_t pending_ = 0;
    std::unordered_map<std::string, Variants> variants_;  ///< stems touched since the last commit
};

}  // namespace

IndexStats build_index(const IndexOptions& options, const corpus::ProblemSink& problems) {
    const auto started = Clock::now();
    IndexStats stats;
    std::mutex problems_mutex;
    std::atomic<std::uint64_t> skipped{0}, warnings{0};
    corpus::ProblemSink report = [&](const corpus::Problem& p) {
        (p.kind == corpus::Problem::Kind::Skipped ? skipped : warnings)++;
        std::lock_guard lock(problems_mutex);
        problems(p);
    };

    // Inputs are checked before the database is touched: a typo in a path
    // must not create or change an index.
    std::vector<corpus::InputFile> files = corpus::list_inputs(options.inputs, report);
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // A new index that will be compacted anyway is written by several writers
    // and merged by that compaction: Reuters on 2 cores 11.9 s -> 9.0 s.
    const unsigned build_writers = options.compact_new ? std::min(threads, kMaxBuildWriters) : 1;
    const Layout layout = prepare_layout(options.db, options.shards, build_writers);
    std::vector<std::unique_ptr<ShardWriter>> writers;
    for (const fs::path& path : layout.databases)
        writers.push_back(std::make_unique<ShardWriter>(path, options.commit_paragraphs));
    // The reader decides "unchanged" from every shard's hashes; an article's
    // shard never changes, so its old version is in the shard it goes to.
    std::unordered_map<std::string, std::string> known;
    bool new_index = true;
    for (const auto& w : writers) {
        known.insert(w->known().begin(), w->known().end());
        new_index = new_index && w->was_empty();
    }

    BoundedQueue<std::shared_ptr<Job>> work(threads * 2);
    BoundedQueue<std::future<std::vector<AnalyzedArticle>>> ordered(threads * 4);
    Counters counters;
    corpus::CorpusReader reader(std::move(files), report);
    std::unordered_set<std::string> seen;
    std::atomic<std::uint64_t> unchanged{0};
    std::atomic<bool> interrupted{false};

    auto stop_requested = [&] { return options.stop && options.stop->load(); };

    // Reader: articles in corpus order, minus those whose hash is unchanged.
    // An unexpected failure (out of memory on a hostile file) must not kill
    // the process: it ends reading, the writer commits what was analysed and
    // the error is reported after that.
    std::exception_ptr reader_failure;
    std::thread reader_thread([&] {
        try {
            auto job = std::make_shared<Job>();
            auto submit = [&] {
                if (job->articles.empty()) return true;
                auto future = job->done.get_future();
                if (!ordered.push(std::move(future)) || !work.push(job)) return false;
                job = std::make_shared<Job>();
                return true;
            };
            corpus::Article article;
            while (reader.next(article)) {
                counters.bytes_done = reader.bytes_done();
                if (stop_requested()) {
                    interrupted = true;
                    break;
                }
                std::string key = schema::article_key(article.id);
                std::string hash = content_hash(article);
                auto old = known.find(key);
                bool replaces = old != known.end();
                if (!seen.insert(key).second) {
                    report({corpus::Problem::Kind::Warning, article.origin,
                            fmt::format(
                                "duplicate article id \"{}\": this one replaces the earlier one",
                                article.id)});
                    replaces = true;
                } else if (replaces && old->second == hash) {
                    ++unchanged;
                    ++counters.articles;
                    continue;
                }
                job->articles.push_back(std::move(article));
                job->hashes.push_back(std::move(hash));
                job->replaces.push_back(replaces);
                if (job->articles.size() == kBatchArticles && !submit()) break;
            }
            counters.bytes_done = reader.bytes_done();
            submit();
        } catch (...) {
            reader_failure = std::current_exception();
        }
        work.close();
        ordered.close();
    });

    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            ArticleAnalyzer analyzer(writers.size());
            while (auto job = work.pop()) {
                Job& j = **job;
                try {
                    std::vector<AnalyzedArticle> out;
                    out.reserve(j.articles.size());
                    for (std::size_t i = 0; i < j.articles.size(); ++i) {
                        out.push_back(analyzer.analyze(j.articles[i]));
                        out.back().hash = j.hashes[i];
                        out.back().replaces = j.replaces[i];
                    }
                    j.done.set_value(std::move(out));
                } catch (...) {
                    j.done.set_exception(std::current_exception());
                }
            }
        });
    }

    auto join_all = [&] {
        work.close();
        ordered.close();
        // Drain so a reader blocked on a full queue can finish.
        while (ordered.pop()) {
        }
        if (reader_thread.joinable()) reader_thread.join();
        for (auto& w : workers)
            if (w.joinable()) w.join();
    };

    {
        ProgressLine progress(options.progress, counters, reader.total_bytes());
        // One writer thread per shard when sharded (Xapian writes one database
        // per thread); a single database is written from this thread.
        const std::size_t n = writers.size();
        std::vector<IndexStats> shard_stats(n);
        std::vector<std::unique_ptr<BoundedQueue<AnalyzedArticle>>> queues;
        std::vector<std::thread> shard_threads;
        std::vector<std::exception_ptr> shard_failures(n);
        if (n > 1) {
            for (std::size_t i = 0; i < n; ++i) {
                queues.push_back(
                    std::make_unique<BoundedQueue<AnalyzedArticle>>(kBatchArticles * 2));
                shard_threads.emplace_back([&, i] {
                    try {
                        while (auto a = queues[i]->pop())
                            writers[i]->write(*a, shard_stats[i], counters);
                    } catch (...) {
                        shard_failures[i] = std::current_exception();
                        queues[i]->close();
                        while (queues[i]->pop()) {
                        }
                    }
                });
            }
        }
        auto stop_shards = [&] {
            for (auto& q : queues) q->close();
            for (auto& t : shard_threads)
                if (t.joinable()) t.join();
        };
        auto first_failure = [&]() -> std::exception_ptr {
            for (auto& f : shard_failures)
                if (f) return f;
            return nullptr;
        };
        try {
            while (auto future = ordered.pop()) {
                for (AnalyzedArticle& a : future->get()) {
                    if (n == 1) {
                        writers[0]->write(a, shard_stats[0], counters);
                    } else if (!queues[a.shard]->push(std::move(a))) {
                        break;  // that shard's writer failed: stop and report
                    }
                }
                if (first_failure()) break;
            }
            stop_shards();
            if (auto failure = first_failure()) std::rethrow_exception(failure);
            reader_thread.join();
            for (auto& w : workers) w.join();
            const bool complete = !interrupted && !stop_requested() && !reader_failure;
            for (std::size_t i = 0; i < n; ++i) {
                if (options.prune && complete) writers[i]->prune(seen, shard_stats[i]);
                writers[i]->finish();
            }
        } catch (const Xapian::Error& e) {
            stop_shards();
            for (auto& w : writers) w->cancel();
            join_all();
            throw IndexError(fmt::format(
                "{}: writing the index failed: {} (disk full or read-only?); everything committed "
                "before this point is intact, run graf index again to complete it",
                options.db.string(), e.get_description()));
        } catch (...) {
            stop_shards();
            for (auto& w : writers) w->cancel();
            join_all();
            throw;
        }
        for (const IndexStats& st : shard_stats) {
            stats.articles_added += st.articles_added;
            stats.articles_replaced += st.articles_replaced;
            stats.articles_pruned += st.articles_pruned;
            stats.paragraphs += st.paragraphs;
        }
    }
    if (reader_failure) {
        try {
            std::rethrow_exception(reader_failure);
        } catch (const std::exception& e) {
            throw IndexError(
                fmt::format("reading the corpus failed: {}; everything read before it was "
                            "committed, run graf index again to complete it",
                            e.what()));
        }
    }

    stats.interrupted = interrupted || stop_requested();
    const bool merge = layout.merge_pending && options.compact_new && !stats.interrupted;
    if (merge || (options.compact_new && new_index && !stats.interrupted && stats.paragraphs > 0)) {
        // Everything is committed by now: a compaction that fails (no room
        // for the copy) costs size, not data, so it is a warning.
        try {
            if (merge) {
                compact_index(options.db);  // the shards become one database
            } else {
                for (const auto& w : writers) compact_index(w->path());
            }
            stats.compacted = true;
        } catch (const IndexError& e) {
            stats.compact_error = e.what();
        }
    }
    stats.index_bytes = index_bytes(options.db);
    stats.shards = std::max<std::size_t>(1, shard_paths(options.db).size());
    stats.articles_unchanged = unchanged;
    stats.skipped_inputs = skipped;
    stats.warnings = warnings;
    stats.bytes = counters.bytes_done;
    stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return stats;
}

}  // namespace graf::indexer
