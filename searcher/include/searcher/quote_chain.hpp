#pragma once
// A quotation in pieces, assembled: the quote finder stores a quotation
// that runs over several paragraphs (or whose paragraphs the text ran
// together) as pieces, each marked `open` (runs on) or `continues`
// (analysis/quotes.hpp). `graf quotes` shows the whole quotation once: from
// a piece, the chain walks back while a piece continues and on while one is
// open, into the paragraphs before and after in the same article.
#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "analysis/quotes.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {

/// One paragraph of an article as the chain reads it.
struct QuoteParagraph {
    Xapian::docid id = 0;  ///< in the combined database
    std::string key;       ///< the article key (value slot 0)
    schema::ParagraphData data;
    std::vector<analysis::Quote> quotes;
};

/// A piece of a quotation: quote `index` of `paragraph`.
struct QuotePieceRef {
    std::shared_ptr<const QuoteParagraph> paragraph;
    std::size_t index = 0;
    const analysis::Quote& quote() const { return paragraph->quotes[index]; }
};

/// Reads paragraphs of a combined database of `shards` shards.
class QuoteChainReader {
  public:
    QuoteChainReader(const Xapian::Database& db, std::size_t shards) : db_(db), shards_(shards) {}
    /// The paragraph document `id`.
    std::shared_ptr<const QuoteParagraph> read(Xapian::docid id, const Xapian::Document& doc) const;
    /// Every piece of the quotation quote `index` of `at` belongs to, in
    /// text order (just that quote when it is whole). At most kMaxPieces.
    std::vector<QuotePieceRef> chain(std::shared_ptr<const QuoteParagraph> at,
                                     std::size_t index) const;
    static constexpr std::size_t kMaxPieces = 24;

  private:
    /// The paragraph `delta` (+1, -1) from `p` in its article, or null.
    std::shared_ptr<const QuoteParagraph> neighbour(const QuoteParagraph& p, int delta) const;
    const Xapian::Database& db_;
    std::size_t shards_;
};

}  // namespace graf::searcher
