#pragma once
// What a query asks to highlight, and where it matches in a paragraph. The
// matching uses the same tokens, folding and stems as the index, so a match
// through stemming (authorities → authority), a possessive (Bannon’s) or a
// glued word (BannonTrump’s) is highlighted like an exact one.
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/stemmer.hpp"
#include "analysis/token.hpp"

namespace graf::searcher {

struct HighlightSpec {
    std::unordered_set<std::string> exact;          ///< plain terms
    std::unordered_set<std::string> stems;          ///< highlight a word whose stem is one of these
    std::vector<std::string> prefixes;              ///< wildcard prefixes (elect*)
    std::vector<std::vector<std::string>> phrases;  ///< consecutive terms: one span
    std::vector<std::vector<std::string>> names;  ///< full names; the capitalised surname alone too
};

struct MatchSpan {
    std::uint32_t begin = 0, end = 0;  ///< bytes in the paragraph
    float weight = 1;
    std::string key;  ///< which query item matched, to reward variety
};

/// Matches in `tokens` (from analysis::tokenize of the paragraph), in text order.
std::vector<MatchSpan> find_matches(const std::vector<analysis::Token>& tokens,
                                    const HighlightSpec& spec, analysis::Stemmer& stemmer);

}  // namespace graf::searcher
