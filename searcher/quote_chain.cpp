#include "searcher/quote_chain.hpp"

#include <algorithm>

#include "schema/record_codec.hpp"
#include "searcher/docid_list.hpp"

namespace graf::searcher {

std::shared_ptr<const QuoteParagraph> QuoteChainReader::read(Xapian::docid id,
                                                             const Xapian::Document& doc) const {
    auto p = std::make_shared<QuoteParagraph>();
    p->id = id;
    p->key = doc.get_value(schema::kArticleSlot);
    p->data = schema::read_record(doc);
    p->quotes = analysis::decode_quotes(doc.get_value(schema::kQuotesSlot));
    // Offsets past the text (a damaged value) are no piece.
    std::erase_if(p->quotes, [&](const analysis::Quote& q) {
        return q.end > p->data.text.size() || q.begin > q.end;
    });
    return p;
}

// An article's paragraphs are written one after the other in one shard
// (docid_list.hpp), so the next paragraph is usually the next local id; an
// index written otherwise is read through the article's XA term.
std::shared_ptr<const QuoteParagraph> QuoteChainReader::neighbour(const QuoteParagraph& p,
                                                                  int delta) const {
    const unsigned want = p.data.paragraph + static_cast<unsigned>(delta);
    if (want == 0) return nullptr;
    auto fits = [&](const std::shared_ptr<const QuoteParagraph>& n) {
        return n->key == p.key && n->data.paragraph == want;
    };
    ShardDocid at = locate(p.id, shards_);
    if (delta > 0 || at.local > 1) {
        at.local = delta > 0 ? at.local + 1 : at.local - 1;
        const Xapian::docid id = combined_id(at, shards_);
        if (id <= db_.get_lastdocid()) {
            try {
                auto n = read(id, db_.get_document(id));
                if (fits(n)) return n;
            } catch (const Xapian::DocNotFoundError&) {
            }
        }
    }
    const std::string term = std::string(schema::kArticlePrefix) + p.key;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        auto n = read(*it, db_.get_document(*it));
        if (fits(n)) return n;
    }
    return nullptr;
}

std::vector<QuotePieceRef> QuoteChainReader::chain(std::shared_ptr<const QuoteParagraph> at,
                                                   std::size_t index) const {
    std::vector<QuotePieceRef> back{{at, index}};
    // Back to the first piece: the one before in the paragraph, else the
    // last quote of the paragraph before, while it runs on into this one.
    while (back.size() < kMaxPieces && back.back().quote().continues) {
        const QuotePieceRef& cur = back.back();
        QuotePieceRef prev;
        if (cur.index > 0) {
            prev = {cur.paragraph, cur.index - 1};
        } else {
            auto p = neighbour(*cur.paragraph, -1);
            if (!p || p->quotes.empty()) break;
            prev = {p, p->quotes.size() - 1};
        }
        if (!prev.quote().open) break;
        back.push_back(prev);
    }
    std::vector<QuotePieceRef> out(back.rbegin(), back.rend());
    // On to the last: the next in the paragraph, else the first quote of
    // the next paragraph, while each runs on and the next continues it.
    while (out.size() < kMaxPieces && out.back().quote().open) {
        const QuotePieceRef& cur = out.back();
        QuotePieceRef next;
        if (cur.index + 1 < cur.paragraph->quotes.size()) {
            next = {cur.paragraph, cur.index + 1};
        } else {
            auto p = neighbour(*cur.paragraph, +1);
            if (!p || p->quotes.empty()) break;
            next = {p, 0};
        }
        if (!next.quote().continues) break;
        out.push_back(next);
    }
    return out;
}

}  // namespace graf::searcher
