#pragma once
// What every evaluated engine prints, so `graf eval` and the peers read
// alike and the `make eval` driver parses one format: the run file, the
// means as text or JSON, per-query lines, and the rejected queries.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"

namespace graf::eval {

struct ReportOptions {
    std::string engine;             ///< the run tag and the JSON "engine"
    std::filesystem::path queries;  ///< named in messages
    std::filesystem::path run;      ///< empty: no run file
    bool per_query = false;
    bool json = false;
};

/// Writes every query's ranking as a TREC run. Throws RunFileError.
void write_run_file(const std::filesystem::path& path, const std::vector<QueryRun>& runs,
                    const std::string& tag);

/// {"engine", "queries" (judged, averaged over), "queries_in_file", "unjudged",
///  "map", "ndcg_10", "p_10", "r_100", "rejected": [{"qid", "line", "error"}],
///  "per_query"?: [{"qid", "map", "ndcg_10", "p_10", "r_100", "relevant",
///  "retrieved", "relevant_retrieved", "error"?, "not_in_queries"?}]}
nlohmann::ordered_json to_json(const Evaluation& e, const std::vector<QueryRun>& runs,
                               const ReportOptions& options);

/// The means (and per-query lines) as an aligned text table.
std::string to_text(const Evaluation& e, const std::vector<QueryRun>& runs,
                    const ReportOptions& options);

/// The whole report: one stderr line per rejected query (qid, file:line,
/// message), the run file if asked, then text or JSON on stdout.
void report(const Evaluation& e, const std::vector<QueryRun>& runs, const ReportOptions& options);

}  // namespace graf::eval
