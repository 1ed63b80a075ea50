#pragma once
// What `graf names` and the web's names show for an indexed name, decided
// with the corpus, not the words alone: its kind ("Million Dollar Baby" is
// no person: the news never calls it "Baby"; "Merrill Lynch" is a firm:
// the corpus also says "Merrill Lynch and Co Inc") and its spelling as the
// text writes it ("Leonardo DiCaprio", "Robert Kilroy-Silk", names are
// indexed folded). Computed per listed name when listing, so it holds for
// every index as it is, incremental or not.
#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/name_kind.hpp"
#include "searcher/index_info.hpp"

namespace graf::searcher {

/// The kind of a folded name: analysis::name_kind from its words, then the
/// corpus's evidence. A person is named by surname alone in some of the
/// paragraphs that name them (6%, measured on BBC: every person of the top
/// 100 is at 7% or more, film titles and bands at 0-4%), or else has words
/// beside the full name that only a person has, in the first 20 paragraphs
/// that name them: a role before it ("its star Cate Blanchett"), or "who"
/// and a verb in the singular ("Morag Fraser, who chairs the board"; bands
/// are "who were"); a name the corpus
/// also writes as the start of an organisation's name ("Merrill Lynch and
/// Co Inc") a tenth of the time or more, and at least half as often as
/// alone, is one. A name of too few paragraphs to tell keeps the kind its
/// words give.
analysis::NameKind corpus_name_kind(const Xapian::Database& db, const std::string& name);

/// The name as the text writes it most often among the first paragraphs
/// that name it, else analysis::display_name.
std::string written_name(const Xapian::Database& db, const std::string& name);

/// `graf names`: the most-mentioned names that `keep` accepts (asked in
/// order of mentions, so it may be costly), with exact paragraph and article
/// counts. A name and its other forms count as one, shown by the most
/// mentioned: its plural or singular ("lib dem", "lib dems"), and an
/// organisation's name shortened word by word ("lib dems", "liberal
/// democrats").
std::vector<NameCount> list_names(const Xapian::Database& db, std::size_t top,
                                  std::string_view prefix,
                                  const std::function<bool(const std::string&)>& keep);

}  // namespace graf::searcher
