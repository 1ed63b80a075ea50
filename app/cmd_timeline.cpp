// graf timeline [--db DIR] [--by month] [--name NAME] [--json] QUERY
#include <algorithm>

#include "app/cmd_timeline.hpp"
#include "app/option_bounds.hpp"
#include "web/search_json.hpp"
#include "web/timeline.hpp"

namespace graf::app {
namespace {

// A bar wider than any terminal is a typo.
constexpr std::uint64_t kMaxWidth = 10000;

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

cxxopts::Options timeline_options() {
    cxxopts::Options options("graf timeline",
                             "How many articles and paragraphs match, per day, week, month or "
                             "year, as a bar chart.");
    add_counting_options(options);
    // clang-format off
    options.add_options("Chart")
        ("by", "day, week, month or year", cxxopts::value<std::string>()->default_value("month"), "PERIOD")
        ("width", "longest bar in characters", cxxopts::value<std::string>()->default_value("50"), "N");
    // clang-format on
    return options;
}

TimelineSettings timeline_settings(const cxxopts::ParseResult& args) {
    TimelineSettings s;
    const auto by = web::parse_granularity(args["by"].as<std::string>());
    if (!by) throw UsageError("--by takes day, week, month or year");
    s.by = *by;
    s.width = bounded_number(args, "width", 1, kMaxWidth);
    s.counting = counting_settings(args, "timeline");
    return s;
}

int run_timeline(const TimelineSettings& settings) {
    return print_count(
        settings.counting,
        [&](web::Archive& a, const Xapian::Query& q) {
            return web::timeline(a.database(), q, settings.by, a.local());
        },
        web::timeline_json, [&](const web::Timeline& t) { print_chart(t, settings.width); });
}

}  // namespace graf::app
