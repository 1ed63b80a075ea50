// graf names [--db DIR] [--top N] [--kind K,…] [--query Q] [--since D] [--until D] [--json]
// [PREFIX]
#include "app/cmd_names.hpp"

#include <nlohmann/json.hpp>

#include "analysis/fold.hpp"
#include "app/counting_command.hpp"
#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"
#include "web/facets.hpp"

namespace graf::app {
namespace {

using analysis::NameKind;

// --kind "person,organisation" → the kinds to list; a UsageError names a bad one.
std::vector<NameKind> parse_kinds(const std::string& text) {
    std::string bad;
    std::vector<NameKind> kinds = analysis::parse_kinds(text, bad);
    if (kinds.empty())
        throw UsageError(fmt::format(
            "--kind: '{}' is not person, organisation, place, event, fragment, other or all", bad));
    return kinds;
}

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

cxxopts::Options names_options() {
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
    return options;
}

NamesSettings names_settings(const cxxopts::ParseResult& args) {
    NamesSettings s;
    s.index = index_settings(args);
    s.kinds = parse_kinds(args["kind"].as<std::string>());
    s.top = args["top"].as<std::size_t>();
    s.prefix = args["prefix"].as<std::string>();
    s.json = args.count("json") > 0;
    if (args.count("query")) s.filters.query = args["query"].as<std::string>();
    if (args.count("since")) s.filters.since = args["since"].as<std::string>();
    if (args.count("until")) s.filters.until = args["until"].as<std::string>();
    return s;
}

int run_names(const NamesSettings& settings) {
    const web::Filters& filters = settings.filters;
    if (!filters.query.empty() || !filters.since.empty() || !filters.until.empty()) {
        // The names of the matches, as `graf facets` counts them.
        run_counting(settings.index, filters, [&](web::Archive& a, const Xapian::Query& q) {
            const web::Facets f = a.with_retry([&] {
                return web::facets(a.database(), q, settings.top, analysis::fold(settings.prefix),
                                   a.local(), settings.kinds);
            });
            print(f.names, settings.json);
        });
        return kOk;
    }
    searcher::OpenIndex index =
        searcher::open_index(use_index(settings.index), settings.index.allow_partial);
    const int status = warn_missing_shards(index.missing, index.shards.size());
    warn_stale_shards(index.stale);
    print(web::index_names(index.all, settings.top, settings.prefix, settings.kinds),
          settings.json);
    return status;
}

}  // namespace graf::app
