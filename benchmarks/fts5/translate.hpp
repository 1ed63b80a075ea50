#pragma once
// Turns a benchmark query, written as a graf user types it, into the FTS5
// MATCH expression that asks the same question: names and "phrases" become
// FTS5 phrases, free words are ANDed, AND/OR/NOT and brackets are kept,
// `long` questions become an OR of their words (as graf treats them), and
// every word is quoted so punctuation (U.S., A'Court) is not FTS5 syntax.
#include <string>

namespace graf::bench::fts5 {

/// The MATCH expression for `query` of benchmark kind `kind`, restricted to
/// the body column (graf matches paragraph text; titles only boost).
std::string to_fts5_match(const std::string& kind, const std::string& query);

}  // namespace graf::bench::fts5
