#pragma once
// trec_eval's measures for one query (README.md, "Ranking", defines them).
#include "eval/judgments.hpp"
#include "eval/run_file.hpp"

namespace graf::eval {

struct Measures {
    double ap = 0;       ///< trec_eval `map`: average precision over the top 1,000
    double ndcg_10 = 0;  ///< trec_eval `ndcg_cut_10`
    double p_10 = 0;     ///< trec_eval `P_10`
    double r_100 = 0;    ///< trec_eval `recall_100`
};

struct QueryCounts {
    std::size_t relevant = 0;            ///< judged relevant (grade > 0) in the qrels
    std::size_t retrieved = 0;           ///< in the ranking (at most kDepth)
    std::size_t relevant_retrieved = 0;  ///< relevant among them
};

/// Measures a ranking in trec_order against one query's judgments. A query
/// without relevant documents measures 0 (callers leave it out of means).
Measures measure(const Ranking& ranked, const Judged& judged, QueryCounts* counts = nullptr);

}  // namespace graf::eval
