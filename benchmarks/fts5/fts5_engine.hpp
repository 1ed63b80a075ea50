#pragma once
// The SQLite FTS5 peer: one row per paragraph (body, title, article,
// paragraph), `porter unicode61` tokenizer, bm25() ranking, snippet() — the
// setup a developer would pick to search news by paragraph with SQLite.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace graf::bench::fts5 {

class Fts5Error : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct IndexSummary {
    std::uint64_t articles = 0, paragraphs = 0, bytes = 0, skipped = 0;
    double seconds = 0;
};

/// Indexes the corpus (read with graf's own corpus reader, so both engines
/// see identical paragraphs) into a new database file.
IndexSummary build(const std::filesystem::path& db,
                   const std::vector<std::filesystem::path>& inputs, std::size_t commit_every);

struct Found {
    std::string article;
    std::string snippet;
};

/// One read connection with its prepared statements.
class Fts5Searcher {
  public:
    explicit Fts5Searcher(const std::filesystem::path& db);
    ~Fts5Searcher();
    Fts5Searcher(const Fts5Searcher&) = delete;
    Fts5Searcher& operator=(const Fts5Searcher&) = delete;

    /// The best paragraph of each of the top `k` articles by bm25(), with a
    /// snippet when asked — graf's collapsed search, done the FTS5 way.
    std::vector<Found> search(const std::string& match, std::size_t k, bool snippets);

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* ranked_ = nullptr;
    sqlite3_stmt* snippet_ = nullptr;
};

}  // namespace graf::bench::fts5
