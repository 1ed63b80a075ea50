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

/// Any text (a pasted question) as an OR of its words, each quoted, so no
/// character is FTS5 syntax: a word is a run of ASCII letters and digits
/// and non-ASCII bytes, which is what unicode61 splits on in ASCII text.
/// Empty when the text has no word.
std::string to_fts5_any_words(const std::string& text);

}  // namespace graf::bench::fts5
