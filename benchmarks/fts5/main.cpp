// graf-fts5-peer: the SQLite FTS5 engine graf is measured against.
//   graf-fts5-peer index --db FILE [--json] CORPUS...
//   graf-fts5-peer bench --db FILE --queries FILE [same options as graf bench]
// Both subcommands mirror graf's so benchmarks/compare can drive either.
#include <fmt/format.h>
#include <cxxopts.hpp>

#include <cstring>

#include "benchmarks/fts5/fts5_engine.hpp"
#include "benchmarks/fts5/translate.hpp"
#include "benchmarks/method/args.hpp"
#include "benchmarks/method/method.hpp"
#include "benchmarks/method/report.hpp"
#include "corpus/corpus_reader.hpp"

namespace {

using namespace graf::bench;

int run_index(int argc, char** argv) {
    cxxopts::Options options("graf-fts5-peer index",
                             "Index a corpus into SQLite FTS5, one row per paragraph.");
    // clang-format off
    options.add_options()("db", "database file", cxxopts::value<std::string>())(
        "commit-every", "paragraphs per transaction", cxxopts::value<std::size_t>()->default_value("20000"))(
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
    fts5::IndexSummary s =
        fts5::build(args["db"].as<std::string>(), inputs, args["commit-every"].as<std::size_t>());
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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr,
                   "usage: graf-fts5-peer index|bench [options] (see benchmarks/README.md)\n");
        return 1;
    }
    try {
        if (!std::strcmp(argv[1], "index")) return run_index(argc - 1, argv + 1);
        if (!std::strcmp(argv[1], "bench")) return run_bench(argc - 1, argv + 1);
    } catch (const std::exception& e) {
        fmt::print(stderr, "fts5-peer: {}\n", e.what());
        return 1;
    }
    fmt::print(stderr, "fts5-peer: unknown command '{}' (index, bench)\n", argv[1]);
    return 1;
}
