// graf timeline [--db DIR] [--by month] [--name NAME] [--json] QUERY
#include <algorithm>

#include "app/cli.hpp"
#include "searcher/query.hpp"
#include "web/api.hpp"
#include "web/archive.hpp"
#include "web/search_json.hpp"
#include "web/timeline.hpp"

namespace graf::app {
namespace {

// One row per period: label, a bar scaled to the busiest period, counts.
void print_chart(const web::Timeline& t, std::size_t width) {
    std::uint64_t most = 1;
    for (const auto& p : t.periods) most = std::max(most, p.articles);
    for (const auto& p : t.periods) {
        // Eighth blocks give the bar sub-character resolution.
        static const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
        const std::uint64_t eighths = (p.articles * width * 8 + most - 1) / most;
        std::string bar;
        for (std::uint64_t i = 0; i < eighths / 8; ++i) bar += "█";
        bar += kEighths[eighths % 8];
        fmt::print("{:<10} {:>7} {:>9}  {}\n", p.period.label, p.articles, p.paragraphs, bar);
    }
    if (t.undated_articles)
        fmt::print("{:<10} {:>7} {:>9}\n", "undated", t.undated_articles, t.undated_paragraphs);
    fmt::print("{} matching article{}, {} paragraph{}, per {}\n", t.articles,
               t.articles == 1 ? "" : "s", t.paragraphs, t.paragraphs == 1 ? "" : "s",
               web::granularity_name(t.by));
}

}  // namespace

int run_timeline(int argc, char** argv) {
    cxxopts::Options options("graf timeline",
                             "How many articles and paragraphs match, per day, week, month or "
                             "year, as a bar chart.");
    add_db_option(options);
    // clang-format off
    options.add_options("Query")
        ("name", "paragraphs naming this person or organisation", cxxopts::value<std::string>(), "\"FULL NAME\"")
        ("since", "only articles dated on or after (YYYY[-MM[-DD]])", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles dated on or before", cxxopts::value<std::string>(), "DATE")
        ("by", "day, week, month or year", cxxopts::value<std::string>()->default_value("month"), "PERIOD")
        ("width", "longest bar in characters", cxxopts::value<std::size_t>()->default_value("50"), "N")
        ("query", "the query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"query"});
    options.positional_help("QUERY");
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;

    web::Filters f;
    if (args.count("query"))
        for (const auto& w : args["query"].as<std::vector<std::string>>())
            f.query += (f.query.empty() ? "" : " ") + w;
    if (args.count("name")) f.name = args["name"].as<std::string>();
    if (args.count("since")) f.since = args["since"].as<std::string>();
    if (args.count("until")) f.until = args["until"].as<std::string>();
    auto by = web::parse_granularity(args["by"].as<std::string>());
    if (!by) {
        error("timeline: --by takes day, week, month or year");
        return kUsage;
    }
    if (f.query.empty() && f.name.empty()) {
        error("timeline: give a query or --name (see `graf timeline --help`)");
        return kUsage;
    }
    try {
        web::Archive archive(db_option(args));
        warn_stale_shards(archive.searcher().stale_shards());
        searcher::HighlightSpec unused;
        const Xapian::Query q = archive.compile(f, unused);
        web::Timeline t =
            archive.with_retry([&] { return web::timeline(archive.database(), q, *by); });
        if (args.count("json"))
            fmt::print("{}\n", web::dump(web::timeline_json(t, web::shown_query(to_request(f)))));
        else
            print_chart(t, std::max<std::size_t>(1, args["width"].as<std::size_t>()));
    } catch (const searcher::QueryError& e) {
        error("query error: {}", e.what());
        return kUsage;
    } catch (const web::TimelineTooLong& e) {
        error("timeline: {}", e.what());
        return kUsage;
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    } catch (const Xapian::UnimplementedError&) {
        error("timeline: {}", web::kRemoteCounts);
        return kNothing;
    } catch (const Xapian::WildcardError&) {
        error("query error: a wildcard matches more than {} words; make it longer",
              searcher::kWildcardLimit);
        return kUsage;
    }
    return kOk;
}

}  // namespace graf::app
