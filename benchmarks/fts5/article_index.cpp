#include "benchmarks/fts5/article_index.hpp"

#include <fmt/format.h>

#include <chrono>

#include "benchmarks/fts5/sqlite_util.hpp"
#include "corpus/corpus_reader.hpp"

namespace graf::bench::fts5 {

IndexSummary build_articles(const std::filesystem::path& path,
                            const std::vector<std::filesystem::path>& inputs) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto report = [&](const corpus::Problem& p) {
        if (p.kind == corpus::Problem::Kind::Skipped) ++summary.skipped;
        fmt::print(stderr, "fts5-peer: {}: {}\n", p.where, p.what);
    };
    corpus::CorpusReader reader(corpus::list_inputs(inputs, report), report);
    sqlite3* db = create_database(path);
    try {
        exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        exec(db,
             "CREATE VIRTUAL TABLE a USING fts5(title, body, article UNINDEXED, "
             "tokenize='porter unicode61 remove_diacritics 2')");
        sqlite3_stmt* insert =
            prepare(db, "INSERT INTO a(title, body, article) VALUES (?1, ?2, ?3)");
        exec(db, "BEGIN");
        std::string body;
        for (corpus::Article a; reader.next(a);) {
            ++summary.articles;
            summary.paragraphs += a.paragraphs.size();
            body.clear();
            for (const std::string& p : a.paragraphs) body += (body.empty() ? "" : "\n\n") + p;
            bind_text(insert, 1, a.title);
            bind_text(insert, 2, body);
            bind_text(insert, 3, a.id);
            check(db, sqlite3_step(insert), "insert");
            sqlite3_reset(insert);
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

ArticleSearcher::ArticleSearcher(const std::filesystem::path& path) {
    db_ = open_read_only(path);
    ranked_ =
        prepare(db_, "SELECT article, bm25(a) FROM a WHERE a MATCH ?1 ORDER BY bm25(a) LIMIT ?2");
}

ArticleSearcher::~ArticleSearcher() {
    sqlite3_finalize(ranked_);
    sqlite3_close(db_);
}

eval::Ranking ArticleSearcher::search(const std::string& match, std::size_t k) {
    eval::Ranking ranked;
    if (match.empty()) return ranked;
    bind_text(ranked_, 1, match);
    sqlite3_bind_int64(ranked_, 2, static_cast<sqlite3_int64>(k));
    while (sqlite3_step(ranked_) == SQLITE_ROW)
        ranked.push_back({column_text(ranked_, 0), -sqlite3_column_double(ranked_, 1)});
    if (sqlite3_reset(ranked_) != SQLITE_OK)
        throw Fts5Error(fmt::format("fts5 query {}: {}", match, sqlite3_errmsg(db_)));
    return ranked;
}

}  // namespace graf::bench::fts5
