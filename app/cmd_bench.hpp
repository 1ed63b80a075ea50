#pragma once
// graf bench [--db DIR] --queries FILE [options]
#include <cstddef>
#include <string>

#include "app/cli.hpp"
#include "bench/method.hpp"

namespace graf::app {

struct BenchSettings {
    IndexSettings index;
    std::string queries;  ///< `kind<TAB>query` lines
    bench::MethodOptions method;
    std::size_t k = 10;  ///< hits per search
    bool snippets = true;
    bool expand = false;  ///< as graf search --expand
    std::string url;      ///< a running graf serve to time instead of the index
    std::string out;      ///< per-query rows, when given
    bool json = false;
};

cxxopts::Options bench_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
BenchSettings bench_settings(const cxxopts::ParseResult& args);
int run_bench(const BenchSettings& settings);

}  // namespace graf::app
