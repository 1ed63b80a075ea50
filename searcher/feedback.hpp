#pragma once
// Pseudo-relevance feedback (RM3, Lavrenko & Croft's relevance model with
// the original query mixed back in): the words that dominate the top-ranked
// paragraphs are added to the query, so a long question also finds the
// paragraphs that say the same thing in other words.
#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

namespace graf::searcher {

struct FeedbackOptions {
    unsigned docs = 10;   ///< top paragraphs (one per article) the model is built from
    unsigned terms = 20;  ///< expansion stems kept
    double lambda = 0.3;  ///< weight of the expansion against the original query
};

/// The words of this index that share `stem` (see schema::kStemKeyPrefix).
using VariantsOf = std::function<std::vector<std::string>(const std::string& stem)>;

/// `original` widened by the relevance model of `top` (the first
/// `options.docs` hits of the original query). Stems in `query_stems` are
/// the query's own words and are not added again. Returns `original` when the
/// hits give nothing to add.
Xapian::Query expand_query(const Xapian::Database& db, const Xapian::MSet& top,
                           const Xapian::Query& original,
                           const std::vector<std::string>& query_stems, const VariantsOf& variants,
                           const FeedbackOptions& options);

}  // namespace graf::searcher
