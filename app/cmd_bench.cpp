// graf bench [--db DIR] --queries FILE [options]
// Times searches the way a user runs them (top k collapsed hits with
// snippets); the method and the report are shared with the FTS5 peer in
// benchmarks/ so the two engines' figures compare.
#include <fmt/format.h>

#include "app/cmd_bench.hpp"
#include "app/option_bounds.hpp"
#include "bench/report.hpp"
#include "searcher/query.hpp"
#include "searcher/quote_search.hpp"
#include "searcher/reading_error.hpp"
#include "searcher/searcher.hpp"
#include "web/search_client.hpp"

namespace graf::app {
namespace {

// /api/search's largest limit.
constexpr std::size_t kMaxApiLimit = 100;
// Typo catchers.
constexpr std::uint64_t kMaxRuns = 10'000;
constexpr std::uint64_t kMaxThreads = 256;
constexpr std::uint64_t kMaxK = 1'000'000;

// A `name` query runs as `graf search --name`, every other kind as a query.
searcher::SearchRequest request_for(const bench::BenchQuery& q, const BenchSettings& settings) {
    searcher::SearchRequest req;
    if (q.kind == "name")
        req.name = q.text;
    else
        req.query = q.text;
    req.limit = settings.k;
    req.snippets = settings.snippets;
    req.expand = settings.expand;
    return req;
}

}  // namespace

cxxopts::Options bench_options() {
    cxxopts::Options options("graf bench",
                             "Times searches from a query file: latency per kind, QPS.");
    add_db_option(options);
    // clang-format off
    options.add_options("Benchmark")
        ("queries", "`kind<TAB>query` lines (kind `name` runs as --name, `quote` as graf quotes --name)", cxxopts::value<std::string>(), "FILE")
        ("runs", "timed passes over the queries (after one warm-up pass)",
         cxxopts::value<std::string>()->default_value("5"), "N")
        ("seed", "shuffles the query order of each pass", cxxopts::value<std::uint64_t>()->default_value("42"), "S")
        ("k", "hits per search (also --k)", cxxopts::value<std::string>()->default_value("10"), "K")
        ("no-snippets", "time ranking alone, without building snippets")
        ("expand", "widen every free-word query, as graf search --expand does")
        ("threads", "also measure throughput with N threads, one index handle each",
         cxxopts::value<std::string>()->default_value("1"), "N")
        ("url", "time a running graf serve's /api/search instead of the index (same method)",
         cxxopts::value<std::string>(), "http://HOST:PORT");
    options.add_options("Output")("out", "write per-query rows (kind, query, hits, total, min_us, median_us)",
                                  cxxopts::value<std::string>(), "FILE");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    return options;
}

BenchSettings bench_settings(const cxxopts::ParseResult& args) {
    if (!args.count("queries"))
        throw UsageError("--queries FILE is required (lines of `kind<TAB>query`)");
    BenchSettings s;
    s.index = index_settings(args);
    s.queries = args["queries"].as<std::string>();
    s.method.runs = static_cast<unsigned>(bounded_number(args, "runs", 1, kMaxRuns));
    s.method.seed = args["seed"].as<std::uint64_t>();
    s.method.threads = static_cast<unsigned>(bounded_number(args, "threads", 1, kMaxThreads));
    s.k = bounded_number(args, "k", 1, kMaxK);
    s.snippets = !args.count("no-snippets");
    s.expand = args.count("expand") > 0;
    if (args.count("url")) s.url = args["url"].as<std::string>();
    if (!s.url.empty() && s.k > kMaxApiLimit)
        throw UsageError(fmt::format(
            "with --url, --k takes 1 to {} (what /api/search's limit allows)", kMaxApiLimit));
    if (args.count("out")) s.out = args["out"].as<std::string>();
    s.json = args.count("json") > 0;
    return s;
}

int run_bench(const BenchSettings& settings) {
    const bench::MethodOptions& method = settings.method;
    const std::size_t k = settings.k;
    const bool snippets = settings.snippets;
    const std::string db = use_index(settings.index);
    const std::string& queries_file = settings.queries;
    const std::vector<bench::BenchQuery> queries = bench::read_query_file(queries_file);
    const std::string& url = settings.url;
    // One Searcher, or one kept-alive connection to the server, per thread.
    auto search_for = [&]() -> std::function<bench::Outcome(const searcher::SearchRequest&)> {
        if (!url.empty()) {
            auto c = std::make_shared<web::SearchClient>(url);
            return [c](const searcher::SearchRequest& req) {
                web::SearchClient::Answer a = c->search(req);
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
        return [search, quotes, k, &settings, &queries_file](const bench::BenchQuery& q) {
            try {
                if (q.kind == "quote") {  // graf quotes --name TEXT
                    if (!quotes)
                        throw searcher::QueryError(
                            "the quote kind times graf quotes on a local "
                            "index; leave out --url");
                    searcher::QuoteRequest req;
                    req.speaker = q.text;
                    req.limit = k;
                    const searcher::QuoteResult r = quotes->search(req);
                    return bench::Outcome{r.hits.size(), r.hits.size()};
                }
                return search(request_for(q, settings));
            } catch (const searcher::QueryError& e) {
                throw UsageError(fmt::format("{}:{}: {}", queries_file, q.line, e.what()));
            } catch (const Xapian::WildcardError&) {
                throw UsageError(fmt::format("{}:{}: {}", queries_file, q.line,
                                             searcher::reading_error().what()));
            }
        };
    };
    const bench::MethodResult result = bench::run_method(queries, method, make_runner);

    const bench::ReportHeader header{
        url.empty() ? "graf" : "graf serve", method.runs, k, snippets, method.threads, method.seed};
    if (!settings.out.empty()) bench::write_rows(settings.out, result.timings);
    if (settings.json)
        fmt::print("{}\n", bench::to_json(header, result)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    else
        fmt::print("{}", bench::to_table(header, result));
    return kOk;
}

}  // namespace graf::app
