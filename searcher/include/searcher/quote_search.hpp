#pragma once
// `graf quotes`: the quotations (not paragraphs) that match. Paragraphs
// holding quotations (schema::kQuoteMarker) are ranked with BM25 over the
// words inside their quotations (QueryContext::quote_words) and the
// speaker term; each quotation of a hit paragraph that has the speaker
// asked for and a match of the query's words inside it is one result, cut
// out of the paragraph's record with the offsets stored beside it. A
// quotation over several paragraphs is one result, its pieces joined
// (quote_chain.hpp), at the rank of its first matching paragraph.
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/stemmer.hpp"
#include "analysis/token.hpp"
#include "searcher/highlight.hpp"
#include "searcher/open_index.hpp"
#include "searcher/quote_chain.hpp"

namespace graf::searcher {

struct QuoteRequest {
    std::string query;    ///< query language; free words and phrases: inside the quotation
    std::string speaker;  ///< --name "Elon Musk": quotations attributed to this person
    std::string since, until;
    std::size_t limit = 10;
    std::size_t offset = 0;
};

/// Where a piece of a quotation is: a quotation over several paragraphs
/// (or run together in one) has a piece in each.
struct QuotePiece {
    unsigned paragraph = 0;
    std::uint32_t begin = 0, end = 0;  ///< bytes of the piece in its paragraph
};

struct QuoteHit {
    std::size_t rank = 0;  ///< from 1
    std::string id;        ///< SOURCE:ID
    std::string article, title, date, source;
    unsigned paragraph = 0;            ///< its first paragraph
    std::string speaker;               ///< folded full name ("elon musk"); empty: unattributed
    std::string pattern;               ///< how the speaker was found (analysis::pattern_name)
    std::uint32_t begin = 0, end = 0;  ///< bytes of its first piece in `paragraph`
    std::vector<QuotePiece> pieces;    ///< every piece, in order (one for most quotations)
    /// The quotation, marks excluded: its pieces joined, a newline where a
    /// paragraph ends, a space between pieces the text ran together.
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;  ///< (begin, length) in text
    bool open = false;       ///< its last piece runs on and no paragraph continues it
    bool continues = false;  ///< its first piece continues a quotation not found
    double score = 0;
};

struct QuoteResult {
    std::vector<QuoteHit> hits;
    bool more = false;  ///< another page has quotations
    double took_ms = 0;
};

class QuoteSearcher {
  public:
    explicit QuoteSearcher(const std::filesystem::path& db);
    /// Throws QueryError for a malformed query or an empty request.
    QuoteResult search(const QuoteRequest& request);
    const std::vector<StaleShard>& stale_shards() const { return index_.stale; }

  private:
    struct Plan {
        Xapian::Query query;
        HighlightSpec highlight;  ///< what to mark in a quotation
        HighlightSpec words;      ///< what a quotation must contain: the words, not the names
        std::vector<std::string> speakers;  ///< one of these must have said it (none: anyone)
    };
    Plan plan(const QuoteRequest& request);
    /// The quotations of paragraph `id` that match, each whole; `shown`
    /// (article key, first paragraph, first offset) keeps a quotation found
    /// through two of its paragraphs to its first.
    std::vector<QuoteHit> quotes_of(
        Xapian::docid id, const Xapian::Document& doc, const Plan& plan,
        std::set<std::tuple<std::string, unsigned, std::uint32_t>>& shown);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> marks_in(const QuotePieceRef& piece,
                                                                  const HighlightSpec& spec);
    const std::vector<MatchSpan>& matches(const QuoteParagraph& para, const HighlightSpec& spec);

    OpenIndex index_;
    QuoteChainReader chain_;
    analysis::Stemmer stemmer_;
    std::vector<analysis::Token> tokens_;
    struct Matches {
        Xapian::docid paragraph;
        const HighlightSpec* spec;
        std::vector<MatchSpan> spans;
    };
    std::vector<Matches> matches_;  ///< of the hit paragraph being read and its neighbours
};

/// "elon musk" → "Elon Musk" (a folded name for display).
std::string display_name(const std::string& folded);

}  // namespace graf::searcher
