#include "bench/method.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

namespace graf::bench {
namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// N threads, each with its own engine handle, take queries from one shared
// counter until `runs` passes are done; the wall clock gives throughput.
Throughput run_threads(const std::vector<BenchQuery>& queries, const MethodOptions& options,
                       const MakeRunner& make_runner) {
    std::vector<RunQuery> runners;
    for (unsigned t = 0; t < options.threads; ++t) runners.push_back(make_runner());
    const std::uint64_t total = std::uint64_t{queries.size()} * options.runs;
    std::atomic<std::uint64_t> next{0};
    std::atomic<std::uint64_t> sink{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < options.threads; ++t)
        threads.emplace_back([&, t] {
            try {
                for (std::uint64_t i; (i = next.fetch_add(1)) < total;)
                    sink += runners[t](queries[i % queries.size()]).hits;
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next = total;
            }
        });
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    Throughput out;
    out.threads = options.threads;
    out.queries = total;
    out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    out.qps = out.seconds > 0 ? static_cast<double>(total) / out.seconds : 0;
    return out;
}

}  // namespace

MethodResult run_method(const std::vector<BenchQuery>& queries, const MethodOptions& options,
                        const MakeRunner& make_runner) {
    RunQuery run = make_runner();
    MethodResult result;
    result.timings.resize(queries.size());
    std::vector<std::vector<double>> samples(queries.size());

    // Warm-up: loads the index pages and caches every query touches.
    for (std::size_t i = 0; i < queries.size(); ++i) {
        result.timings[i].query = queries[i];
        result.timings[i].outcome = run(queries[i]);
    }

    std::vector<std::size_t> order(queries.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(options.seed);
    for (unsigned r = 0; r < std::max(1u, options.runs); ++r) {
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t i : order) {
            const auto started = Clock::now();
            Outcome o = run(queries[i]);
            samples[i].push_back(
                std::chrono::duration<double, std::micro>(Clock::now() - started).count());
            result.timings[i].outcome = o;
        }
    }
    for (std::size_t i = 0; i < queries.size(); ++i) {
        result.timings[i].min_us = *std::min_element(samples[i].begin(), samples[i].end());
        result.timings[i].median_us = median(samples[i]);
    }
    if (options.threads > 1) result.throughput = run_threads(queries, options, make_runner);
    return result;
}

}  // namespace graf::bench
