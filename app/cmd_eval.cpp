// graf eval --db DB --queries Q.tsv --qrels QRELS [--run OUT] [--per-query] [--json]
// Ranking quality on a judged collection: every query runs as `graf search`
// runs it (collapsed by article, top 1,000, no snippets) and the ranking is
// measured with trec_eval's definitions (eval/, README "Ranking").
#include <fmt/format.h>

#include "app/cmd_eval.hpp"
#include "eval/evaluation.hpp"
#include "eval/judgments.hpp"
#include "schema/schema.hpp"
#include "searcher/query.hpp"
#include "searcher/searcher.hpp"

namespace graf::app {
namespace {

// The search `graf search --limit 1000 --no-snippets` does, with the query
// errors it reports as usage errors turned into a rejected query.
eval::Ranking rank(searcher::Searcher& s, const eval::EvalQuery& q, const EvalSettings& settings) {
    searcher::SearchRequest req;
    (settings.name_queries ? req.name : req.query) = q.text;
    req.expand = settings.expand;
    req.limit = eval::kDepth;
    req.snippets = false;
    req.suggest = false;  // a suggestion changes no hit
    try {
        eval::Ranking ranked;
        // An article shown once for several identical ones ("also: …") stands
        // for each of them, in that place: the reader sees every id.
        for (const searcher::Hit& h : s.search(req).hits) {
            ranked.push_back({h.article, h.score});
            for (const std::string& other : h.duplicates) {
                const std::string_view source = schema::source_of_key(other);
                ranked.push_back(
                    {source.empty() ? other : other.substr(source.size() + 1), h.score});
            }
        }
        if (ranked.size() > eval::kDepth) ranked.resize(eval::kDepth);
        return ranked;
    } catch (const searcher::QueryError& e) {
        throw eval::QueryRejected(e.problem());
    } catch (const Xapian::WildcardError&) {
        throw eval::QueryRejected(
            fmt::format("a wildcard matches more than {} words", searcher::kWildcardLimit));
    }
}

}  // namespace

cxxopts::Options eval_options() {
    cxxopts::Options options(
        "graf eval",
        "Measures ranking on judged queries: MAP, nDCG@10, P@10, R@100 (trec_eval's).");
    add_db_option(options);
    // clang-format off
    options.add_options("Judgments")
        ("queries", "`qid<TAB>query` lines", cxxopts::value<std::string>(), "FILE")
        ("qrels", "TREC qrels: `qid 0 docid relevance` lines (docid = article id)", cxxopts::value<std::string>(), "FILE")
        ("name-queries", "run every query as --name \"FULL NAME\"")
        ("expand", "widen every free-word query, as graf search --expand does");
    options.add_options("Output")
        ("run", "write the TREC run (`qid Q0 article rank score graf`)", cxxopts::value<std::string>(), "FILE")
        ("per-query", "one line per judged query");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    return options;
}

EvalSettings eval_settings(const cxxopts::ParseResult& args) {
    if (!args.count("queries") || !args.count("qrels"))
        throw UsageError("--queries FILE and --qrels FILE are required (see `graf eval --help`)");
    EvalSettings s;
    s.index = index_settings(args);
    s.qrels = args["qrels"].as<std::string>();
    s.name_queries = args.count("name-queries") > 0;
    s.expand = args.count("expand") > 0;
    s.report = {"graf", args["queries"].as<std::string>(),
                args.count("run") ? args["run"].as<std::string>() : "", args.count("per-query") > 0,
                args.count("json") > 0};
    return s;
}

int run_eval(const EvalSettings& settings) {
    const std::vector<eval::EvalQuery> queries = eval::read_queries(settings.report.queries);
    const eval::Qrels qrels = eval::read_qrels(settings.qrels);
    searcher::Searcher s(use_index(settings.index));
    warn_stale_shards(s.stale_shards());
    auto runs =
        eval::run_queries(queries, [&](const eval::EvalQuery& q) { return rank(s, q, settings); });
    eval::report(eval::evaluate(runs, qrels), runs, settings.report);
    return kOk;
}

}  // namespace graf::app
