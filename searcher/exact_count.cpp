#include "searcher/exact_count.hpp"

#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "searcher/query.hpp"
#include "searcher/query_dates.hpp"

namespace graf::searcher {
namespace {

// Matches of `query` counted by one boolean pass: articles when `collapse`,
// else documents.
Xapian::doccount count_matches(Xapian::Database& db, const Xapian::Query& query, bool collapse) {
    Xapian::Enquire count(db);
    count.set_query(query);
    count.set_weighting_scheme(Xapian::BoolWeight());
    count.set_docid_order(Xapian::Enquire::DONT_CARE);
    if (collapse) count.set_collapse_key(schema::kArticleSlot);
    return count.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
}

// Adds the date ranges of a tree of date filters alone to `ranges`; false
// when the tree holds anything else.
bool date_filters(const QueryNode& node, std::vector<Xapian::Query>& ranges) {
    using Kind = QueryNode::Kind;
    if (node.kind == Kind::Filter && node.field == "date") {
        const std::size_t dots = node.value.find("..");
        if (dots == std::string::npos) return false;
        ranges.push_back(date_bounds_query(
            {node.value.substr(0, dots), node.value.substr(dots + 2)}, schema::kArticleDateSlot));
        return true;
    }
    if (node.kind != Kind::Group && node.kind != Kind::And) return false;
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (node.kind == Kind::Group && node.signs[i] != Sign::Required) return false;
        if (!date_filters(*node.children[i], ranges)) return false;
    }
    return !node.children.empty();
}

}  // namespace

std::optional<Xapian::doccount> cheap_exact_total(Xapian::Database& db, bool has_articles,
                                                  const SearchRequest& request,
                                                  const QueryNode* tree, const Xapian::Query& query,
                                                  const Xapian::MSet& mset) {
    std::vector<Xapian::Query> ranges;
    if (has_articles && !request.paragraphs && request.name.empty() &&
        (!tree || date_filters(*tree, ranges))) {
        // One article document per article, with its date: count those.
        if (!request.since.empty() || !request.until.empty())
            ranges.push_back(
                date_range_query(request.since, request.until, schema::kArticleDateSlot));
        if (!ranges.empty()) {
            Xapian::Query articles(
                Xapian::Query::OP_FILTER, Xapian::Query(std::string(schema::kArticleDocMarker)),
                Xapian::Query(Xapian::Query::OP_AND, ranges.begin(), ranges.end()));
            return count_matches(db, articles, false);
        }
    }
    if (mset.get_uncollapsed_matches_upper_bound() <= kCountMatchesUpTo)
        return count_matches(db, query, !request.paragraphs);
    return std::nullopt;
}

}  // namespace graf::searcher
