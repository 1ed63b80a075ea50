#include "indexer/index_builder.hpp"

#include <fmt/format.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "corpus/corpus_reader.hpp"
#include "indexer/analysis_pool.hpp"
#include "indexer/change_reader.hpp"
#include "indexer/compactor.hpp"
#include "indexer/progress_line.hpp"
#include "indexer/prune.hpp"
#include "indexer/rebuild.hpp"
#include "indexer/shards.hpp"
#include "indexer/source_roots.hpp"
#include "indexer/writer_set.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Writers of a parallel build: each holds a batch in memory (~40 MB at the
// default --commit-every) and the final merge reads them all.
constexpr unsigned kMaxBuildWriters = 8;

// What every stage shares: the options, the problem sink and its counts.
struct Run {
    const IndexOptions& options;
    corpus::ProblemSink report;
    std::atomic<std::uint64_t> skipped{0}, warnings{0};
    Counters counters;
    bool stop_requested() const { return options.stop && options.stop->load(); }
};

// The source names of this run's inputs (those without files too: an empty
// folder names the source whose articles a prune would delete).
std::set<std::string> source_names(const IndexOptions& options) {
    std::set<std::string> names;
    for (const fs::path& input : options.inputs)
        names.insert(options.source.empty() ? corpus::default_source_name(input) : options.source);
    return names;
}

// Reading, analysis and writing run at once: the reader thread feeds the
// analysis pool, and this thread hands the analysed batches, in corpus
// order, to the writers. Returns what was read; throws IndexError.
ReadOutcome write_changes(Run& run, corpus::CorpusReader& reader, WriterSet& writers,
                          unsigned threads) {
    WorkQueue work(threads * 2);
    OrderQueue ordered(threads * 4);
    ChangeReader changes(reader, writers.known(), writers.legacy(), run.options.inputs.size(),
                         run.report, run.options.stop, run.counters);
    std::thread reader_thread([&] {
        changes.run([&](std::shared_ptr<Job> job) {
            return ordered.push(job->done.get_future()) && work.push(std::move(job));
        });
        work.close();
        ordered.close();
    });
    AnalysisPool pool(threads, writers.size(), work, writers.records());
    auto shut_down = [&] {
        writers.cancel();
        work.close();
        ordered.close();
        while (ordered.pop()) {  // so a reader blocked on a full queue can finish
        }
        reader_thread.join();
        pool.join();
    };
    ProgressLine progress(run.options.progress, run.counters, reader.total_bytes());
    try {
        bool failed = false;
        while (auto future = ordered.pop()) {
            for (AnalyzedArticle& a : future->get())
                if (!writers.write(a)) failed = true;  // drain() rethrows why
            if (failed) break;
        }
        writers.drain();
        reader_thread.join();
        pool.join();
    } catch (const Xapian::Error& e) {
        shut_down();
        throw IndexError(fmt::format(
            "{}: writing the index failed: {} (disk full or read-only?); everything committed "
            "before this point is intact, run graf index again to complete it",
            run.options.db.string(), e.get_description()));
    } catch (...) {
        shut_down();
        throw;
    }
    return std::move(changes.outcome());
}

// A database losing more than this share of its articles is rebuilt from
// what stays rather than deleted from (rebuild.hpp says why).
constexpr double kRebuildShare = 0.5;

// --prune after a complete run: deletes what plan_prune allows from the
// databases that keep most of their articles; returns, for the others, the
// keys to leave out when rebuilding them once the writers are closed.
std::vector<std::unordered_set<std::string>> prune(Run& run, WriterSet& writers,
                                                   const ReadOutcome& read, IndexStats& stats) {
    std::vector<std::unordered_set<std::string>> rebuild(writers.size());
    std::vector<const KnownHashes*> known;
    for (std::size_t i = 0; i < writers.size(); ++i) known.push_back(&writers[i].known());
    PrunePlan plan = plan_prune(
        known, read,
        {run.options.inputs, source_names(run.options), run.skipped.load(), run.options.prune_yes});
    if (!plan.refused.empty()) {
        stats.prune_refused = plan.refused;
        return rebuild;
    }
    for (std::size_t i = 0; i < writers.size(); ++i) {
        const std::vector<std::string>& keys = plan.keys[i];
        if (static_cast<double>(keys.size()) > kRebuildShare * writers[i].known().size())
            rebuild[i].insert(keys.begin(), keys.end());
        else
            writers[i].remove(keys);
    }
    stats.articles_pruned = plan.count;
    return rebuild;
}

// The end of a run: compaction (a new index, a parallel build's merge, or an
// index that pruning left full of holes), then the summary figures.
void compact(const IndexOptions& options, const Layout& layout, bool new_index, IndexStats& stats) {
    if (!options.compact_new || stats.interrupted) return;
    const bool merge = layout.merge_pending;
    const bool fresh = new_index && stats.paragraphs > 0;
    if (!merge && !fresh && stats.articles_pruned == 0) return;
    // Everything is committed by now: a compaction that fails (no room for
    // the copy) costs size, not data, so it is a warning.
    try {
        if (merge) {
            compact_index(options.db);  // the shards become one database
        } else {
            for (const fs::path& db : layout.databases) compact_index(db);
        }
        stats.compacted = true;
    } catch (const IndexError& e) {
        stats.compact_error = e.what();
    }
}

