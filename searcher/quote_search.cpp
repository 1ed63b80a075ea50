#include "searcher/quote_search.hpp"

#include <chrono>

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
// quotation of a hit paragraph must have one of them.
void speakers_of(const QueryNode& n, std::vector<std::string>& out) {
    if (n.kind == QueryNode::Kind::SaidBy) {
        std::string key;
        for (const std::string& w : n.terms) key += (key.empty() ? "" : " ") + w;
        out.push_back(key);
        return;
    }
    if (n.kind == QueryNode::Kind::Not || n.kind == QueryNode::Kind::NotPara ||
        n.kind == QueryNode::Kind::Or)
        return;  // an OR may be satisfied by its other side: no per-quote demand
    for (std::size_t i = 0; i < n.children.size(); ++i)
        if (n.signs.empty() || n.signs[i] != Sign::Excluded) speakers_of(*n.children[i], out);
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

QuoteSearcher::QuoteSearcher(const std::filesystem::path& db) : index_(open_index(db)) {}

// --name "Elon Musk" is that speaker; a single word ("Musk") every
// speaker with that surname (or that one-word name): the speaker terms
// are few, so listing them is cheap.
std::vector<std::string> QuoteSearcher::speakers_named(const std::string& name) {
    NodePtr n = name_node(name);
    std::string key;
    for (const std::string& w : n->terms) key += (key.empty() ? "" : " ") + w;
    if (n->terms.size() > 1) return {key};
    std::vector<std::string> out;
    const std::string prefix(schema::kSpeakerPrefix);
    for (auto it = index_.all.allterms_begin(prefix); it != index_.all.allterms_end(prefix); ++it) {
        const std::string speaker = (*it).substr(prefix.size());
        if (speaker == key || (speaker.size() > key.size() &&
                               speaker.compare(speaker.size() - key.size(), key.size(), key) == 0 &&
                               speaker[speaker.size() - key.size() - 1] == ' '))
            out.push_back(speaker);
    }
    if (out.empty()) out.push_back(key);
    return out;
}

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
        if (parsed.tree) speakers_of(*parsed.tree, p.speakers);
    }
    if (!req.speaker.empty()) {
        std::vector<Query> each;
        for (const std::string& n : speakers_named(req.speaker)) {
            each.emplace_back(std::string(schema::kSpeakerPrefix) + n);
            p.speakers.push_back(n);
        }
        Query s(Query::OP_OR, each.begin(), each.end());
        p.query = p.query.empty() ? s : Query(Query::OP_AND, p.query, s);
    }
    if (p.query.empty())
        throw QueryError("graf quotes: give words to find in quotations, or --name \"Full Name\"");
    p.query = Query(Query::OP_FILTER, p.query, Query(std::string(schema::kQuoteMarker)));
    if (!req.since.empty() || !req.until.empty())
        p.query = Query(Query::OP_FILTER, p.query, date_range_query(req.since, req.until));
    return p;
}

// The quotations of one hit paragraph that have a speaker asked for and a
// match of the words inside them, in text order.
std::vector<QuoteHit> QuoteSearcher::quotes_of(const Xapian::Document& doc, const Plan& p) {
    const std::vector<analysis::Quote> quotes =
        analysis::decode_quotes(doc.get_value(schema::kQuotesSlot));
    const schema::ParagraphData data = schema::decode(doc.get_value(schema::kRecordSlot));
    analysis::tokenize(data.text, tokens_);
    const std::vector<MatchSpan> marks = find_matches(tokens_, p.highlight, stemmer_);
    const bool words = asks_words(p.words);
    const std::vector<MatchSpan> needed = words ? find_matches(tokens_, p.words, stemmer_) : marks;
    std::vector<QuoteHit> out;
    for (const analysis::Quote& quote : quotes) {
        if (quote.end > data.text.size() || quote.begin > quote.end) continue;
        bool speaker_ok = p.speakers.empty();
        for (const std::string& s : p.speakers) speaker_ok |= s == quote.speaker;
        bool words_ok = !words;
        for (const MatchSpan& m : needed) words_ok |= m.begin >= quote.begin && m.end <= quote.end;
        if (!speaker_ok || !words_ok) continue;
        QuoteHit h;
        h.id = data.id;
        h.article = data.article;
        h.title = data.title;
        h.date = data.date;
        h.source = data.source;
        h.paragraph = data.paragraph;
        h.speaker = quote.speaker;
        h.pattern = std::string(analysis::pattern_name(quote.pattern));
        h.begin = quote.begin;
        h.end = quote.end;
        h.text = data.text.substr(quote.begin, quote.end - quote.begin);
        for (const MatchSpan& m : marks)
            if (m.begin >= quote.begin && m.end <= quote.end)
                h.highlights.emplace_back(m.begin - quote.begin, m.end - m.begin);
        h.open = quote.open;
        h.continues = quote.continues;
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
    constexpr Xapian::doccount kBatch = 50;
    for (Xapian::doccount first = 0; !out.more; first += kBatch) {
        Xapian::MSet mset = enquire.get_mset(first, kBatch);
        for (auto it = mset.begin(); it != mset.end() && !out.more; ++it) {
            for (QuoteHit& h : quotes_of(it.get_document(), p)) {
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
