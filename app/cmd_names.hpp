#pragma once
// graf names [--db DIR] [--top N] [--kind K,…] [--query Q] [--since D] [--until D] [--json]
// [PREFIX]
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/name_kind.hpp"
#include "app/cli.hpp"
#include "web/archive.hpp"

namespace graf::app {

struct NamesSettings {
    IndexSettings index;
    std::size_t top = 20;
    std::vector<analysis::NameKind> kinds;  ///< --kind: the kinds to list
    web::Filters filters;                   ///< --query, --since, --until
    std::string prefix;
    bool json = false;
};

cxxopts::Options names_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
NamesSettings names_settings(const cxxopts::ParseResult& args);
int run_names(const NamesSettings& settings);

}  // namespace graf::app
