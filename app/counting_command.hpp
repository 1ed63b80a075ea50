#pragma once
// What `graf timeline`, `graf facets` (and `graf names --query`) share:
// their query options and running a count over every match.
#include <functional>

#include "app/cli.hpp"
#include "web/archive.hpp"
#include "web/search_json.hpp"

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

/// Counts every match of the filters with `count(archive, query)` (read
/// again when a commit intervenes) and prints the result: `json(result,
/// shown query)` with --json, else `print(result)`.
template <typename Count, typename Json, typename Print>
int print_count(const CountingSettings& settings, Count&& count, Json&& json, Print&& print) {
    run_counting(settings.index, settings.filters, [&](web::Archive& a, const Xapian::Query& q) {
        const auto result = a.with_retry([&] { return count(a, q); });
        if (settings.json)
            fmt::print("{}\n",
                       web::dump(json(result, web::shown_query(to_request(settings.filters)))));
        else
            print(result);
    });
    return kOk;
}

}  // namespace graf::app
