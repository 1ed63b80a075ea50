#pragma once
// graf quotes [--db DIR] [--name "Full Name"] [QUERY] [--json]
#include "app/cli.hpp"
#include "searcher/quote_search.hpp"

namespace graf::app {

struct QuotesSettings {
    IndexSettings index;
    searcher::QuoteRequest request;
    bool json = false;
    When color = When::Auto;
};

cxxopts::Options quotes_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
QuotesSettings quotes_settings(const cxxopts::ParseResult& args);
int run_quotes(const QuotesSettings& settings);

}  // namespace graf::app
