#pragma once
// Corpus-level name resolution: "President Reagan said" in an article that
// never gives his first name still names Ronald Reagan, when the corpus
// links the surname overwhelmingly to him. Decided at query time from term
// frequencies, which Xapian keeps exact as articles are added, replaced and
// deleted, so an incremental index needs nothing recomputed.
#include <xapian.h>

#include <string>
#include <vector>

namespace graf::searcher {

/// The unresolved surname mentions (`XU`, `XV`) that `words` (a full name,
/// folded: "ronald", "reagan") stands for in this corpus, or an empty query
/// when the surname is shared or too common a word to tell.
Xapian::Query corpus_name_query(const Xapian::Database& db, const std::vector<std::string>& words);

}  // namespace graf::searcher
