#pragma once
// Running an engine over a query file and averaging its measures the way
// `trec_eval -c` does: over every query with at least one relevant document
// in the qrels; such a query that retrieved nothing (or that the engine
// rejected, or that the query file lacks) scores 0.
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "eval/judgments.hpp"
#include "eval/measures.hpp"
#include "eval/run_file.hpp"

#include "error/error.hpp"

namespace graf::eval {

/// Thrown by an engine for a query it cannot run (malformed for its parser):
/// the query scores 0 and the evaluation goes on.
class QueryRejected : public Error {
  public:
    explicit QueryRejected(const std::string& message) : Error(kUsage, message) {}
};

/// Ranks the documents for one query, best first (any order of ties).
using Engine = std::function<Ranking(const EvalQuery&)>;

struct QueryRun {
    EvalQuery query;
    Ranking ranked;     ///< in trec_order, at most kDepth
    std::string error;  ///< non-empty: the engine rejected the query
};

/// Runs every query; a QueryRejected is recorded in its QueryRun, any other
/// exception (a broken index) stops the run.
std::vector<QueryRun> run_queries(const std::vector<EvalQuery>& queries, const Engine& engine);

struct QueryScore {
    std::string qid;
    Measures measures;
    QueryCounts counts;
    std::string error;            ///< the engine rejected it
    bool not_in_queries = false;  ///< judged, but the query file lacks it
};

struct Evaluation {
    std::vector<QueryScore> scored;  ///< the judged queries: query-file order, then the missing
    Measures mean;
    std::size_t queries_in_file = 0;
    std::size_t unjudged = 0;  ///< queries without a relevant document in the qrels
};

/// Throws JudgmentsError when no query has a relevant document in the qrels
/// (a queries file and a qrels file that do not belong together).
Evaluation evaluate(const std::vector<QueryRun>& runs, const Qrels& qrels);

}  // namespace graf::eval
