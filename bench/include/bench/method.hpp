#pragma once
// How a query benchmark is run, shared by `graf bench` and the FTS5 peer so
// both engines are measured the same way (after PISA's `queries` tool):
// one warm-up pass that is not counted, then `runs` passes over the queries
// in a shuffled order (fixed seed); a query's time is its minimum over the
// runs, its median is reported too.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bench/query_file.hpp"

namespace graf::bench {

struct MethodOptions {
    unsigned runs = 5;
    std::uint64_t seed = 42;
    unsigned threads = 1;  ///< > 1: also a wall-clock throughput run from N threads
};

/// Runs one query and returns how many hits it produced (kept so the work
/// cannot be optimised away, and reported so engines can be compared).
struct Outcome {
    std::uint64_t hits = 0;   ///< hits returned (at most k)
    std::uint64_t total = 0;  ///< matching articles, as the engine reports them
};
using RunQuery = std::function<Outcome(const BenchQuery&)>;
/// Makes a RunQuery with its own engine handle, for one thread.
using MakeRunner = std::function<RunQuery()>;

struct QueryTiming {
    BenchQuery query;
    Outcome outcome;
    double min_us = 0;
    double median_us = 0;
};

struct Throughput {
    unsigned threads = 0;
    std::uint64_t queries = 0;
    double seconds = 0;
    double qps = 0;
};

struct MethodResult {
    std::vector<QueryTiming> timings;  ///< in query-file order
    Throughput throughput;             ///< threads = 0 when not run
};

/// Times every query. The first error a query throws propagates.
MethodResult run_method(const std::vector<BenchQuery>& queries, const MethodOptions& options,
                        const MakeRunner& make_runner);

}  // namespace graf::bench
