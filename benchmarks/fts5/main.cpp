// graf-fts5-peer: the SQLite FTS5 engine graf is measured against.
//   graf-fts5-peer index --db FILE [--json] CORPUS...
//   graf-fts5-peer bench --db FILE --queries FILE [same options as graf bench]
//   graf-fts5-peer index --articles --db FILE CORPUS...   (one row per article)
//   graf-fts5-peer eval --db FILE --queries Q.tsv --qrels QRELS [as graf eval]
// The subcommands mirror graf's so benchmarks/compare and benchmarks/eval can
// drive either.
#include <fmt/format.h>
#include <cxxopts.hpp>

#include <cstring>

#include "bench/args.hpp"
#include "bench/method.hpp"
#include "bench/report.hpp"
#include "benchmarks/fts5/article_index.hpp"
#include "benchmarks/fts5/fts5_engine.hpp"
#include "benchmarks/fts5/translate.hpp"
#include "corpus/corpus_reader.hpp"
#include "eval/evaluation.hpp"
#include "eval/report.hpp"

namespace {

using namespace graf::bench;

int run_index(int argc, char** argv) {
    cxxopts::Options options("graf-fts5-peer index",
                             "Index a corpus into SQLite FTS5, one row per paragraph.");
    // clang-format off
    options.add_options()("db", "database file", cxxopts::value<std::string>())(
        "commit-every", "paragraphs per transaction", cxxopts::value<std::size_t>()->default_value("20000"))(
        "articles", "one row per article (title, body) for `eval`, tokenizer porter unicode61 remove_diacritics 2")(
        "json", "print a JSON summary")("inputs", "corpus", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    options.parse_positional({"inputs"});
    auto args = options.parse(argc, argv);
    if (!args.count("db") || !args.count("inputs")) {
        fmt::print(stderr, "fts5-peer: usage: graf-fts5-peer index --db FILE CORPUS...\n");
        return 1;
    }
    std::vector<std::filesystem::path> inputs;
    for (const auto& i : args["inputs"].as<std::vector<std::string>>()) inputs.emplace_back(i);
    const std::string db = args["db"].as<std::string>();
    fts5::IndexSummary s = args.count("articles")
                               ? fts5::build_articles(db, inputs)
                               : fts5::build(db, inputs, args["commit-every"].as<std::size_t>());
    const double mbps = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
    if (args.count("json"))
        fmt::print(
            "{{\"engine\":\"fts5\",\"articles\":{},\"paragraphs\":{},\"bytes\":{},\"skipped\":{},"
            "\"seconds\":{},\"mb_per_s\":{}}}\n",
            s.articles, s.paragraphs, s.bytes, s.skipped, s.seconds, mbps);
    else
        fmt::print("indexed {} articles, {} paragraphs, {:.2f} s, {:.1f} MB/s\n", s.articles,
                   s.paragraphs, s.seconds, mbps);
    return s.articles ? 0 : 2;
}

int run_bench(int argc, char** argv) {
    cxxopts::Options options("graf-fts5-peer bench",
                             "Time FTS5 searches from a query file, as `graf bench` does.");
    // clang-format off
    options.add_options()("db", "database file", cxxopts::value<std::string>())(
        "queries", "kind<TAB>query lines", cxxopts::value<std::string>())(
        "runs", "timed passes", cxxopts::value<unsigned>()->default_value("5"))(
        "seed", "shuffle seed", cxxopts::value<std::uint64_t>()->default_value("42"))(
        "k", "hits per search", cxxopts::value<std::size_t>()->default_value("10"))(
        "no-snippets", "no snippet()")("threads", "throughput threads", cxxopts::value<unsigned>()->default_value("1"))(
        "out", "per-query rows", cxxopts::value<std::string>())("json", "JSON report");
    // clang-format on
    graf::bench::BenchArgs bench_args(argc, argv);
    auto args = options.parse(bench_args.argc(), bench_args.argv());
    if (!args.count("db") || !args.count("queries")) {
        fmt::print(stderr, "fts5-peer: usage: graf-fts5-peer bench --db FILE --queries FILE\n");
        return 1;
    }
    MethodOptions method{args["runs"].as<unsigned>(), args["seed"].as<std::uint64_t>(),
                         args["threads"].as<unsigned>()};
    const std::size_t k = args["k"].as<std::size_t>();
    const bool snippets = !args.count("no-snippets");
    const std::string db = args["db"].as<std::string>();
    const std::vector<BenchQuery> queries = read_query_file(args["queries"].as<std::string>());

    auto make_runner = [&]() -> RunQuery {
        auto s = std::make_shared<fts5::Fts5Searcher>(db);
        return [s, k, snippets](const BenchQuery& q) {
            auto found = s->search(fts5::to_fts5_match(q.kind, q.text), k, snippets);
            return Outcome{found.size(), 0};  // FTS5 gives no total without reading every row
        };
    };
    MethodResult result = run_method(queries, method, make_runner);
    const ReportHeader header{"fts5", method.runs, k, snippets, method.threads, method.seed};
    if (args.count("out")) write_rows(args["out"].as<std::string>(), result.timings);
    if (args.count("json"))
        fmt::print("{}\n", to_json(header, result).dump());
    else
        fmt::print("{}", to_table(header, result));
    return 0;
}

// Ranking quality, measured as `graf eval` measures graf: every query's
// words OR-ed (whatever syntax it holds), bm25(), the top 1,000 articles.
int run_eval(int argc, char** argv) {
    cxxopts::Options options("graf-fts5-peer eval",
                             "Measure FTS5's ranking on judged queries, as `graf eval` does.");
    // clang-format off
    options.add_options()("db", "article index (`index --articles`)", cxxopts::value<std::string>())(
        "queries", "qid<TAB>query lines", cxxopts::value<std::string>())(
        "qrels", "TREC qrels", cxxopts::value<std::string>())(
        "run", "write the TREC run", cxxopts::value<std::string>())(
        "per-query", "one line per judged query")("json", "JSON report");
    // clang-format on
    auto args = options.parse(argc, argv);
    if (!args.count("db") || !args.count("queries") || !args.count("qrels")) {
        fmt::print(stderr,
                   "fts5-peer: usage: graf-fts5-peer eval --db FILE --queries Q.tsv --qrels "
                   "QRELS [--run OUT] [--per-query] [--json]\n");
        return 1;
    }
    graf::eval::ReportOptions out{"fts5", args["queries"].as<std::string>(),
                                  args.count("run") ? args["run"].as<std::string>() : "",
                                  args.count("per-query") > 0, args.count("json") > 0};
    const auto queries = graf::eval::read_queries(out.queries);
    const auto qrels = graf::eval::read_qrels(args["qrels"].as<std::string>());
    fts5::ArticleSearcher searcher(args["db"].as<std::string>());
    auto runs = graf::eval::run_queries(queries, [&](const graf::eval::EvalQuery& q) {
        return searcher.search(fts5::to_fts5_any_words(q.text), graf::eval::kDepth);
    });
    graf::eval::report(graf::eval::evaluate(runs, qrels), runs, out);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr,
                   "usage: graf-fts5-peer index|bench|eval [options] (see benchmarks/README.md)\n");
        return 1;
    }
    try {
        if (!std::strcmp(argv[1], "index")) return run_index(argc - 1, argv + 1);
        if (!std::strcmp(argv[1], "bench")) return run_bench(argc - 1, argv + 1);
        if (!std::strcmp(argv[1], "eval")) return run_eval(argc - 1, argv + 1);
    } catch (const std::exception& e) {
        fmt::print(stderr, "fts5-peer: {}\n", e.what());
        return 1;
    }
    fmt::print(stderr, "fts5-peer: unknown command '{}' (index, bench, eval)\n", argv[1]);
    return 1;
}
