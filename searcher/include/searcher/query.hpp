#pragma once
// graf's query language, compiled to a Xapian query with graf's own text
// analysis (Xapian's QueryParser tokenises differently from our index: it
// keeps "musk's", does not split glued words or fold accents).
//
//   free words                    bannon musk feud: any may match (OR), ranked
//                                 by BM25; each matches the body or the title
//   "phrase"  “curly” too         required, exact word order
//   +word                         required
//   -word, a NOT b                the article must not mention it
//   a NOTPARA b                   the paragraph must not contain b
//   a AND b, a OR b, ( )          boolean
//   a NEAR b, a NEAR/5 b          within 10 (5) words; words, phrases, names
//   elect*                        trailing wildcard
//   title:word  title:"a b"       in the title (all the words; titles are short)
//   name:"Steve Bannon"           the person, also as "Bannon" later in an article
//   source:reuters                filter
//   article:politics/001          filter: the paragraphs of one article
//   date:2025-01-01..2025-01-31   filter; YYYY or YYYY-MM too, either end open
//
// Capitalised words match exactly (Bush is not bushes), except the first
// word of a sentence-case query ("Image recognition systems"); lower-case
// and all-caps words also match their stemmed variants. The pipeline:
// query_lexer → query_parser (a QueryNode tree, query_tree.hpp) →
// query_compiler (Xapian::Query) and query_highlight (HighlightSpec).
#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"
#include "searcher/highlight.hpp"
#include "searcher/query_context.hpp"
#include "searcher/query_error.hpp"
#include "searcher/query_tree.hpp"

namespace graf::searcher {

/// Most words one wildcard may expand to before the query is refused.
inline constexpr Xapian::termcount kWildcardLimit = 5000;

struct ParsedQuery {
    Xapian::Query query;
    HighlightSpec highlight;
    /// Words as typed and as indexed, for spelling suggestions.
    std::vector<std::pair<std::string, std::string>> words;
    bool natural_language = false;  ///< two or more free words, OR-ed and ranked
    /// --name's surname-only paragraphs the corpus resolves to the person
    /// (corpus_name_query), or empty; part of `query` already.
    Xapian::Query name_corpus;
    bool free_words_only = false;           ///< nothing but free words: ranked by article
    std::shared_ptr<const QueryNode> tree;  ///< what was parsed (null: nothing to search)
    std::vector<std::string> notes;         ///< text read as text, not syntax (for --explain)
};

/// The indexed words that share a stem. A lower-case query word matches all of them.
using StemVariants = std::function<std::vector<std::string>(const std::string& stem)>;

/// Parses and compiles `text`; the context supplies the index's stem
/// variants, the articles an exclusion names, and the ranking numbers.
ParsedQuery parse_query(std::string_view text, QueryContext& context);

/// Without an index: `variants` (none: a lower-case word matches only
/// itself); NOT and -word throw QueryError (they need the index).
ParsedQuery parse_query(std::string_view text, const StemVariants& variants = {});

/// --explain: the tree, the notes and the Xapian query, one per line.
std::string explain(const ParsedQuery& parsed);

/// `--name "Steve Bannon"`: paragraphs that name the person (full name,
/// possessive, glued form, or surname after the article introduced them).
Xapian::Query name_query(std::string_view name, HighlightSpec& highlight);

/// `--since` / `--until` and date: ranges. Either may be empty (open end).
/// `slot`: the article documents' date slot for the article ranking.
Xapian::Query date_range_query(std::string_view since, std::string_view until,
                               Xapian::valueno slot = schema::kDateSlot);

/// The query's words when it is nothing but free words (the article
/// ranking's queries), else none.
std::vector<const QueryNode*> only_free_words(const QueryNode& root);

}  // namespace graf::searcher
