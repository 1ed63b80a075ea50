#pragma once
// graf's query language, compiled to a Xapian query with graf's own text
// analysis (Xapian's QueryParser tokenises differently from our index: it
// keeps "musk's", does not split glued words or fold accents).
//
//   free words (all must match)   bannon musk
//   a long or all-caps question   any word may match; ranked by BM25
//   "phrase"  “curly” too         exact word order
//   AND OR NOT ( )  + -           boolean; NOT is binary: a NOT b
//   a NEAR b, a NEAR/5 b          within 10 (5) words
//   elect*                        trailing wildcard
//   title:word  title:"a b"       in the title (all the words; titles are short)
//   name:"Steve Bannon"           the person, also as "Bannon" later in an article
//   source:reuters                filter
//   article:politics/001          filter: the paragraphs of one article
//   date:2025-01-01..2025-01-31   filter; YYYY or YYYY-MM too, either end open
//
// Capitalised words match exactly (Bush is not bushes); lower-case and
// all-caps words also match their stemmed variants.
#include <xapian.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"
#include "searcher/highlight.hpp"

namespace graf::searcher {

/// A query that cannot be run; the message says what is wrong, for the user.
class QueryError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Most words one wildcard may expand to before the query is refused.
inline constexpr Xapian::termcount kWildcardLimit = 5000;

struct ParsedQuery {
    Xapian::Query query;
    HighlightSpec highlight;
    /// Free words as typed and as indexed, for spelling suggestions.
    std::vector<std::pair<std::string, std::string>> words;
    bool natural_language = false;  ///< words OR'ed: a pasted sentence or a long question
    bool free_words_only = false;   ///< no operator, phrase or field: ranked by article
};

/// The indexed words that share a stem (at search time: the index's synonym
/// table, see schema::kStemKeyPrefix). A lower-case query word matches all of them.
using StemVariants = std::function<std::vector<std::string>(const std::string& stem)>;

/// Without `variants`, a lower-case word matches only itself.
ParsedQuery parse_query(std::string_view text, const StemVariants& variants = {});

/// `--name "Steve Bannon"`: paragraphs that name the person (full name,
/// possessive, glued form, or surname after the article introduced them).
Xapian::Query name_query(std::string_view name, HighlightSpec& highlight);

/// `--since` / `--until` and date: ranges. Either may be empty (open end).
/// `slot`: the article documents' date slot for the article ranking.
Xapian::Query date_range_query(std::string_view since, std::string_view until,
                               Xapian::valueno slot = schema::kDateSlot);

}  // namespace graf::searcher
