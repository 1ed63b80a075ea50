#pragma once
// graf index [--db DIR] [options] CORPUS...
#include "app/cli.hpp"
#include "indexer/index_builder.hpp"

namespace graf::app {

struct IndexingSettings {
    /// What build_index is given; its `db` is --db made absolute (cli.hpp).
    indexer::IndexOptions run;
    When progress = When::Auto;  ///< the progress line (auto: when stderr is a terminal)
    bool quiet = false;          ///< no per-file warnings, only the summary
    bool json = false;
};

cxxopts::Options index_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
IndexingSettings index_settings_of(const cxxopts::ParseResult& args);
int run_index(const IndexingSettings& settings);

}  // namespace graf::app