// --dry-run: the reading stage alone, against the hashes the index holds.
IndexStats dry_run(Run& run, std::vector<corpus::InputFile> files) {
    IndexStats stats;
    std::vector<fs::path> databases = schema::shard_paths(run.options.db);
    if (databases.empty() && schema::is_database(run.options.db))
        databases.push_back(run.options.db);
    std::vector<KnownHashes> shards;
    KnownHashes known;
    bool legacy = false;
    try {
        for (const fs::path& path : databases) {
            Xapian::Database db(path.string());
            KnownHashes& h = shards.emplace_back();
            const std::string prefix(schema::kHashKeyPrefix);
            for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
                h.emplace((*it).substr(prefix.size()), db.get_metadata(*it));
            known.insert(h.begin(), h.end());
            legacy =
                legacy || (db.get_doccount() > 0 &&
                           db.get_metadata(std::string(schema::kVersionKey)) != schema::kVersion);
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(
            fmt::format("{}: cannot read the index: {}", run.options.db.string(), e.get_msg()));
    }
    const std::set<std::string> sources = source_names(run.options);
    corpus::CorpusReader reader(std::move(files), run.report, run.options.read);
    ChangeReader changes(reader, known, legacy, run.options.inputs.size(), run.report,
                         run.options.stop, run.counters);
    changes.run([&](std::shared_ptr<Job> job) {
        for (const ArticleChange& c : job->changes)
            (c.delete_key.empty() ? stats.articles_added : stats.articles_replaced)++;
        return true;
    });
    ReadOutcome& read = changes.outcome();
    stats.articles_unchanged = read.unchanged;
    stats.interrupted = read.interrupted;
    if (run.options.prune && !read.interrupted && !read.failure) {
        std::vector<const KnownHashes*> pointers;
        for (const KnownHashes& h : shards) pointers.push_back(&h);
        PrunePlan plan =
            plan_prune(pointers, read, {run.options.inputs, sources, run.skipped.load(), true});
        stats.would_prune = std::move(plan.ids);
        stats.prune_refused = plan.refused;
    }
    return stats;
}

void finish_stats(Run& run, const Clock::time_point started, IndexStats& stats) {
    stats.index_bytes = schema::disk_bytes(run.options.db);
    stats.shards = std::max<std::size_t>(1, schema::shard_paths(run.options.db).size());
    stats.skipped_inputs = run.skipped;
    stats.warnings = run.warnings;
    stats.bytes = run.counters.bytes_done;
    stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
}

}  // namespace

IndexStats build_index(const IndexOptions& options, const corpus::ProblemSink& problems) {
    const auto started = Clock::now();
    // An existing index's size, so a run that bloats it can say so.
    const std::uint64_t bytes_before = fs::exists(options.db) ? schema::disk_bytes(options.db) : 0;
    std::mutex problems_mutex;
    Run run{options, {}, {}, {}, {}};
    run.report = [&](const corpus::Problem& p) {
        (p.kind == corpus::Problem::Kind::Skipped ? run.skipped : run.warnings)++;
        std::lock_guard lock(problems_mutex);
        problems(p);
    };

    // Inputs are checked before the database is touched: a typo in a path
    // must not create or change an index.
    std::vector<corpus::InputFile> files =
        corpus::list_inputs(options.inputs, run.report, options.source);
    // So must an input that would replace or repeat another source's articles.
    const SourcePlan sources =
        plan_sources(read_source_roots(options.db), options.inputs, options.source);
    for (const corpus::Problem& note : sources.notes) run.report(note);
    if (options.dry_run) {
        IndexStats stats = dry_run(run, std::move(files));
        stats.index_bytes_before = bytes_before;
        finish_stats(run, started, stats);
        return stats;
    }
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // A new index that will be compacted anyway is written by several writers
    // and merged by that compaction: Reuters on 2 cores 11.9 s -> 9.0 s.
    const unsigned build_writers = options.compact_new ? std::min(threads, kMaxBuildWriters) : 1;
    const Layout layout = prepare_layout(options.db, options.shards, build_writers);
    WriterSet writers(layout, options.commit_paragraphs, run.counters);
    const bool new_index = writers.was_empty();

    corpus::CorpusReader reader(files, run.report, options.read);
    ReadOutcome read = write_changes(run, reader, writers, threads);
    IndexStats stats = writers.totals();
    stats.interrupted = read.interrupted || run.stop_requested();
    stats.articles_unchanged = read.unchanged;
    std::vector<std::unordered_set<std::string>> rebuild;
    try {
        // SIGINT, or a reader failure, stops reading: pruning then would
        // delete what was not read.
        if (options.prune && !stats.interrupted && !read.failure)
            rebuild = prune(run, writers, read, stats);
        for (const auto& [name, roots] : sources.record)
            writers.set_metadata(std::string(schema::kSourceRootKeyPrefix) + name,
                                 join_roots(roots));
        writers.finish();
        for (std::size_t i = 0; i < rebuild.size(); ++i)
            if (!rebuild[i].empty()) rebuild_without(layout.databases[i], rebuild[i]);
    } catch (const Xapian::Error& e) {
        writers.cancel();
        throw IndexError(fmt::format(
            "{}: writing the index failed: {} (disk full or read-only?); everything committed "
            "before this point is intact, run graf index again to complete it",
            options.db.string(), e.get_description()));
    }
    if (read.failure) {
        try {
            std::rethrow_exception(read.failure);
        } catch (const std::exception& e) {
            throw IndexError(
                fmt::format("reading the corpus failed: {}; everything read before it was "
                            "committed, run graf index again to complete it",
                            e.what()));
        }
    }
    compact(options, layout, new_index, stats);
    stats.index_bytes_before = bytes_before;
    finish_stats(run, started, stats);
    return stats;
}

}  // namespace graf::indexer
