#include "searcher/exact_count.hpp"

#include <optional>
#include <string>
#include <vector>

#include "analysis/stemmer.hpp"
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

// The article documents with `title:` (their AS terms; a stemmed word any
// indexed word of its stem, an exact one itself; a phrase all its words).
// Nothing for a wildcard: not cheap.
std::optional<Xapian::Query> titled(const Xapian::Database& db, const QueryNode& title) {
    const QueryNode& inner = *title.children[0];
    const std::string prefix(schema::kArticleTitlePrefix);
    if (inner.kind != QueryNode::Kind::Word) {
        std::vector<Xapian::Query> all;
        for (const std::string& t : inner.terms) all.emplace_back(prefix + t);
        return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
    }
    if (inner.wildcard) return std::nullopt;
    std::vector<Xapian::Query> any{Xapian::Query(prefix + inner.term)};
    if (!inner.exact) {
        analysis::Stemmer stem;
        schema::for_each_variant(db.get_metadata(schema::stem_key(stem(inner.term))),
                                 [&](std::string_view w) {
                                     if (w != inner.term) any.emplace_back(prefix + std::string(w));
                                 });
    }
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// Adds the article-document form of a tree of date, source and title
// filters alone to `ranges`; false when the tree holds anything else.
bool article_filters(const Xapian::Database& db, const QueryNode& node,
                     std::vector<Xapian::Query>& ranges) {
    using Kind = QueryNode::Kind;
    if (node.kind == Kind::Title) {
        std::optional<Xapian::Query> q = titled(db, node);
        if (!q) return false;
        ranges.push_back(std::move(*q));
        return true;
    }
    if (node.kind == Kind::Filter && node.field == "source") {
        // Article documents of schema 6 have no source term: not cheap there.
        std::string term = std::string(schema::kArticleSourcePrefix) + node.value;
        if (db.get_termfreq(term) == 0) return false;
        ranges.emplace_back(std::move(term));
        return true;
    }
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
        if (!article_filters(db, *node.children[i], ranges)) return false;
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
        (!tree || article_filters(db, *tree, ranges))) {
        // One article document per article, with its date, source and title: count those.
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
