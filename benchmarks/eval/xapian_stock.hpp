#pragma once
// Xapian's stock stack, as its documentation sets it up: TermGenerator with
// the English stemmer (STEM_SOME) over title and body, one document per
// article; QueryParser with default flags and the same stemmer; BM25Weight
// with its default parameters. The yardstick of what Xapian alone ranks.
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "eval/run_file.hpp"

namespace graf::bench::xapian_stock {

struct IndexSummary {
    std::uint64_t articles = 0, bytes = 0, skipped = 0;
    double seconds = 0;
};

/// Indexes the corpus (graf's corpus reader) into a new database folder.
IndexSummary build(const std::filesystem::path& db,
                   const std::vector<std::filesystem::path>& inputs);

class StockSearcher {
  public:
    explicit StockSearcher(const std::filesystem::path& db);
    /// The top `k` articles; throws eval::QueryRejected for a query that
    /// QueryParser refuses.
    eval::Ranking search(const std::string& text, std::size_t k);

  private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

}  // namespace graf::bench::xapian_stock
