#pragma once
// graf eval --db DB --queries Q.tsv --qrels QRELS [--run OUT] [--per-query] [--json]
#include <string>

#include "app/cli.hpp"
#include "eval/report.hpp"

namespace graf::app {

struct EvalSettings {
    IndexSettings index;
    std::string qrels;
    bool name_queries = false;   ///< run every query as --name
    bool expand = false;         ///< as graf search --expand
    eval::ReportOptions report;  ///< the queries file, --run, --per-query, --json
};

cxxopts::Options eval_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
EvalSettings eval_settings(const cxxopts::ParseResult& args);
int run_eval(const EvalSettings& settings);

}  // namespace graf::app
