#pragma once
// graf compact [--db DIR] [--json]
#include "app/cli.hpp"

namespace graf::app {

struct CompactSettings {
    IndexSettings index;
    bool json = false;
};

cxxopts::Options compact_options();
CompactSettings compact_settings(const cxxopts::ParseResult& args);
int run_compact(const CompactSettings& settings);

}  // namespace graf::app
