#pragma once
// Turns per-query timings into the benchmark report: per kind and overall
// latency percentiles (microseconds) and single-thread QPS, as a table, as
// the JSON object documented in README.md, and as per-query rows.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "bench/method.hpp"

namespace graf::bench {

struct KindSummary {
    std::string kind;  ///< "all" for every query
    std::size_t queries = 0;
    double p50_us = 0, p90_us = 0, p99_us = 0, max_us = 0, mean_us = 0;
    double qps = 0;  ///< single thread: 1 s / mean latency
    std::uint64_t hits = 0;
};

/// Kinds in the order they first appear in the query file, then "all".
std::vector<KindSummary> summarize(const std::vector<QueryTiming>& timings);

struct ReportHeader {
    std::string engine;  ///< "graf" or "fts5"
    unsigned runs = 0;
    std::size_t k = 0;
    bool snippets = true;
    unsigned threads = 1;
    std::uint64_t seed = 0;
};

nlohmann::ordered_json to_json(const ReportHeader& header, const MethodResult& result);
std::string to_table(const ReportHeader& header, const MethodResult& result);
/// Per-query rows, tab-separated with a header: kind, query, hits, total,
/// min_us, median_us.
void write_rows(const std::filesystem::path& path, const std::vector<QueryTiming>& timings);

}  // namespace graf::bench
