#pragma once
// `graf search --export jsonl|csv`: every match of a query with its full
// text and metadata, streamed page by page to stdout for other tools.
#include <string>

#include "searcher/searcher.hpp"

namespace graf::app {

enum class ExportFormat { JsonLines, Csv };

/// Writes every matching paragraph (or, with request.paragraphs false, every
/// matching article with all its paragraphs), at most `max` of them (0: all).
/// Returns how many were written.
std::size_t export_results(searcher::Searcher& searcher, searcher::SearchRequest request,
                           ExportFormat format, std::size_t max);

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace graf::app
