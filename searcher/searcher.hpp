#pragma once
// `graf search`: runs a query against the paragraph index, collapses hits by
// article, counts each article's matching paragraphs and builds snippets.
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/stemmer.hpp"
#include "searcher/snippet.hpp"

namespace graf::searcher {

/// No usable index at the path: the message says to run `graf index`.
class IndexMissing : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Opens an index (a database folder or a stub file) for reading.
Xapian::Database open_index(const std::filesystem::path& db);

struct SearchRequest {
    std::string query;  ///< query language; may be empty when `name` is set
    std::string name;   ///< --name "Full Name"
    std::string since, until;
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool paragraphs = false;  ///< every matching paragraph instead of the best per article
    bool sort_by_date = false;
    bool snippets = true;
    std::size_t snippet_chars = 240;
    bool suggest = true;
};

struct Hit {
    std::size_t rank = 0;  ///< from 1
    std::string article;
    unsigned paragraph = 0;
    std::string title, date, source, url;
    double score = 0;
    unsigned matching_paragraphs = 1;  ///< in this article (collapsed searches)
    Snippet snippet;
};

struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount total_estimate = 0;  ///< articles (or paragraphs with --paragraphs)
    double took_ms = 0;
    std::optional<std::string> suggestion;  ///< the query with unknown words corrected
    bool natural_language = false;
};

class Searcher {
  public:
    explicit Searcher(const std::filesystem::path& db);
    /// Throws QueryError for a malformed query.
    SearchResult search(const SearchRequest& request);
    Xapian::Database& database() { return db_; }

  private:
    SearchResult run(const SearchRequest& request);
    std::filesystem::path path_;
    Xapian::Database db_;
    analysis::Stemmer stemmer_;  ///< for highlighting; its memo stays warm across searches
};

}  // namespace graf::searcher
