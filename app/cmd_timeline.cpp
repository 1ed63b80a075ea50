// graf timeline [--db DIR] [--by month] [--name NAME] [--json] QUERY
#include <algorithm>

#include "app/cli.hpp"
#include "app/counting_command.hpp"
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
    add_filter_options(options);
    // clang-format off
    options.add_options("Chart")
        ("by", "day, week, month or year", cxxopts::value<std::string>()->default_value("month"), "PERIOD")
        ("width", "longest bar in characters", cxxopts::value<std::size_t>()->default_value("50"), "N");
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;

    auto by = web::parse_granularity(args["by"].as<std::string>());
    if (!by) {
        error("timeline: --by takes day, week, month or year");
        return kUsage;
    }
    const auto f = filters_from(args, "timeline");
    if (!f) return kUsage;
    return run_counting(args, "timeline", *f, [&](web::Archive& archive, const Xapian::Query& q) {
        web::Timeline t = archive.with_retry(
            [&] { return web::timeline(archive.database(), q, *by, archive.local()); });
        if (args.count("json"))
            fmt::print("{}\n", web::dump(web::timeline_json(t, web::shown_query(to_request(*f)))));
        else
            print_chart(t, std::max<std::size_t>(1, args["width"].as<std::size_t>()));
    });
}

}  // namespace graf::app
