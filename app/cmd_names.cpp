// graf names [--db DIR] [--top N] [--kind K,…] [--query Q] [--since D] [--until D] [--json]
// [PREFIX]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "analysis/fold.hpp"
#include "analysis/name_kind.hpp"
#include "app/cli.hpp"
#include "app/counting_command.hpp"
#include "searcher/index_info.hpp"
#include "searcher/name_listing.hpp"
#include "searcher/searcher.hpp"
#include "web/facets.hpp"

namespace graf::app {
namespace {

using analysis::NameKind;

struct Listed {
    std::string name;  ///< folded
    std::uint64_t paragraphs = 0, articles = 0;
    NameKind kind = NameKind::Person;
    std::string shown;  ///< as the text writes it
};

// The kinds of names, decided once each with the corpus's evidence.
class Kinds {
  public:
    explicit Kinds(const Xapian::Database& db) : db_(db) {}
    NameKind of(const std::string& name) {
        auto it = kinds_.find(name);
        if (it == kinds_.end())
            it = kinds_.emplace(name, searcher::corpus_name_kind(db_, name)).first;
        return it->second;
    }

  private:
    const Xapian::Database& db_;
    std::map<std::string, NameKind> kinds_;
};

// --kind "person,organisation" → the kinds to list; empty after naming a bad one.
std::vector<NameKind> parse_kinds(const std::string& text) {
    std::vector<NameKind> kinds;
    std::stringstream in(text);
    for (std::string k; std::getline(in, k, ',');) {
        bool known = false;
        for (NameKind kind : {NameKind::Person, NameKind::Organisation, NameKind::Place,
                              NameKind::Event, NameKind::Fragment, NameKind::Other})
            if (k == "all" || k == analysis::kind_label(kind) ||
                (k == "organization" && kind == NameKind::Organisation)) {
                kinds.push_back(kind);
                known = true;
            }
        if (!known) {
            error("--kind: '{}' is not person, organisation, place, event, fragment, other or all",
                  k);
            return {};
        }
    }
    return kinds;
}

void print(const std::vector<Listed>& names, bool json) {
    if (json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Listed& n : names)
            j.push_back({{"name", n.shown},
                         {"kind", analysis::kind_label(n.kind)},
                         {"paragraphs", n.paragraphs},
                         {"articles", n.articles}});
        fmt::print("{}\n", j.dump());
        return;
    }
    fmt::print("{:<40} {:<13} {:>10} {:>9}\n", "name", "kind", "paragraphs", "articles");
    for (const Listed& n : names)
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
    const std::vector<NameKind> kinds = parse_kinds(args["kind"].as<std::string>());
    if (kinds.empty()) return kUsage;
    auto wanted = [&](NameKind k) {
        return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
    };
    const std::size_t top = args["top"].as<std::size_t>();
    const std::string prefix = args["prefix"].as<std::string>();
    const bool json = args.count("json") > 0;

    web::Filters filters;
    if (args.count("query")) filters.query = args["query"].as<std::string>();
    if (args.count("since")) filters.since = args["since"].as<std::string>();
    if (args.count("until")) filters.until = args["until"].as<std::string>();
    if (!filters.query.empty() || !filters.since.empty() || !filters.until.empty()) {
        // The names of the matches, as `graf facets` counts them; more are
        // asked for so that enough remain after leaving out other kinds.
        return run_counting(args, "names", filters, [&](web::Archive& a, const Xapian::Query& q) {
            const std::string folded = analysis::fold(prefix);
            const web::Facets f = a.with_retry([&] {
                return web::facets(a.database(), q, std::min<std::size_t>(top * 4, 4000), folded);
            });
            Kinds kind(a.database());
            std::vector<Listed> names;
            for (const web::FacetCount& c : f.names)
                if (names.size() < top && wanted(kind.of(c.value)))
                    names.push_back({c.value, c.paragraphs, c.articles, kind.of(c.value),
                                     searcher::written_name(a.database(), c.value)});
            print(names, json);
        });
    }
    int status = kOk;
    try {
        searcher::OpenIndex index =
            searcher::open_index(db_option(args), args.count("allow-partial") > 0);
        status = warn_missing_shards(index.missing, index.shards.size());
        warn_stale_shards(index.stale);
        Kinds kind(index.all);
        std::vector<Listed> names;
        for (const auto& n :
             searcher::list_names(index.all, top, prefix,
                                  [&](const std::string& name) { return wanted(kind.of(name)); }))
            names.push_back({n.name, n.paragraphs, n.articles, kind.of(n.name),
                             searcher::written_name(index.all, n.name)});
        print(names, json);
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
    return status;
}

}  // namespace graf::app
