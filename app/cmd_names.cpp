// graf names [--db DIR] [--top N] [--kind K,…] [--query Q] [--since D] [--until D] [--json]
// [PREFIX]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "analysis/fold.hpp"
#include "app/cmd_names.hpp"
#include "app/counting_command.hpp"
#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"
#include "web/facets.hpp"

namespace graf::app {
namespace {

using analysis::NameKind;

struct Listed {
    std::string name;  ///< folded
    std::uint64_t paragraphs = 0, articles = 0;
};

// --kind "person,organisation" → the kinds to list; a UsageError names a bad one.
std::vector<NameKind> parse_kinds(const std::string& text) {
    std::vector<NameKind> kinds;
    std::stringstream in(text);
    for (std::string k; std::getline(in, k, ',');) {
        bool known = false;
        for (NameKind kind : {NameKind::Person, NameKind::Organisation, NameKind::Place,
                              NameKind::Event, NameKind::Fragment})
            if (k == "all" || k == analysis::kind_label(kind) ||
                (k == "organization" && kind == NameKind::Organisation)) {
                kinds.push_back(kind);
                known = true;
            }
        if (!known)
            throw UsageError(fmt::format(
                "--kind: '{}' is not person, organisation, place, event, fragment or all", k));
    }
    return kinds;
}

void print(const std::vector<Listed>& names, bool json) {
    if (json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Listed& n : names)
            j.push_back({{"name", analysis::display_name(n.name)},
                         {"kind", analysis::kind_label(analysis::name_kind(n.name))},
                         {"paragraphs", n.paragraphs},
                         {"articles", n.articles}});
        fmt::print("{}\n", j.dump());
        return;
    }
    fmt::print("{:<40} {:<13} {:>10} {:>9}\n", "name", "kind", "paragraphs", "articles");
    for (const Listed& n : names)
        fmt::print("{:<40} {:<13} {:>10} {:>9}\n", analysis::display_name(n.name),
                   analysis::kind_label(analysis::name_kind(n.name)), n.paragraphs, n.articles);
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
        ("kind", "kinds to list, comma-separated: person, organisation, place, event, fragment, all",
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
    const std::vector<NameKind>& kinds = settings.kinds;
    auto keep = [&](const std::string& name) {
        return std::find(kinds.begin(), kinds.end(), analysis::name_kind(name)) != kinds.end();
    };
    const std::size_t top = settings.top;
    const std::string& prefix = settings.prefix;
    const bool json = settings.json;
    const web::Filters& filters = settings.filters;
    if (!filters.query.empty() || !filters.since.empty() || !filters.until.empty()) {
        // The names of the matches, as `graf facets` counts them; more are
        // asked for so that enough remain after leaving out other kinds.
        run_counting(settings.index, filters, [&](web::Archive& a, const Xapian::Query& q) {
            const std::string folded = analysis::fold(prefix);
            const web::Facets f = a.with_retry([&] {
                return web::facets(a.database(), q, std::min<std::size_t>(top * 4, 4000), folded);
            });
            std::vector<Listed> names;
            for (const web::FacetCount& c : f.names)
                if (names.size() < top && keep(c.value))
                    names.push_back({c.value, c.paragraphs, c.articles});
            print(names, json);
        });
        return kOk;
    }
    searcher::OpenIndex index =
        searcher::open_index(use_index(settings.index), settings.index.allow_partial);
    const int status = warn_missing_shards(index.missing, index.shards.size());
    warn_stale_shards(index.stale);
    std::vector<Listed> names;
    for (const auto& n : searcher::list_names(index.all, top, prefix, keep))
        names.push_back({n.name, n.paragraphs, n.articles});
    print(names, json);
    return status;
}

}  // namespace graf::app
