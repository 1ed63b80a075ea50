#pragma once
// The SQLite FTS5 peer for ranking quality: one row per article (title and
// body columns), `porter unicode61 remove_diacritics 2`, bm25() — the stock
// setup a developer would pick to rank whole documents with SQLite.
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "benchmarks/fts5/fts5_engine.hpp"
#include "eval/run_file.hpp"

namespace graf::bench::fts5 {

/// Indexes the corpus (graf's corpus reader) into a new database file, one
/// row per article; its paragraphs are joined by blank lines.
IndexSummary build_articles(const std::filesystem::path& db,
                            const std::vector<std::filesystem::path>& inputs);

/// One read connection over an article index.
class ArticleSearcher {
  public:
    explicit ArticleSearcher(const std::filesystem::path& db);
    ~ArticleSearcher();
    ArticleSearcher(const ArticleSearcher&) = delete;
    ArticleSearcher& operator=(const ArticleSearcher&) = delete;

    /// The top `k` articles for an FTS5 MATCH expression by bm25(); the
    /// score is -bm25() so that higher is better. An empty match finds nothing.
    eval::Ranking search(const std::string& match, std::size_t k);

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* ranked_ = nullptr;
};

}  // namespace graf::bench::fts5
