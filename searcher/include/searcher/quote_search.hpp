#pragma once
// `graf quotes`: the quotations (not paragraphs) that match. Paragraphs
// holding quotations (schema::kQuoteMarker) are ranked with BM25 over the
// words inside their quotations (QueryContext::quote_words) and the
// speaker term; each quotation of a hit paragraph that has the speaker
// asked for and a match of the query's words inside it is one result, cut
// out of the paragraph's record with the offsets stored beside it.
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stemmer.hpp"
#include "analysis/token.hpp"
#include "searcher/highlight.hpp"
#include "searcher/open_index.hpp"

namespace graf::searcher {

struct QuoteRequest {
    std::string query;    ///< query language; free words and phrases: inside the quotation
    std::string speaker;  ///< --name "Elon Musk": quotations attributed to this person
    std::string since, until;
    std::size_t limit = 10;
    std::size_t offset = 0;
};

struct QuoteHit {
    std::size_t rank = 0;  ///< from 1
    std::string id;        ///< SOURCE:ID
    std::string article, title, date, source;
    unsigned paragraph = 0;
    std::string speaker;               ///< folded full name ("elon musk"); empty: unattributed
    std::string pattern;               ///< how the speaker was found (analysis::pattern_name)
    std::uint32_t begin = 0, end = 0;  ///< bytes of the quotation in the paragraph
    std::string text;                  ///< the quotation, marks excluded
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;  ///< (begin, length) in text
    bool open = false;       ///< runs on after this piece (no closing mark)
    bool continues = false;  ///< continues the quotation before it
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
    std::vector<QuoteHit> quotes_of(const Xapian::Document& doc, const Plan& plan);
    std::vector<std::string> speakers_named(const std::string& name);

    OpenIndex index_;
    analysis::Stemmer stemmer_;
    std::vector<analysis::Token> tokens_;
};

/// "elon musk" → "Elon Musk" (a folded name for display).
std::string display_name(const std::string& folded);

}  // namespace graf::searcher
