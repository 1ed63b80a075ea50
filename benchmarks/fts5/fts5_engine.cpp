#include "benchmarks/fts5/fts5_engine.hpp"

#include <fmt/format.h>

#include <chrono>
#include <unordered_set>

#include "benchmarks/fts5/sqlite_util.hpp"
#include "corpus/corpus_reader.hpp"

namespace graf::bench::fts5 {

IndexSummary build(const std::filesystem::path& path,
                   const std::vector<std::filesystem::path>& inputs, std::size_t commit_every) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto report = [&](const corpus::Problem& p) {
        if (p.kind == corpus::Problem::Kind::Skipped) ++summary.skipped;
        fmt::print(stderr, "fts5-peer: {}: {}\n", p.where, p.what);
    };
    corpus::CorpusReader reader(corpus::list_inputs(inputs, report), report);

    sqlite3* db = create_database(path);
    try {
        // WAL + NORMAL sync is SQLite's recommended setup for a write-heavy
        // application; graf likewise commits in batches without fsync per row.
        exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        exec(db,
             "CREATE VIRTUAL TABLE p USING fts5(body, title, article UNINDEXED, paragraph "
             "UNINDEXED, "
             "tokenize='porter unicode61')");
        sqlite3_stmt* insert =
            prepare(db, "INSERT INTO p(body, title, article, paragraph) VALUES (?1, ?2, ?3, ?4)");
        exec(db, "BEGIN");
        std::size_t in_batch = 0;
        for (corpus::Article a; reader.next(a);) {
            ++summary.articles;
            for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
                bind_text(insert, 1, a.paragraphs[i]);
                bind_text(insert, 2, a.title);
                bind_text(insert, 3, a.id);
                sqlite3_bind_int64(insert, 4, static_cast<sqlite3_int64>(i + 1));
                check(db, sqlite3_step(insert), "insert");
                sqlite3_reset(insert);
                ++summary.paragraphs;
                if (++in_batch == commit_every) {
                    exec(db, "COMMIT; BEGIN");
                    in_batch = 0;
                }
            }
        }
        exec(db, "COMMIT");
        sqlite3_finalize(insert);
        exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    summary.bytes = reader.total_bytes();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

Fts5Searcher::Fts5Searcher(const std::filesystem::path& path) {
    db_ = open_read_only(path);
    // FTS5 must rank every match to sort them; the article collapse then
    // reads rows in rank order until k distinct articles are seen.
    ranked_ = prepare(db_, "SELECT rowid, article FROM p WHERE p MATCH ?1 ORDER BY rank");
    snippet_ = prepare(
        db_, "SELECT snippet(p, 0, '[', ']', '\u2026', 32) FROM p WHERE p MATCH ?1 AND rowid = ?2");
}

Fts5Searcher::~Fts5Searcher() {
    sqlite3_finalize(ranked_);
    sqlite3_finalize(snippet_);
    sqlite3_close(db_);
}

std::vector<Found> Fts5Searcher::search(const std::string& match, std::size_t k, bool snippets) {
    std::vector<Found> found;
    std::vector<sqlite3_int64> rowids;
    std::unordered_set<std::string> seen;
    bind_text(ranked_, 1, match);
    int rc;
    while (found.size() < k && (rc = sqlite3_step(ranked_)) == SQLITE_ROW) {
        std::string article = column_text(ranked_, 1);
        if (!seen.insert(article).second) continue;
        rowids.push_back(sqlite3_column_int64(ranked_, 0));
        found.push_back({std::move(article), {}});
    }
    rc = sqlite3_reset(ranked_);
    if (rc != SQLITE_OK)
        throw Fts5Error(fmt::format("fts5 query {}: {}", match, sqlite3_errmsg(db_)));
    if (snippets)
        for (std::size_t i = 0; i < found.size(); ++i) {
            bind_text(snippet_, 1, match);
            sqlite3_bind_int64(snippet_, 2, rowids[i]);
            if (sqlite3_step(snippet_) == SQLITE_ROW) found[i].snippet = column_text(snippet_, 0);
            sqlite3_reset(snippet_);
        }
    return found;
}

}  // namespace graf::bench::fts5
