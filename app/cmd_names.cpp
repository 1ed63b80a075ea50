// graf names [--db DIR] [--top N] [--kind K,…] [--query Q] [--since D] [--until D] [--json]
// [PREFIX]
#include <nlohmann/json.hpp>

#include <algorithm>

#include "analysis/fold.hpp"
#include "analysis/name_kind.hpp"
#include "app/cli.hpp"
#include "app/counting_command.hpp"
#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"
#include "web/facets.hpp"

namespace graf::app {
namespace {

using analysis::NameKind;

void print(const std::vector<web::FacetCount>& names, bool json) {
    if (json) {
        fmt::print("{}\n", web::names_json(names).dump());
        return;
    }
    fmt::print("{:<40} {:<13} {:>10} {:>9}\n", "name", "kind", "paragraphs", "articles");
    for (const web::FacetCount& n : names)
        fmt::print("{:<40} {:<13} {:>10} {:>9}\n", n.shown, analysis::kind_label(n.kind),
                   n.paragraphs, n.articles);
}

}  // namespace

int run_names(int argc, char** argv) {
    cxxopts::Options options("graf names",
                             "The most-mentioned people and organisations, in the whole index or "
                             "in the matches of a query.");
    add_db_option(options);
    add_partial_option(options);
    // clang-format off
    options.add_options("Names")
        ("top", "how many", cxxopts::value<std::size_t>()->default_value("20"), "N")
        ("kind", "kinds to list, comma-separated: person, organisation, place, event, fragment, "
         "other (a film, a band: never named by surname alone), all",
         cxxopts::value<std::string>()->default_value("person,organisation"), "KINDS")
        ("query", "only names in the matches of this query (counted in its best 2,000 paragraphs)",
         cxxopts::value<std::string>(), "QUERY")
        ("since", "only articles dated on or after (YYYY[-MM[-DD]])", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles dated on or before", cxxopts::value<std::string>(), "DATE")
        ("prefix", "only names starting with this", cxxopts::value<std::string>()->default_value(""));
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"prefix"});
    options.positional_help("[PREFIX]");
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    std::string bad;
    const std::vector<NameKind> kinds = analysis::parse_kinds(args["kind"].as<std::string>(), bad);
    if (kinds.empty()) {
        error("--kind: '{}' is not person, organisation, place, event, fragment, other or all",
              bad);
        return kUsage;
    }
    const std::size_t top = args["top"].as<std::size_t>();
    const std::string prefix = args["prefix"].as<std::string>();
    const bool json = args.count("json") > 0;

    web::Filters filters;
    if (args.count("query")) filters.query = args["query"].as<std::string>();
    if (args.count("since")) filters.since = args["since"].as<std::string>();
    if (args.count("until")) filters.until = args["until"].as<std::string>();
    if (!filters.query.empty() || !filters.since.empty() || !filters.until.empty()) {
        // The names of the matches, as `graf facets` counts them.
        return run_counting(args, "names", filters, [&](web::Archive& a, const Xapian::Query& q) {
            const web::Facets f = a.with_retry([&] {
                return web::facets(a.database(), q, top, analysis::fold(prefix), a.local(), kinds);
            });
            print(f.names, json);
        });
    }
    int status = kOk;
    try {
        searcher::OpenIndex index =
            searcher::open_index(db_option(args), args.count("allow-partial") > 0);
        status = warn_missing_shards(index.missing, index.shards.size());
        warn_stale_shards(index.stale);
        print(web::index_names(index.all, top, prefix, kinds), json);
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
    return status;
}

}  // namespace graf::app
