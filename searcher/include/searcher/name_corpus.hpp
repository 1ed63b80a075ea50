#pragma once
// Corpus-level name resolution: "President Reagan said" in an article that
// never gives his first name still names Ronald Reagan, when the corpus
// links the surname overwhelmingly to him. Likewise "G Dempsey" on a team
// sheet (the one Dempsey of that initial), "Baroness Kennedy" (the one
// person the corpus writes that rank with), "Lula" for Luiz Inacio Lula da
// Silva, "Mi Bergamasco" for Mirco. Decided at query time from term
// frequencies, which Xapian keeps exact as articles are added, replaced and
// deleted, so an incremental index needs nothing recomputed.
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace graf::searcher {

/// The mentions the article could not resolve that `words` (a full name,
/// folded: "ronald", "reagan") stands for in this corpus (`XU`, `XV`, `XI`
/// terms, and names of its shorter forms: `XNlula da silva`, `XNbaroness
/// kennedy`), or an empty query when the corpus cannot tell. For a rank and
/// a surname ("dr", "fox"): the person the corpus writes with that rank,
/// by every name above.
Xapian::Query corpus_name_query(const Xapian::Database& db, const std::vector<std::string>& words);
/// The same for a name as typed (`--name "Ronald Reagan"`), analysed by name_key.
Xapian::Query corpus_name_query(const Xapian::Database& db, std::string_view name);

}  // namespace graf::searcher
