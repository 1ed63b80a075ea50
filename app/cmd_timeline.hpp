#pragma once
// graf timeline [--db DIR] [--by month] [--name NAME] [--json] QUERY
#include <cstddef>

#include "app/counting_command.hpp"
#include "web/period.hpp"

namespace graf::app {

struct TimelineSettings {
    CountingSettings counting;
    web::Granularity by = web::Granularity::kMonth;
    std::size_t width = 50;  ///< the longest bar, in characters
};

cxxopts::Options timeline_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
TimelineSettings timeline_settings(const cxxopts::ParseResult& args);
int run_timeline(const TimelineSettings& settings);

}  // namespace graf::app
