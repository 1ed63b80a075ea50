#pragma once
// Splits text into words the way news text needs (see tokenizer.cpp for the
// rules and why). Indexer, query parser and snippet builder all call this, so
// a query word and a paragraph word always produce the same term.
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace graf::analysis {

/// Longest term kept, in bytes; longer "words" are noise (URLs, base64, tables).
inline constexpr std::size_t kMaxTermBytes = 64;

/// Appends the tokens of `text` to `out` (cleared first). Positions start at 0.
void tokenize(std::string_view text, std::vector<Token>& out);

std::vector<Token> tokenize(std::string_view text);

}  // namespace graf::analysis
