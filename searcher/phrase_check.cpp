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

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t';
}

// What may stand before and after a word spelt out plainly: nothing the
// tokenizer would glue to it.
bool opens(std::string_view text, std::size_t at) {
    if (at == 0) return true;
    const char c = text[at - 1];
    return is_space(c) || c == '"' || c == '(' || c == '[';
}
// Punctuation closes a word only before a space or the end: "U.S.",
// "1,000", "10:30" and "don't" are single tokens, and a possessive ("Bank
// of England's") is left to the tokenizer.
bool closes(std::string_view text, std::size_t at) {
    if (at == text.size() || is_space(text[at])) return true;
    const char c = text[at];
    const bool punctuation = c == '"' || c == ')' || c == ']' || c == '.' || c == ',' || c == ';' ||
                             c == ':' || c == '!' || c == '?';
    return punctuation && (at + 1 == text.size() || is_space(text[at + 1]));
}

// The length of `term` written at `at` as the tokenizer would read it back
// as that term: the same letters in lower case, Capitalised or in CAPITALS
// (not SoftBank, which splits), or the same digits; 0 otherwise.
std::size_t spelt(std::string_view text, std::size_t at, const std::string& term) {
    if (term.empty() || at + term.size() > text.size()) return 0;
    const bool digits = is_digit(term[0]);
    bool upper_seen = false, lower_seen = false;
    for (std::size_t i = 0; i < term.size(); ++i) {
        const char t = term[i], c = text[at + i];
        if (digits ? !is_digit(t) || c != t : !is_lower(t) || (c != t && c != t - 32)) return 0;
        if (is_upper(c) && i > 0) upper_seen = true;
        if (is_lower(c)) lower_seen = true;
    }
    if (upper_seen && lower_seen) return 0;  // camelCase: the tokenizer splits it
    return term.size();
}

}  // namespace

// A cheap yes: the phrase written out plainly, its words apart by spaces
// only, each spelt as the tokenizer reads it back (inside one span when
// spans are given). No says nothing: has_phrase decides.
bool written_plainly(std::string_view text, const std::vector<std::string>& terms,
                     const Spans* spans) {
    const std::string& first = terms[0];
    if (first.empty()) return false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c != first[0] && c != first[0] - 32) continue;
        if (!opens(text, at)) continue;
        std::size_t end = at, k = 0;
        for (; k < terms.size(); ++k) {
            if (k > 0) {
                const std::size_t gap = end;
                while (end < text.size() && (text[end] == ' ' || text[end] == '\n')) ++end;
                if (end == gap) break;
            }
            const std::size_t n = spelt(text, end, terms[k]);
            if (n == 0) break;
            end += n;
        }
        if (k < terms.size() || !closes(text, end)) continue;
        if (!spans) return true;
        for (const auto& [b, e] : *spans)
            if (b <= at && end <= e) return true;
    }
    return false;
}

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
    auto* copy = new PhraseCheckSource(terms_, in_quotes_);
    copy->checked_ = checked_;
    return copy;
}

// Each shard (Xapian runs a source per shard) walks its own rarest word.
void PhraseCheckSource::init(const Xapian::Database& db) {
    db_ = db;
    shard_checked_ = &(*checked_)[db.get_uuid()];
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
    std::vector<std::pair<Xapian::doccount, std::pair<std::string, Xapian::termpos>>> by_freq;
    for (auto& p : positioned_) by_freq.emplace_back(db.get_termfreq(p.first), std::move(p));
    std::sort(by_freq.begin(), by_freq.end());
    for (std::size_t i = 0; i < by_freq.size(); ++i) positioned_[i] = std::move(by_freq[i].second);
    at_ = db.postlist_begin(driver_);
    // Checked last in an AND (Xapian orders by estimate), after every word.
    set_estimates(db.get_doccount());
    current_ = 0;
    ended_ = false;
}

// Whether the words with positions are where the phrase puts them: the
// rarest one's positions (init sorts them), each other's at its offset from
// it, read only when the ones before agree. The cheap part of the check,
// before the record is read.
bool PhraseCheckSource::positions_agree(Xapian::docid did) {
    const std::size_t n = positioned_.size();
    if (n < 2) return true;
    std::vector<Xapian::PositionIterator> at(n);
    std::vector<bool> opened(n, false);
    at[0] = db_.positionlist_begin(did, positioned_[0].first);
    const Xapian::PositionIterator end;
    for (; at[0] != end; ++at[0]) {
        if (*at[0] <= positioned_[0].second) continue;  // the phrase would start before 1
        const Xapian::termpos start = *at[0] - positioned_[0].second;
        bool all = true;
        for (std::size_t i = 1; all && i < n; ++i) {
            if (!opened[i]) {
                at[i] = db_.positionlist_begin(did, positioned_[i].first);
                opened[i] = true;
            }
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
    const auto known = shard_checked_->find(did);
    if (known != shard_checked_->end()) return known->second;
    const bool yes = check_document(did);
    shard_checked_->emplace(did, yes);
    return yes;
}

bool PhraseCheckSource::check_document(Xapian::docid did) {
    if (!positions_agree(did)) return false;
    const Xapian::Document doc = db_.get_document(did, Xapian::DOC_ASSUME_VALID);
    const schema::ParagraphData record = schema::read_record(doc);
    Spans spans;
    if (in_quotes_) {
        for (const analysis::Quote& q : analysis::decode_quotes(doc.get_value(schema::kQuotesSlot)))
            spans.emplace_back(q.begin, q.end);
        std::sort(spans.begin(), spans.end());
    }
    const Spans* within = in_quotes_ ? &spans : nullptr;
    // Most candidates whose positions agree have the phrase written plainly:
    // tokenizing the paragraph was a third of a phrase search's time.
    if (written_plainly(record.text, terms_, within)) return true;
    analysis::tokenize(record.text, tokens_);
    return has_phrase(tokens_, terms_, within);
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
