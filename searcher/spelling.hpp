#pragma once
// "Did you mean": corrections drawn from the index's own vocabulary, so no
// separate spelling table has to be built or kept in step while indexing.
#include <optional>
#include <string>
#include <string_view>

namespace Xapian {
class Database;
}

namespace graf::searcher {

/// The indexed word closest to `term` (edit distance 1, or 2 for words of 5+
/// letters; the most frequent wins a tie), or nothing.
std::optional<std::string> suggest_word(const Xapian::Database& db, const std::string& term);

/// Damerau-Levenshtein distance, giving up (returning limit + 1) past `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

}  // namespace graf::searcher
