#pragma once
// graf facets [--db DIR] [--top N] [--name NAME] [--json] QUERY
#include <cstddef>

#include "app/counting_command.hpp"

namespace graf::app {

struct FacetsSettings {
    CountingSettings counting;
    std::size_t top = 10;  ///< sources and names to list
};

cxxopts::Options facets_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
FacetsSettings facets_settings(const cxxopts::ParseResult& args);
int run_facets(const FacetsSettings& settings);

}  // namespace graf::app
