// graf-xapian-peer: Xapian's stock stack measured beside graf.
//   graf-xapian-peer index --db DIR [--json] CORPUS...
//   graf-xapian-peer eval --db DIR --queries Q.tsv --qrels QRELS [--run OUT]
//                         [--per-query] [--json]
// The subcommands mirror graf's so benchmarks/eval can drive either.
#include <fmt/format.h>

#include <cstring>
#include <cxxopts.hpp>

#include "benchmarks/eval/xapian_stock.hpp"
#include "eval/evaluation.hpp"
#include "eval/report.hpp"

namespace {

using namespace graf;

int run_index(int argc, char** argv) {
    cxxopts::Options options(
        "graf-xapian-peer index",
        "Index a corpus with Xapian's TermGenerator, one document per article.");
    // clang-format off
    options.add_options()("db", "database folder", cxxopts::value<std::string>())(
        "json", "print a JSON summary")("inputs", "corpus", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    options.parse_positional({"inputs"});
    auto args = options.parse(argc, argv);
    if (!args.count("db") || !args.count("inputs")) {
        fmt::print(stderr, "xapian-peer: usage: graf-xapian-peer index --db DIR CORPUS...\n");
        return 1;
    }
    std::vector<std::filesystem::path> inputs;
    for (const auto& i : args["inputs"].as<std::vector<std::string>>()) inputs.emplace_back(i);
    auto s = bench::xapian_stock::build(args["db"].as<std::string>(), inputs);
    if (args.count("json"))
        fmt::print(
            "{{\"engine\":\"xapian\",\"articles\":{},\"bytes\":{},\"skipped\":{},"
            "\"seconds\":{}}}\n",
            s.articles, s.bytes, s.skipped, s.seconds);
    else
        fmt::print("indexed {} articles, {:.2f} s\n", s.articles, s.seconds);
    return s.articles ? 0 : 2;
}

int run_eval(int argc, char** argv) {
    cxxopts::Options options(
        "graf-xapian-peer eval",
        "Measure Xapian's stock ranking on judged queries, as `graf eval` does.");
    // clang-format off
    options.add_options()("db", "database folder", cxxopts::value<std::string>())(
        "queries", "qid<TAB>query lines", cxxopts::value<std::string>())(
        "qrels", "TREC qrels", cxxopts::value<std::string>())(
        "run", "write the TREC run", cxxopts::value<std::string>())(
        "per-query", "one line per judged query")("json", "JSON report");
    // clang-format on
    auto args = options.parse(argc, argv);
    if (!args.count("db") || !args.count("queries") || !args.count("qrels")) {
        fmt::print(stderr,
                   "xapian-peer: usage: graf-xapian-peer eval --db DIR --queries Q.tsv --qrels "
                   "QRELS [--run OUT] [--per-query] [--json]\n");
        return 1;
    }
    eval::ReportOptions out{"xapian", args["queries"].as<std::string>(),
                            args.count("run") ? args["run"].as<std::string>() : "",
                            args.count("per-query") > 0, args.count("json") > 0};
    const auto queries = eval::read_queries(out.queries);
    const auto qrels = eval::read_qrels(args["qrels"].as<std::string>());
    bench::xapian_stock::StockSearcher searcher(args["db"].as<std::string>());
    auto runs = eval::run_queries(
        queries, [&](const eval::EvalQuery& q) { return searcher.search(q.text, eval::kDepth); });
    eval::report(eval::evaluate(runs, qrels), runs, out);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr,
                   "usage: graf-xapian-peer index|eval [options] (see README.md, Ranking)\n");
        return 1;
    }
    try {
        if (!std::strcmp(argv[1], "index")) return run_index(argc - 1, argv + 1);
        if (!std::strcmp(argv[1], "eval")) return run_eval(argc - 1, argv + 1);
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "xapian-peer: {}\n", e.get_description());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "xapian-peer: {}\n", e.what());
        return 1;
    }
    fmt::print(stderr, "xapian-peer: unknown command '{}' (index, eval)\n", argv[1]);
    return 1;
}
