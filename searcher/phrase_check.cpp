#include "searcher/phrase_check.hpp"

#include <algorithm>

#include "analysis/quotes.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/record_codec.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {

namespace {

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

bool inside(const analysis::Token& t, const Spans* spans) {
    if (!spans) return true;
    // The first span ending after the token's start is the only candidate.
    auto it = std::upper_bound(spans->begin(), spans->end(), t.begin,
                               [](std::uint32_t at, const auto& s) { return at < s.second; });
    return it != spans->end() && it->first <= t.begin && t.end <= it->second;
}

}  // namespace

bool has_phrase(const std::vector<analysis::Token>& tokens, const std::vector<std::string>& terms,
                const Spans* spans) {
    if (terms.empty()) return false;
    // Tokens by position (an alias shares its first part's position and may
    // come after the parts).
    std::vector<std::pair<std::uint32_t, std::size_t>> by_position;
    by_position.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) by_position.emplace_back(tokens[i].position, i);
    std::sort(by_position.begin(), by_position.end());
    auto at = [&](std::uint32_t position, const std::string& term) {
        auto it = std::lower_bound(by_position.begin(), by_position.end(),
                                   std::make_pair(position, std::size_t(0)));
        for (; it != by_position.end() && it->first == position; ++it) {
            const analysis::Token& t = tokens[it->second];
            if (t.term == term && inside(t, spans)) return true;
        }
        return false;
    };
    for (const analysis::Token& first : tokens) {
        if (first.term != terms[0] || !inside(first, spans)) continue;
        std::size_t k = 1;
        while (k < terms.size() && at(first.position + static_cast<std::uint32_t>(k), terms[k]))
            ++k;
        if (k == terms.size()) return true;
    }
    return false;
}

PhraseCheckSource::PhraseCheckSource(std::vector<std::string> terms, bool in_quotes)
    : terms_(std::move(terms)), in_quotes_(in_quotes) {
    for (std::size_t k = 0; k < terms_.size(); ++k)
        if (!analysis::is_stopword(terms_[k]))
            positioned_.emplace_back(terms_[k], static_cast<Xapian::termpos>(k));
}

PhraseCheckSource* PhraseCheckSource::clone() const {
    return new PhraseCheckSource(terms_, in_quotes_);
}

// Each shard (Xapian runs a source per shard) walks its own rarest word.
void PhraseCheckSource::init(const Xapian::Database& db) {
    db_ = db;
    const std::string prefix = in_quotes_ ? std::string(schema::kQuotePrefix) : std::string();
    driver_.clear();
    driver_freq_ = 0;
    for (const std::string& t : terms_) {
        const Xapian::doccount freq = db.get_termfreq(prefix + t);
        if (driver_.empty() || freq < driver_freq_) {
            driver_ = prefix + t;
            driver_freq_ = freq;
        }
    }
    at_ = db.postlist_begin(driver_);
    // Checked last in an AND (Xapian orders by estimate), after every word.
    set_estimates(db.get_doccount());
    current_ = 0;
    ended_ = false;
}

// Whether the words with positions are where the phrase puts them: the
// first one's positions, each other's at its offset from it. The cheap
// part of the check, before the record is read.
bool PhraseCheckSource::positions_agree(Xapian::docid did) {
    const std::size_t n = positioned_.size();
    if (n < 2) return true;
    std::vector<Xapian::PositionIterator> at;
    at.reserve(n);
    for (const auto& [term, offset] : positioned_) at.push_back(db_.positionlist_begin(did, term));
    const Xapian::PositionIterator end;
    for (; at[0] != end; ++at[0]) {
        if (*at[0] <= positioned_[0].second) continue;  // the phrase would start before 1
        const Xapian::termpos start = *at[0] - positioned_[0].second;
        bool all = true;
        for (std::size_t i = 1; all && i < n; ++i) {
            const Xapian::termpos want = start + positioned_[i].second;
            at[i].skip_to(want);
            if (at[i] == end) return false;
            all = *at[i] == want;
        }
        if (all) return true;
    }
    return false;
}

bool PhraseCheckSource::matches(Xapian::docid did) {
    if (!positions_agree(did)) return false;
    const Xapian::Document doc = db_.get_document(did, Xapian::DOC_ASSUME_VALID);
    const schema::ParagraphData record = schema::read_record(doc);
    analysis::tokenize(record.text, tokens_);
    if (!in_quotes_) return has_phrase(tokens_, terms_);
    Spans spans;
    for (const analysis::Quote& q : analysis::decode_quotes(doc.get_value(schema::kQuotesSlot)))
        spans.emplace_back(q.begin, q.end);
    std::sort(spans.begin(), spans.end());
    return has_phrase(tokens_, terms_, &spans);
}

// The first document from `did` on that has the word and the phrase.
void PhraseCheckSource::advance_from(Xapian::docid did) {
    const Xapian::PostingIterator end = db_.postlist_end(driver_);
    if (at_ != end && *at_ < did) at_.skip_to(did);
    for (; at_ != end; ++at_) {
        if (matches(*at_)) {
            current_ = *at_;
            return;
        }
    }
    ended_ = true;
}

void PhraseCheckSource::next(double) {
    advance_from(current_ + 1);
}

void PhraseCheckSource::skip_to(Xapian::docid did, double) {
    if (did > current_) advance_from(did);
}

// Asked about one document (the usual case, AND-ed with the position
// match): a yes positions the source there; a no leaves it undetermined,
// and the next next() or skip_to() goes on after `did`.
bool PhraseCheckSource::check(Xapian::docid did, double) {
    current_ = did;
    return matches(did);
}

std::string PhraseCheckSource::get_description() const {
    std::string words;
    for (const std::string& t : terms_) words += (words.empty() ? "" : " ") + t;
    return std::string("graf::PhraseCheckSource(") + (in_quotes_ ? "said:" : "") + "\"" + words +
           "\")";
}

namespace {

bool has_stopword(const std::vector<std::string>& terms) {
    return std::any_of(terms.begin(), terms.end(),
                       [](const std::string& t) { return analysis::is_stopword(t); });
}

}  // namespace

Xapian::Query phrase_query(const std::vector<std::string>& terms, bool in_quotes, bool check) {
    using Xapian::Query;
    std::vector<Query> located, parts;
    std::size_t first = terms.size(), last = 0;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        if (analysis::is_stopword(terms[k])) continue;
        located.emplace_back(terms[k]);
        first = std::min(first, k);
        last = k;
    }
    if (!in_quotes && !has_stopword(terms))
        return Query(Query::OP_PHRASE, located.begin(), located.end(),
                     static_cast<Xapian::termcount>(located.size()));
    // Checked, the source tests the positions itself: Xapian 1.4 defers a
    // phrase's position test until every other part of its AND has
    // accepted the document, so the record would be read first.
    if (located.size() > 1 && !check) {
        const auto span = static_cast<Xapian::termcount>(last - first + 1);
        Query in_order(Query::OP_PHRASE, located.begin(), located.end(), span);
        // Inside quotations the XQ words weigh; the body's only place them.
        parts.push_back(in_quotes ? Query(Query::OP_SCALE_WEIGHT, in_order, 0) : in_order);
    }
    // Every word once: in quotations the XQ words; in the body the words the
    // phrase above did not already weigh.
    for (const std::string& t : terms) {
        if (in_quotes)
            parts.emplace_back(std::string(schema::kQuotePrefix) + t);
        else if (check || located.size() < 2 || analysis::is_stopword(t))
            parts.emplace_back(t);
    }
    if (check) parts.push_back(Query((new PhraseCheckSource(terms, in_quotes))->release()));
    return Query(Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace graf::searcher
