#pragma once
// What `graf timeline`, `graf facets` (and `graf names --query`) share:
// their query options and running a count over every match.
#include <functional>

#include "app/cli.hpp"
#include "web/archive.hpp"

namespace Xapian {
class Query;
}

namespace graf::app {

struct CountingSettings {
    IndexSettings index;
    web::Filters filters;
    bool json = false;
};

/// --db, QUERY (positional), --name, --since, --until, --json, --help.
void add_counting_options(cxxopts::Options& options);
/// A UsageError when neither QUERY nor --name is given.
CountingSettings counting_settings(const cxxopts::ParseResult& args, std::string_view command);

/// Opens the index, compiles the filters and calls `count` with them.
void run_counting(const IndexSettings& index, const web::Filters& filters,
                  const std::function<void(web::Archive&, const Xapian::Query&)>& count);

}  // namespace graf::app
