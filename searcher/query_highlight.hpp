#pragma once
// What a query highlights and offers spelling for, derived from the same
// tree the compiler reads, so matching and highlighting cannot drift apart:
// the positive side only (not what NOT, NOTPARA or - exclude), body words
// only (a title: field matches the title, which snippets do not show).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stemmer.hpp"
#include "searcher/highlight.hpp"
#include "searcher/query_tree.hpp"

namespace graf::searcher {

void add_highlights(const QueryNode& root, HighlightSpec& spec, analysis::Stemmer& stemmer);

/// The words (as typed, as indexed) a "Did you mean" may correct: not
/// those `known` says the index has (a stemmed word with indexed variants:
/// "suppressing" when the index says "suppression" is no typo).
std::vector<std::pair<std::string, std::string>> spelling_words(
    const QueryNode& root, const std::function<bool(const QueryNode&)>& known);

}  // namespace graf::searcher
