#include "searcher/quote_search.hpp"

#include <chrono>
#include <set>

#include "analysis/quotes.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/schema.hpp"
#include "searcher/highlight.hpp"
#include "searcher/query.hpp"
#include "searcher/query_compiler.hpp"
#include "searcher/query_parser.hpp"

namespace graf::searcher {
namespace {

using Xapian::Query;

// The speakers a query asks for (saidby:, outside exclusions): a
// quotation of a hit paragraph must have one of them. A surname is every
// speaker with it, as the query compiler reads it (one context for both).
void speakers_of(const QueryNode& n, QueryContext& context, std::vector<std::string>& out) {
    if (n.kind == QueryNode::Kind::SaidBy) {
        for (std::string& s : context.speakers_named(n.terms)) out.push_back(std::move(s));
        return;
    }
    if (n.kind == QueryNode::Kind::Not || n.kind == QueryNode::Kind::NotPara ||
        n.kind == QueryNode::Kind::Or)
        return;  // an OR may be satisfied by its other side: no per-quote demand
    for (std::size_t i = 0; i < n.children.size(); ++i)
        if (n.signs.empty() || n.signs[i] != Sign::Excluded)
            speakers_of(*n.children[i], context, out);
}

// A one-word name (saidby:Musk, name:Musk) is in the highlight spec as a
// word; it names the speaker, it is not a word the quotation must hold
// (unless the query also asks for it as a word).
void drop_name_words(const QueryNode& n, HighlightSpec& words) {
    std::set<std::string> names, typed;
    auto walk = [&](auto&& self, const QueryNode& at) -> void {
        if ((at.kind == QueryNode::Kind::SaidBy || at.kind == QueryNode::Kind::Name) &&
            at.terms.size() == 1)
            names.insert(at.terms[0]);
        if (at.kind == QueryNode::Kind::Word) typed.insert(at.term);
        for (const NodePtr& c : at.children) self(self, *c);
    };
    walk(walk, n);
    for (const std::string& w : names)
        if (!typed.count(w)) words.exact.erase(w);
}

bool asks_words(const HighlightSpec& s) {
    return !s.exact.empty() || !s.stems.empty() || !s.prefixes.empty() || !s.phrases.empty();
}

// The same BM25 as the paragraph ranking (searcher.cpp): no length
// normalisation, paragraphs are alike.
Xapian::BM25Weight quote_weight() {
    return Xapian::BM25Weight(0.9, 0, 1, 0, 0.5);
}

}  // namespace

std::string display_name(const std::string& folded) {
    std::string out = folded;
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return out;
}

QuoteSearcher::QuoteSearcher(const std::filesystem::path& db)
    : index_(open_index(db)), chain_(index_.all, index_.shards.size()) {}

// The paragraph query: the words as XQ terms (QueryContext::quote_words),
// AND the speakers, on paragraphs with quotations, in the dates asked.
QuoteSearcher::Plan QuoteSearcher::plan(const QuoteRequest& req) {
    IndexQueryContext context(index_.all, index_.shards);
    context.quote_words = true;
    Plan p;
    if (!req.query.empty()) {
        ParsedQuery parsed = parse_query(req.query, context);
        p.query = parsed.query;
        p.highlight = parsed.highlight;
        p.words = p.highlight;
        p.words.names.clear();
        if (parsed.tree) {
            drop_name_words(*parsed.tree, p.words);
            speakers_of(*parsed.tree, context, p.speakers);
        }
    }
    if (!req.speaker.empty()) {
        // --name "Elon Musk" is that speaker; a single word ("Musk") every
        // speaker with that surname (or that one-word name).
        std::vector<std::string> named = context.speakers_named(name_node(req.speaker)->terms);
        Query s = speakers_query(named);
        p.query = p.query.empty() ? s : Query(Query::OP_AND, p.query, s);
        p.speakers.insert(p.speakers.end(), named.begin(), named.end());
    }
    if (p.query.empty())
        throw QueryError("graf quotes: give words to find in quotations, or --name \"Full Name\"");
    p.query = Query(Query::OP_FILTER, p.query, Query(std::string(schema::kQuoteMarker)));
    if (!req.since.empty() || !req.until.empty())
        p.query = Query(Query::OP_FILTER, p.query, date_range_query(req.since, req.until));
    return p;
}

// The matches of `spec` in a paragraph: tokenized once per paragraph and
// spec while one hit paragraph's quotations are read.
const std::vector<MatchSpan>& QuoteSearcher::matches(const QuoteParagraph& para,
                                                     const HighlightSpec& spec) {
    for (const Matches& m : matches_)
        if (m.paragraph == para.id && m.spec == &spec) return m.spans;
    analysis::tokenize(para.data.text, tokens_);
    matches_.push_back({para.id, &spec, find_matches(tokens_, spec, stemmer_)});
    return matches_.back().spans;
}

// The matches inside one piece, as (offset, length) in the piece.
std::vector<std::pair<std::uint32_t, std::uint32_t>> QuoteSearcher::marks_in(
    const QuotePieceRef& piece, const HighlightSpec& spec) {
    const analysis::Quote& q = piece.quote();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (const MatchSpan& m : matches(*piece.paragraph, spec))
        if (m.begin >= q.begin && m.end <= q.end)
            out.emplace_back(m.begin - q.begin, m.end - m.begin);
    return out;
}

// The quotations of one hit paragraph that have a speaker asked for and a
// match of the words inside them, in text order; a quotation in pieces
// whole, and once.
std::vector<QuoteHit> QuoteSearcher::quotes_of(
    Xapian::docid id, const Xapian::Document& doc, const Plan& p,
    std::set<std::tuple<std::string, unsigned, std::uint32_t>>& shown) {
    const std::shared_ptr<const QuoteParagraph> para = chain_.read(id, doc);
    matches_.clear();
    const bool words = asks_words(p.words);
    std::vector<QuoteHit> out;
    for (std::size_t i = 0; i < para->quotes.size(); ++i) {
        const QuotePieceRef here{para, i};
        if (words && marks_in(here, p.words).empty()) continue;
        const analysis::Quote& quote = here.quote();
        const std::vector<QuotePieceRef> pieces = quote.open || quote.continues
                                                      ? chain_.chain(para, i)
                                                      : std::vector<QuotePieceRef>{here};
        // The pieces share a speaker (the finder carries it on); the first
        // that has one says how it was found.
        const analysis::Quote* said = &pieces.front().quote();
        for (const QuotePieceRef& piece : pieces)
            if (said->speaker.empty() && !piece.quote().speaker.empty()) said = &piece.quote();
        bool speaker_ok = p.speakers.empty();
        for (const std::string& s : p.speakers) speaker_ok |= s == said->speaker;
        const QuotePieceRef& first = pieces.front();
        if (!speaker_ok ||
            !shown.emplace(para->key, first.paragraph->data.paragraph, first.quote().begin).second)
            continue;
        QuoteHit h;
        h.id = para->data.id;
        h.article = para->data.article;
        h.title = para->data.title;
        h.date = para->data.date;
        h.source = para->data.source;
        h.paragraph = first.paragraph->data.paragraph;
        h.speaker = said->speaker;
        h.pattern = std::string(analysis::pattern_name(said->pattern));
        h.begin = first.quote().begin;
        h.end = first.quote().end;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const QuotePieceRef& piece = pieces[k];
            const analysis::Quote& q = piece.quote();
            if (k > 0) h.text += piece.paragraph == pieces[k - 1].paragraph ? " " : "\n";
            const auto at = static_cast<std::uint32_t>(h.text.size());
            h.text.append(piece.paragraph->data.text, q.begin, q.end - q.begin);
            for (auto [b, l] : marks_in(piece, p.highlight)) h.highlights.emplace_back(at + b, l);
            h.pieces.push_back({piece.paragraph->data.paragraph, q.begin, q.end});
        }
        h.open = pieces.back().quote().open;
        h.continues = first.quote().continues;
        out.push_back(std::move(h));
    }
    return out;
}

QuoteResult QuoteSearcher::search(const QuoteRequest& req) {
    const auto started = std::chrono::steady_clock::now();
    const Plan p = plan(req);
    Xapian::Enquire enquire(index_.all);
    enquire.set_query(p.query);
    enquire.set_weighting_scheme(quote_weight());
    QuoteResult out;
    std::size_t seen = 0;
    std::set<std::tuple<std::string, unsigned, std::uint32_t>> shown;
    constexpr Xapian::doccount kBatch = 50;
    for (Xapian::doccount first = 0; !out.more; first += kBatch) {
        Xapian::MSet mset = enquire.get_mset(first, kBatch);
        for (auto it = mset.begin(); it != mset.end() && !out.more; ++it) {
            for (QuoteHit& h : quotes_of(*it, it.get_document(), p, shown)) {
                if (seen++ < req.offset) continue;
                if (out.hits.size() == req.limit) {
                    out.more = true;
                    break;
                }
                h.rank = seen;
                h.score = it.get_weight();
                out.hits.push_back(std::move(h));
            }
        }
        if (mset.size() < kBatch) break;
    }
    out.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return out;
}

}  // namespace graf::searcher
