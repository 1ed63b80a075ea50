#pragma once
// Exact totals where they are cheap: the match stops early once it has the
// best hits, so its total is Xapian's estimate; these count instead when
// that costs little (see ARCHITECTURE, The search path).
#include <xapian.h>

#include <optional>

#include "searcher/query_tree.hpp"
#include "searcher/searcher.hpp"

namespace graf::searcher {

/// Up to this many possibly matching paragraphs, one boolean pass counts
/// them (1-2.5 µs each on Reuters: `"oil prices"`, 2,752 possible, +1-3 ms).
inline constexpr Xapian::doccount kCountMatchesUpTo = 3000;

/// The number of matches of `query` (articles unless request.paragraphs) when
/// it can be had cheaply: a query of date filters alone (date: items,
/// --since, --until) counts its article documents (`has_articles`), any
/// other whose `mset` bounds it to kCountMatchesUpTo paragraphs is counted
/// by one boolean pass; otherwise nothing.
std::optional<Xapian::doccount> cheap_exact_total(Xapian::Database& db, bool has_articles,
                                                  const SearchRequest& request,
                                                  const QueryNode* tree, const Xapian::Query& query,
                                                  const Xapian::MSet& mset);

}  // namespace graf::searcher
