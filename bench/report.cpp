#include "bench/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "error/error.hpp"

namespace graf::bench {
namespace {

// Nearest-rank percentile of sorted values: the smallest value with at least
// p% of the values at or below it (so p99 of 10 queries is the maximum).
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

KindSummary summary_of(const std::string& kind, std::vector<double> us, std::uint64_t hits) {
    std::sort(us.begin(), us.end());
    KindSummary s;
    s.kind = kind;
    s.queries = us.size();
    s.p50_us = percentile(us, 50);
    s.p90_us = percentile(us, 90);
    s.p99_us = percentile(us, 99);
    s.max_us = us.empty() ? 0 : us.back();
    double sum = 0;
    for (double v : us) sum += v;
    s.mean_us = us.empty() ? 0 : sum / static_cast<double>(us.size());
    s.qps = s.mean_us > 0 ? 1e6 / s.mean_us : 0;
    s.hits = hits;
    return s;
}

}  // namespace

std::vector<KindSummary> summarize(const std::vector<QueryTiming>& timings) {
    std::vector<std::string> kinds;
    for (const QueryTiming& t : timings)
        if (std::find(kinds.begin(), kinds.end(), t.query.kind) == kinds.end())
            kinds.push_back(t.query.kind);
    std::vector<KindSummary> out;
    std::vector<double> all;
    std::uint64_t all_hits = 0;
    for (const std::string& kind : kinds) {
        std::vector<double> us;
        std::uint64_t hits = 0;
        for (const QueryTiming& t : timings)
            if (t.query.kind == kind) {
                us.push_back(t.min_us);
                hits += t.outcome.hits;
            }
        all.insert(all.end(), us.begin(), us.end());
        all_hits += hits;
        out.push_back(summary_of(kind, std::move(us), hits));
    }
    out.push_back(summary_of("all", std::move(all), all_hits));
    return out;
}

nlohmann::ordered_json to_json(const ReportHeader& header, const MethodResult& result) {
    nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
    for (const KindSummary& s : summarize(result.timings))
        kinds[s.kind] = {{"queries", s.queries}, {"p50_us", s.p50_us}, {"p90_us", s.p90_us},
                         {"p99_us", s.p99_us},   {"max_us", s.max_us}, {"mean_us", s.mean_us},
                         {"qps", s.qps},         {"hits", s.hits}};
    nlohmann::ordered_json j = {{"engine", header.engine},
                                {"runs", header.runs},
                                {"k", header.k},
                                {"snippets", header.snippets},
                                {"threads", header.threads},
                                {"seed", header.seed},
                                {"kinds", kinds}};
    if (result.throughput.threads > 1)
        j["throughput"] = {{"threads", result.throughput.threads},
                           {"queries", result.throughput.queries},
                           {"seconds", result.throughput.seconds},
                           {"qps", result.throughput.qps}};
    return j;
}

std::string to_table(const ReportHeader& header, const MethodResult& result) {
    std::string out =
        fmt::format("{}: {} queries, k={}, {}, min of {} runs (seed {}), latency in µs\n",
                    header.engine, result.timings.size(), header.k,
                    header.snippets ? "with snippets" : "no snippets", header.runs, header.seed);
    out += fmt::format("{:<10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}\n", "kind",
                       "queries", "p50", "p90", "p99", "max", "mean", "qps", "hits");
    for (const KindSummary& s : summarize(result.timings))
        out += fmt::format(
            "{:<10} {:>7} {:>9.0f} {:>9.0f} {:>9.0f} {:>9.0f} {:>9.0f} {:>9.0f} {:>7}\n", s.kind,
            s.queries, s.p50_us, s.p90_us, s.p99_us, s.max_us, s.mean_us, s.qps, s.hits);
    if (result.throughput.threads > 1)
        out +=
            fmt::format("throughput with {} threads: {:.0f} queries/s ({} queries in {:.2f} s)\n",
                        result.throughput.threads, result.throughput.qps, result.throughput.queries,
                        result.throughput.seconds);
    return out;
}

void write_rows(const std::filesystem::path& path, const std::vector<QueryTiming>& timings) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError(fmt::format("cannot write {}", path.string()));
    out << "kind\tquery\thits\ttotal\tmin_us\tmedian_us\n";
    for (const QueryTiming& t : timings)
        out << fmt::format("{}\t{}\t{}\t{}\t{:.1f}\t{:.1f}\n", t.query.kind, t.query.text,
                           t.outcome.hits, t.outcome.total, t.min_us, t.median_us);
    if (!out.flush()) throw UsageError(fmt::format("cannot write {}", path.string()));
}

}  // namespace graf::bench
