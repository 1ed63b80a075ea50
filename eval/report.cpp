#include "eval/report.hpp"

#include <fmt/format.h>

#include <fstream>

namespace graf::eval {
namespace {

// Four decimals, as trec_eval prints them; JSON keeps full precision.
std::string four(double v) {
    return fmt::format("{:.4f}", v);
}

nlohmann::ordered_json query_json(const QueryScore& s) {
    nlohmann::ordered_json j = {{"qid", s.qid},
                                {"map", s.measures.ap},
                                {"ndcg_10", s.measures.ndcg_10},
                                {"p_10", s.measures.p_10},
                                {"r_100", s.measures.r_100},
                                {"relevant", s.counts.relevant},
                                {"retrieved", s.counts.retrieved},
                                {"relevant_retrieved", s.counts.relevant_retrieved}};
    if (!s.error.empty()) j["error"] = s.error;
    if (s.not_in_queries) j["not_in_queries"] = true;
    return j;
}

std::string query_line(const QueryScore& s) {
    std::string note = s.not_in_queries  ? "  not in the query file"
                       : s.error.empty() ? ""
                                         : "  rejected: " + s.error;
    return fmt::format("{:<12} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9} {:>8}{}\n", s.qid,
                       four(s.measures.ap), four(s.measures.ndcg_10), four(s.measures.p_10),
                       four(s.measures.r_100), s.counts.relevant, s.counts.retrieved,
                       s.counts.relevant_retrieved, note);
}

}  // namespace

void write_run_file(const std::filesystem::path& path, const std::vector<QueryRun>& runs,
                    const std::string& tag) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw RunFileError(fmt::format("cannot write run file {}", path.string()));
    for (const QueryRun& run : runs) write_run(out, run.query.qid, run.ranked, tag);
    out.close();
    if (!out) throw RunFileError(fmt::format("writing run file {} failed", path.string()));
}

nlohmann::ordered_json to_json(const Evaluation& e, const std::vector<QueryRun>& runs,
                               const ReportOptions& options) {
    nlohmann::ordered_json rejected = nlohmann::ordered_json::array();
    for (const QueryRun& run : runs)
        if (!run.error.empty())
            rejected.push_back(
                {{"qid", run.query.qid}, {"line", run.query.line}, {"error", run.error}});
    nlohmann::ordered_json j = {{"engine", options.engine},
                                {"queries", e.scored.size()},
                                {"queries_in_file", e.queries_in_file},
                                {"unjudged", e.unjudged},
                                {"map", e.mean.ap},
                                {"ndcg_10", e.mean.ndcg_10},
                                {"p_10", e.mean.p_10},
                                {"r_100", e.mean.r_100},
                                {"rejected", rejected}};
    if (options.per_query) {
        nlohmann::ordered_json per = nlohmann::ordered_json::array();
        for (const QueryScore& s : e.scored) per.push_back(query_json(s));
        j["per_query"] = per;
    }
    return j;
}

std::string to_text(const Evaluation& e, const std::vector<QueryRun>& runs,
                    const ReportOptions& options) {
    std::size_t rejected = 0;
    for (const QueryRun& run : runs) rejected += !run.error.empty();
    std::string out;
    if (options.per_query) {
        out += fmt::format("{:<12} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9} {:>8}\n", "qid", "AP",
                           "nDCG@10", "P@10", "R@100", "relevant", "retrieved", "rel_ret");
        for (const QueryScore& s : e.scored) out += query_line(s);
        out += '\n';
    }
    out += fmt::format("{}: {} judged queries ({} in {}, {} without relevant documents)\n",
                       options.engine, e.scored.size(), e.queries_in_file,
                       options.queries.filename().string(), e.unjudged);
    out += fmt::format("MAP      {}\n", four(e.mean.ap));
    out += fmt::format("nDCG@10  {}\n", four(e.mean.ndcg_10));
    out += fmt::format("P@10     {}\n", four(e.mean.p_10));
    out += fmt::format("R@100    {}\n", four(e.mean.r_100));
    if (rejected) out += fmt::format("rejected {} (scored 0)\n", rejected);
    return out;
}

void report(const Evaluation& e, const std::vector<QueryRun>& runs, const ReportOptions& options) {
    for (const QueryRun& run : runs)
        if (!run.error.empty())
            fmt::print(stderr, "{}: query {} ({}:{}) rejected, scored 0: {}\n", options.engine,
                       run.query.qid, options.queries.string(), run.query.line, run.error);
    for (const QueryScore& s : e.scored)
        if (s.not_in_queries)
            fmt::print(stderr, "{}: query {} is judged but not in {}: scored 0\n", options.engine,
                       s.qid, options.queries.string());
    if (!options.run.empty()) write_run_file(options.run, runs, options.engine);
    if (options.json)
        fmt::print("{}\n", to_json(e, runs, options)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    else
        fmt::print("{}", to_text(e, runs, options));
}

}  // namespace graf::eval
