// graf bench [--db DIR] --queries FILE [options]
// Times searches the way a user runs them (top k collapsed hits with
// snippets); the method and the report are shared with the FTS5 peer in
// benchmarks/ so the two engines' figures compare.
#include <fmt/format.h>

#include "app/cli.hpp"
#include "bench/args.hpp"
#include "bench/method.hpp"
#include "bench/report.hpp"
#include "searcher/query.hpp"
#include "searcher/quote_search.hpp"
#include "searcher/searcher.hpp"
#include "web/search_client.hpp"

namespace graf::app {
namespace {

// /api/search's largest limit.
constexpr std::size_t kMaxApiLimit = 100;

// A `name` query runs as `graf search --name`, every other kind as a query.
searcher::SearchRequest request_for(const bench::BenchQuery& q, std::size_t k, bool snippets) {
    searcher::SearchRequest req;
    if (q.kind == "name")
        req.name = q.text;
    else
        req.query = q.text;
    req.limit = k;
    req.snippets = snippets;
    return req;
}

}  // namespace

int run_bench(int argc, char** argv) {
    cxxopts::Options options("graf bench",
                             "Times searches from a query file: latency per kind, QPS.");
    add_db_option(options);
    // clang-format off
    options.add_options("Benchmark")
        ("queries", "`kind<TAB>query` lines (kind `name` runs as --name, `quote` as graf quotes --name)", cxxopts::value<std::string>(), "FILE")
        ("runs", "timed passes over the queries (after one warm-up pass)",
         cxxopts::value<unsigned>()->default_value("5"), "N")
        ("seed", "shuffles the query order of each pass", cxxopts::value<std::uint64_t>()->default_value("42"), "S")
        ("k", "hits per search (also --k)", cxxopts::value<std::size_t>()->default_value("10"), "K")
        ("no-snippets", "time ranking alone, without building snippets")
        ("threads", "also measure throughput with N threads, one index handle each",
         cxxopts::value<unsigned>()->default_value("1"), "N")
        ("url", "time a running graf serve's /api/search instead of the index (same method)",
         cxxopts::value<std::string>(), "http://HOST:PORT");
    // clang-format on
    // clang-format off
    options.add_options("Output")("out", "write per-query rows (kind, query, hits, total, min_us, median_us)",
                                  cxxopts::value<std::string>(), "FILE");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    cxxopts::ParseResult args;
    bench::BenchArgs bench_args(argc, argv);
    if (!parse_or_help(options, bench_args.argc(), bench_args.argv(), args)) return kOk;
    if (!args.count("queries")) {
        error("bench: --queries FILE is required (lines of `kind<TAB>query`)");
        return kUsage;
    }
    bench::MethodOptions method;
    method.runs = args["runs"].as<unsigned>();
    method.seed = args["seed"].as<std::uint64_t>();
    method.threads = args["threads"].as<unsigned>();
    const std::size_t k = args["k"].as<std::size_t>();
    const bool snippets = !args.count("no-snippets");
    if (method.runs == 0 || method.threads == 0 || k == 0) {
        error("bench: --runs, --threads and --k must be at least 1");
        return kUsage;
    }
    const std::string db = db_option(args);

    const std::string queries_file = args["queries"].as<std::string>();
    std::vector<bench::BenchQuery> queries;
    try {
        queries = bench::read_query_file(queries_file);
    } catch (const bench::QueryFileError& e) {
        error("{}", e.what());
        return kUsage;
    }

    const std::string url = args.count("url") ? args["url"].as<std::string>() : "";
    if (!url.empty() && k > kMaxApiLimit) {
        error("bench: with --url, --k takes 1 to {} (what /api/search's limit allows)",
              kMaxApiLimit);
        return kUsage;
    }
    // One Searcher, or one kept-alive connection to the server, per thread.
    auto search_for = [&]() -> std::function<bench::Outcome(const searcher::SearchRequest&)> {
        if (!url.empty()) {
            auto c = std::make_shared<web::SearchClient>(url);
            return [c](const searcher::SearchRequest& req) {
                web::SearchClient::Answer a =
                    c->search(req.query, req.name, req.limit, req.snippets);
                return bench::Outcome{a.hits, a.total};
            };
        }
        auto s = std::make_shared<searcher::Searcher>(db);
        return [s](const searcher::SearchRequest& req) {
            searcher::SearchResult r = s->search(req);
            return bench::Outcome{r.hits.size(), r.total_estimate};
        };
    };
    auto make_runner = [&]() -> bench::RunQuery {
        auto search = search_for();
        auto quotes = url.empty() ? std::make_shared<searcher::QuoteSearcher>(db) : nullptr;
        return [search, quotes, k, snippets, &queries_file](const bench::BenchQuery& q) {
            try {
                if (q.kind == "quote") {  // graf quotes --name TEXT
                    if (!quotes)
                        throw searcher::QueryError("the quote kind times graf quotes on a local "
                                                   "index; leave out --url");
                    searcher::QuoteRequest req;
                    req.speaker = q.text;
                    req.limit = k;
                    const searcher::QuoteResult r = quotes->search(req);
                    return bench::Outcome{r.hits.size(), r.hits.size()};
                }
                return search(request_for(q, k, snippets));
            } catch (const searcher::QueryError& e) {
                throw searcher::QueryError(
                    fmt::format("{}:{}: {}", queries_file, q.line, e.what()));
            } catch (const Xapian::WildcardError&) {
                throw searcher::QueryError(
                    fmt::format("{}:{}: a wildcard matches more than {} words", queries_file,
                                q.line, searcher::kWildcardLimit));
            }
        };
    };
    bench::MethodResult result;
    try {
        result = bench::run_method(queries, method, make_runner);
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    } catch (const searcher::QueryError& e) {
        error("query error: {}", e.what());
        return kUsage;
    } catch (const web::ServerError& e) {
        error("bench: {}", e.what());
        return kNothing;
    }

    const bench::ReportHeader header{
        url.empty() ? "graf" : "graf serve", method.runs, k, snippets, method.threads, method.seed};
    if (args.count("out")) bench::write_rows(args["out"].as<std::string>(), result.timings);
    if (args.count("json"))
        fmt::print("{}\n", bench::to_json(header, result)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    else
        fmt::print("{}", bench::to_table(header, result));
    return kOk;
}

}  // namespace graf::app
