#include "eval/evaluation.hpp"

#include <set>

namespace graf::eval {

std::vector<QueryRun> run_queries(const std::vector<EvalQuery>& queries, const Engine& engine) {
    std::vector<QueryRun> runs;
    for (const EvalQuery& q : queries) {
        QueryRun run{q, {}, {}};
        try {
            run.ranked = trec_order(engine(q));
        } catch (const QueryRejected& e) {
            run.error = e.what();
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

Evaluation evaluate(const std::vector<QueryRun>& runs, const Qrels& qrels) {
    Evaluation e;
    e.queries_in_file = runs.size();
    std::set<std::string> in_file;
    for (const QueryRun& run : runs) {
        in_file.insert(run.query.qid);
        auto judged = qrels.find(run.query.qid);
        if (judged == qrels.end() || relevant_count(judged->second) == 0) {
            ++e.unjudged;
            continue;
        }
        QueryScore s{run.query.qid, {}, {}, run.error, false};
        s.measures = measure(run.ranked, judged->second, &s.counts);
        e.scored.push_back(std::move(s));
    }
    for (const auto& [qid, judged] : qrels) {
        if (in_file.count(qid) || relevant_count(judged) == 0) continue;
        QueryScore s{qid, {}, {}, {}, true};
        s.counts.relevant = relevant_count(judged);
        e.scored.push_back(std::move(s));
    }
    if (e.scored.empty())
        throw JudgmentsError(
            "no query of the query file has a relevant document in the qrels: do the two files "
            "belong to the same collection?");
    for (const QueryScore& s : e.scored) {
        e.mean.ap += s.measures.ap;
        e.mean.ndcg_10 += s.measures.ndcg_10;
        e.mean.p_10 += s.measures.p_10;
        e.mean.r_100 += s.measures.r_100;
    }
    const auto n = static_cast<double>(e.scored.size());
    e.mean = {e.mean.ap / n, e.mean.ndcg_10 / n, e.mean.p_10 / n, e.mean.r_100 / n};
    return e;
}

}  // namespace graf::eval
