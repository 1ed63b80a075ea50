#pragma once
// What the matches of a query are made of (GET /api/facets): their sources
// and date range, counted over every match, and the names mentioned most in
// the best-ranked matching paragraphs.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/name_kind.hpp"

namespace Xapian {
class Database;
class Query;
}  // namespace Xapian

namespace graf::web {

/// Names are read from the term lists of at most this many paragraphs
/// (the best ranked); below it they are counted over every match.
inline constexpr unsigned kNameSample = 2000;

struct FacetCount {
    std::string value;  ///< a source; a name as indexed (folded)
    std::uint64_t articles = 0, paragraphs = 0;
    std::string shown;  ///< names: as the text writes it (searcher::written_name)
    analysis::NameKind kind = analysis::NameKind::Person;  ///< names: corpus_name_kind
};

struct Facets {
    std::uint64_t articles = 0, paragraphs = 0;
    std::string first_date, last_date;  ///< YYYY-MM-DD, empty when no match is dated
    std::vector<FacetCount> sources;    ///< most paragraphs first
    std::vector<FacetCount> names;      ///< most paragraphs first (articles among the sample)
    std::uint64_t names_from = 0;       ///< paragraphs whose names were counted
};

/// `name_prefix` (folded, as names are indexed) keeps only the names starting with it,
/// `kinds` only the names of those kinds (searcher::corpus_name_kind).
/// `local`: every shard is on this machine; otherwise only Xapian's built-in
/// match spies run, and names are read from the best 200 paragraphs (see facets.cpp).
Facets facets(const Xapian::Database& db, const Xapian::Query& query, std::size_t top,
              const std::string& name_prefix = "", bool local = true,
              const std::vector<analysis::NameKind>& kinds = analysis::kPeopleAndOrganisations);

/// `graf names` and GET /api/names without a query: the index's most
/// mentioned names of `kinds` (searcher::list_names).
std::vector<FacetCount> index_names(const Xapian::Database& db, std::size_t top,
                                    const std::string& prefix,
                                    const std::vector<analysis::NameKind>& kinds);

nlohmann::json facets_json(const Facets& f, const std::string& query);
/// [{"name", "kind", "paragraphs", "articles"}]: graf names --json, /api/names.
nlohmann::json names_json(const std::vector<FacetCount>& names);

}  // namespace graf::web
