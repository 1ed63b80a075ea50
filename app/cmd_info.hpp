#pragma once
// graf stats [--db DIR] [--json]: what is in an index.
#include "app/cli.hpp"

namespace graf::app {

struct StatsSettings {
    IndexSettings index;
    bool json = false;
};

cxxopts::Options stats_options();
StatsSettings stats_settings(const cxxopts::ParseResult& args);
int run_stats(const StatsSettings& settings);

}  // namespace graf::app
