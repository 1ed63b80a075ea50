#pragma once
// What `graf timeline` and `graf facets` share: QUERY, --name, --since,
// --until, and running a count over every match with the errors both map to
// exit codes.
#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/cli.hpp"
#include "web/archive.hpp"

namespace graf::app {

/// QUERY (positional), --name, --since, --until.
void add_filter_options(cxxopts::Options& options);

/// The filters given, or nullopt after naming what is missing (exit 1).
std::optional<web::Filters> filters_from(const cxxopts::ParseResult& args,
                                         std::string_view command);

/// Opens the index, compiles the filters and calls `count` with them;
/// returns the exit code (query errors 1, no index 2, what a remote shard cannot do 2).
int run_counting(const cxxopts::ParseResult& args, std::string_view command,
                 const web::Filters& filters,
                 const std::function<void(web::Archive&, const Xapian::Query&)>& count);

}  // namespace graf::app
