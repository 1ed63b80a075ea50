#pragma once
// graf search [--db DIR] [options] QUERY
#include <cstddef>
#include <optional>

#include "app/cli.hpp"
#include "app/export.hpp"
#include "searcher/searcher.hpp"

namespace graf::app {

struct SearchSettings {
    IndexSettings index;
    searcher::SearchRequest request;
    bool explain = false;  ///< --explain: print the query's tree, search nothing
    std::optional<ExportFormat> export_format;
    std::size_t export_max = 0;  ///< with --export: at most --limit matches (0: all)
    bool json = false;
    When color = When::Auto;
};

cxxopts::Options search_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
SearchSettings search_settings(const cxxopts::ParseResult& args);
int run_search(const SearchSettings& settings);

}  // namespace graf::app
