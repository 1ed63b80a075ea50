#include "analysis/quotes.hpp"

#include <fmt/format.h>

#include <charconv>

#include "analysis/quote_marks.hpp"
#include "analysis/quote_words.hpp"
#include "analysis/stopwords.hpp"

namespace graf::analysis {
std::string_view pattern_name(QuotePattern p) {
    switch (p) {
        case QuotePattern::XSaid:
            return "x-said";
        case QuotePattern::SaidX:
            return "said-x";
        case QuotePattern::AccordingTo:
            return "according-to";
        case QuotePattern::Colon:
            return "colon";
        case QuotePattern::Pronoun:
            return "pronoun";
        case QuotePattern::Role:
            return "role";
        case QuotePattern::Continued:
            return "continued";
        case QuotePattern::None:
            break;
    }
    return "none";
}

/// One paragraph being read: its tokens, which mention starts or ends at
/// each token, and which tokens are quoted.
struct QuoteFinder::Context {
    std::string_view text;
    const std::vector<Token>& tokens;
    const std::vector<NameMention>& mentions;
    std::vector<Quote> quotes;
    std::vector<std::pair<std::size_t, std::size_t>> qtok;  ///< each quote's tokens [first, last)
    std::vector<std::size_t> after_end;  ///< where each quote's attribution window ends
    std::vector<int> starts, ends;       ///< token → mention starting there / ending just before
    std::vector<bool> quoted;

    std::size_t size() const { return tokens.size(); }
    const std::string& term(std::size_t i) const { return tokens[i].term; }
    const NameMention* starting(std::size_t i) const {
        return i < size() && starts[i] >= 0 ? &mentions[static_cast<std::size_t>(starts[i])]
                                            : nullptr;
    }
    const NameMention* ending(std::size_t i) const {
        return i <= size() && ends[i] >= 0 ? &mentions[static_cast<std::size_t>(ends[i])] : nullptr;
    }
    bool possessive(const NameMention& m) const { return tokens[m.last - 1].has(kPossessive); }
    // A person mention starting at i, not "Moore's film".
    const NameMention* person_at(std::size_t i) const {
        const NameMention* m = starting(i);
        return m && !quoted[i] && is_person(m->name) && !possessive(*m) ? m : nullptr;
    }
    bool comma_before(std::size_t i) const {
        if (i == 0 || i >= size()) return false;
        const std::uint32_t from = tokens[i - 1].end, to = tokens[i].begin;
        return from < to && text.substr(from, to - from).find(',') != std::string_view::npos;
    }
    bool breaks_before(std::size_t i) const {
        return i >= size() || quoted[i] || comma_before(i) || tokens[i].has(kSentenceStart);
    }
    std::size_t skip_gap(std::size_t i, std::size_t end) const {
        while (i < end && is_gap_word(term(i))) ++i;
        return i;
    }
    bool verb_at(std::size_t i, std::size_t end) const {
        return i < end && !quoted[i] && is_speech_verb(term(i));
    }

    // The person named in a run from `from` ("festival organiser Michael
    // Eavis", "William Hill spokesman Rupert Adams", "Brian Waterhouse at
    // James Capel"): the last person mention before a comma, a verb, or a
    // lower-case word after one was found. Returns the mention or null.
    const NameMention* person_ahead(std::size_t from, std::size_t end) const {
        const NameMention* found = nullptr;
        for (std::size_t k = from; k < end && k < from + 10;) {
            if (k > from && breaks_before(k)) break;
            if (quoted[k] || is_speech_verb(term(k))) break;
            if (const NameMention* m = person_at(k)) {
                found = m;
                k = m->last;
                continue;
            }
            const Token& t = tokens[k];
            if (found && !t.has(kCapitalised) && !t.has(kAllCaps) && !is_role_word(t.term)) break;
            ++k;
        }
        return found;
    }

    // The words after quote q, to its sentence's end, have a speech verb:
    // the text names a speaker there, even if not one we know.
    bool attributed_elsewhere(std::size_t q) const {
        const Quote& quote = quotes[q];
        const std::size_t last = qtok[q].second;
        if (quote.open || last >= size()) return false;
        if (tokens[last].has(kSentenceStart)) {
            const char inside = quote.end > quote.begin ? text[quote.end - 1] : ' ';
            if (inside != '.' && inside != '!' && inside != '?') return false;
        }
        for (std::size_t k = last; k < size() && k < last + 6; ++k) {
            if (quoted[k] || (k > last && tokens[k].has(kSentenceStart))) break;
            if (is_speech_verb(term(k))) return true;
        }
        return false;
    }

    // A mention's name, with what the name finder leaves off a speaker:
    // the lower-case part of a hyphenated given name ("Hou Chia-chi") and
    // the surname after a middle initial ("William S. Bushnell").
    std::string full_name(const NameMention& m) const {
        std::string name = m.name;
        std::size_t last = m.last - 1;
        while (last > m.first && tokens[last].has(kAlias)) --last;
        const std::uint32_t end = tokens[last].end;
        for (std::size_t k = m.last; k < size() && k < m.last + 3; ++k) {
            const Token& t = tokens[k];
            if (quoted[k] || t.has(kAlias)) continue;
            if (t.begin == end + 1 && text[end] == '-' && !t.has(kCapitalised))
                name += ' ' + t.term;
            else if (t.begin == end + 2 && text[end] == '.' && tokens[last].term.size() == 1 &&
                     t.has(kCapitalised) && !is_speech_verb(t.term))
                name += ' ' + t.term;
            break;
        }
        return name;
    }

    // A bare capitalised word naming the speaker ("Exxon said", "said
    // Connors", "Mr Smith said" before the name finder knows Smith).
    bool bare_name(std::size_t i) const {
        if (i >= size() || quoted[i]) return false;
        static const std::string_view determiners[] = {"the", "a",   "an",  "this", "that",
                                                       "his", "her", "its", "their"};
        if (i > 0)
            for (std::string_view d : determiners)
                if (term(i - 1) == d) return false;  // "The Brazilian confirmed"
        const Token& t = tokens[i];
        return (t.has(kCapitalised) || t.has(kAllCaps)) && !t.has(kNumeric) &&
               !t.has(kSentenceStart) && !t.has(kPossessive) && !names_nobody(t) &&
               !is_pronoun(t.term) && !is_role_word(t.term) && !is_title_word(t.term);
    }

    // A speaker starting at i (after a title): a mention or a bare word.
    // Sets `name`, returns the token after it (0: none).
    std::size_t speaker_at(std::size_t i, std::size_t end, std::string& name) const {
        if (i + 1 < end && is_title_word(term(i))) ++i;
        if (i >= end || quoted[i]) return 0;
        if (const NameMention* m = starting(i); m && !possessive(*m)) {
            name = full_name(*m);
            return m->last;
        }
        if (!bare_name(i)) return 0;
        name = term(i);
        return i + 1;
    }

    // The subject of the verb at v, from the words before it within
    // [from, v): "Musk (also) wrote", "Theresa May, the shadow secretary,
    // said" (the name before the appositive), "Maeve Sherlock, chief
    // executive of the Refugee Council, said" (not the council). Sets
    // `pronoun` for "he said".
    std::string subject_before(std::size_t v, std::size_t from, bool& pronoun) const {
        pronoun = false;
        std::size_t j = v;
        while (j > from && is_gap_word(term(j - 1))) --j;
        if (j <= from) return {};
        if (is_pronoun(term(j - 1)) && !quoted[j - 1]) {
            pronoun = true;
            return {};
        }
        if (comma_before(j)) {
            for (std::size_t k = j - 1; k > from && j - k < 16; --k) {
                if (quoted[k] || tokens[k].has(kSentenceStart)) break;
                if (!comma_before(k)) continue;
                if (const NameMention* m = ending(k); m && m->first >= from && !possessive(*m))
                    return full_name(*m);
                break;
            }
        }
        if (const NameMention* m = ending(j);
            m && m->first >= from && !quoted[m->first] && !possessive(*m)) {
            if (const NameMention* p = person_before_place(*m, from)) return full_name(*p);
            if (is_person(m->name)) return full_name(*m);
            // "Robert Conway, managing director of Goldman Sachs Corp said"
            for (std::size_t k = m->first; k > from && m->first - k < 12; --k)
                if (comma_before(k)) {
                    const NameMention* p = ending(k);
                    if (p && p->first >= from && is_person(p->name) && !possessive(*p))
                        return full_name(*p);
                    break;
                }
            return full_name(*m);
        }
        if (!comma_before(j) && bare_name(j - 1)) return term(j - 1);
        return {};
    }

    // "Atty. Gen. Edwin Meese": a capitalised word of at most four letters
    // and a period before token i, which the tokenizer took for a sentence end.
    bool after_abbreviation(std::size_t i) const {
        if (i == 0 || i + 1 >= size() || quoted[i] || !tokens[i + 1].has(kCapitalised))
            return false;
        const Token& p = tokens[i - 1];
        return p.has(kCapitalised) && p.end - p.begin <= 4 && p.end < text.size() &&
               text[p.end] == '.' && !is_stopword(p.term) && !quoted[i - 1];
    }

    // "Louis Marckesano at Janney Montgomery Scott said": the person
    // before "at", "of", "with" or "from" and the employer after it.
    const NameMention* person_before_place(const NameMention& m, std::size_t from) const {
        if (m.first < from + 2) return nullptr;
        const std::string& w = term(m.first - 1);
        if (w != "at" && w != "of" && w != "with" && w != "from") return nullptr;
        const NameMention* p = ending(m.first - 1);
        return p && p->first >= from && is_person(p->name) && !possessive(*p) ? p : nullptr;
    }

    // The person a sentence opens with: "White House spokesman Marlin
    // Fitzwater told …" (after role and capitalised words).
    const NameMention* opener(std::size_t from, std::size_t to) const {
        for (std::size_t k = from; k < to && k < from + 5; ++k) {
            if (const NameMention* m = person_at(k)) return m;
            const Token& t = tokens[k];
            if (quoted[k] || (k > from && comma_before(k)) ||
                !(t.has(kCapitalised) || t.has(kAllCaps) || is_role_word(t.term) ||
                  t.term == "the"))
                break;
        }
        return nullptr;
    }

    // The person a sentence from `from` opens with, when a speech verb
    // follows it ("Ryzhkov said …", "Takako Doi, Chairwoman of the Japan
    // Socialist Party, said …"), or a pronoun doing so: for a quote later in
    // that sentence with nobody else named before it. Sets `pronoun`.
    std::string opening_speaker(std::size_t from, std::size_t to, bool& pronoun) const {
        pronoun = false;
        std::size_t k = from;
        while (k < to && (term(k) == "but" || term(k) == "and" || term(k) == "so")) ++k;
        std::size_t after = 0;
        std::string name;
        if (k < to && is_pronoun(term(k))) {
            pronoun = true;
            after = k + 1;
        } else if (const NameMention* m = person_at(k)) {
            name = full_name(*m);
            after = m->last;
        } else {
            return {};
        }
        if (comma_before(after))  // an appositive: to its closing comma
            for (std::size_t i = after + 1; i < to && i < after + 15; ++i)
                if (comma_before(i)) {
                    after = i;
                    break;
                }
        for (std::size_t i = after; i < to && i < after + 4; ++i) {
            if (verb_at(i, to)) {
                for (std::size_t j = i + 1; j < to; ++j)
                    if (person_at(j) || quoted[j] || verb_at(j, to)) {
                        pronoun = false;
                        return {};
                    }
                return name;
            }
            if (!is_gap_word(term(i)) && term(i) != "did" && term(i) != "not") break;
        }
        pronoun = false;
        return {};
    }

    // A sentence ending in its attribution: "…, U.S. Ambassador to GATT
    // Michael Samuels said." Returns the person, or empty.
    std::string closing_speaker(std::size_t from, std::size_t to) const {
        if (to < 2 || to <= from + 1 || !verb_at(to - 1, to)) return {};
        std::size_t j = to - 1;
        while (j > from && is_gap_word(term(j - 1))) --j;
        const NameMention* m = ending(j);
        if (!m || m->first <= from || quoted[m->first] || !is_person(m->name)) return {};
        if (term(m->first - 1) == "the") return {};  // a description, not a name
        for (std::size_t k = m->first; k > from && m->first - k < 8; --k) {
            if (quoted[k - 1]) return {};
            if (!comma_before(k)) continue;
            // "Mark Brett, economist at securities house Barclays de Zoete Wedd said."
            const NameMention* p = ending(k);
            if (p && k != m->first && is_person(p->name) && !possessive(*p)) return full_name(*p);
            return full_name(*m);
        }
        return {};
    }
};

void QuoteFinder::reset() {
    ante_.clear();
    last_said_.clear();
    roles_.clear();
    carried_ = false;
    carried_speaker_.clear();
}

// Roles attached to names: "Trade Secretary Patricia Hewitt", "press
// secretary in the White House Caroline Leavitt", "David Frost, director
// general of the British Chambers of Commerce". Not "A spokesman said Mr
// X's…": the words between are capitalised or small joining words.
void QuoteFinder::note_roles(const Context& c) {
    static const std::string_view joins[] = {"in", "of", "the", "at", "for", "and"};
    auto joining = [&](std::size_t i) {
        const Token& t = c.tokens[i];
        if (t.has(kCapitalised) || t.has(kAllCaps)) return true;
        for (std::string_view j : joins)
            if (t.term == j) return true;
        return false;
    };
    for (const NameMention& m : c.mentions) {
        if (c.quoted[m.first] || !is_person(m.name) || c.possessive(m)) continue;
        for (std::size_t k = m.first, steps = 0; k > 0 && steps < 6; --k, ++steps) {
            const std::size_t i = k - 1;
            if (c.quoted[i] || c.breaks_before(i + 1)) break;
            if (is_role_word(c.term(i))) {
                roles_[c.term(i)] = c.full_name(m);
                break;
            }
            if (!joining(i) || is_speech_verb(c.term(i))) break;
        }
        if (!c.comma_before(m.last)) continue;
        for (std::size_t i = m.last; i < c.size() && i < m.last + 8; ++i) {
            if (c.quoted[i] || (i > m.last && c.breaks_before(i)) || is_speech_verb(c.term(i)))
                break;
            if (is_role_word(c.term(i))) {
                roles_[c.term(i)] = c.full_name(m);
                break;
            }
        }
    }
}

// Who a sentence is about, for a later "he said": the speaker of a
// speech verb in it, else a person named at its start (after role words:
// "Commerce Secretary Malcolm Baldrige predicted"), else the person "he"
// or "she" opening it already means. Empty: nobody.
std::string QuoteFinder::subject(const Context& c, std::size_t s, std::size_t e) const {
    std::size_t first = s;
    while (first < e && (c.quoted[first] || c.term(first) == "but" || c.term(first) == "and"))
        ++first;
    if (first < e && is_pronoun(c.term(first))) return ante_;
    for (std::size_t v = s; v < e; ++v) {
        if (!c.verb_at(v, e)) continue;
        // The first speech verb only: "… replied when asked about a report
        // Poindexter had told him" is not about Poindexter.
        bool pronoun = false;
        std::string name = subject_before(c, v, s, pronoun);
        if (pronoun) return ante_;
        if (!name.empty() && (is_person(name) || name.find(' ') == std::string::npos))
            return name;  // "Reagan said": a one-word name saying something is someone
        if (const NameMention* m = c.person_ahead(v + 1, e)) return c.full_name(*m);
        break;
    }
    for (std::size_t k = first; k < e && k < first + 5; ++k) {
        if (const NameMention* m = c.person_at(k)) return c.full_name(*m);
        const Token& t = c.tokens[k];
        if (c.quoted[k] || (k > first && c.comma_before(k)) ||
            !(t.has(kCapitalised) || t.has(kAllCaps) || is_role_word(t.term) || t.term == "the"))
            break;
    }
    return {};
}

std::string QuoteFinder::subject_before(const Context& c, std::size_t v, std::size_t from,
                                        bool& pronoun) const {
    return c.subject_before(v, from, pronoun);
}

bool QuoteFinder::names_person(const Context& c, std::size_t s, std::size_t e) {
    for (std::size_t k = s; k < e; ++k)
        if (const NameMention* m = c.starting(k); m && !c.quoted[k] && is_person(m->name))
            return true;
    return false;
}

// Whether the words after quote q may say who said it. Not after a period
// outside the marks (`grounds". Lady Hale said …` starts another
// sentence); after one inside them (`structure.” Bannon said about …`)
// only a short attribution that leads into no other quote and no "that"
// clause (`group." Amnesty International's Jan Shaw said: "…`).
bool QuoteFinder::after_may_attribute(const Context& c, std::size_t q, std::size_t end) {
    const Quote& quote = c.quotes[q];
    const std::size_t last = c.qtok[q].second;
    if (quote.open || last >= end || c.quoted[last]) return false;
    if (!c.tokens[last].has(kSentenceStart)) return true;
    const char inside = quote.end > quote.begin ? c.text[quote.end - 1] : ' ';
    if (inside != '.' && inside != '!' && inside != '?') return false;
    // It leads into the next quote ("Jan Shaw said: "…").
    if (end < c.size() && c.quoted[end] && !c.tokens[end].has(kSentenceStart)) return false;
    for (std::size_t k = last; k < end; ++k)
        if (c.term(k) == "that" || k > last + 12) return false;
    return true;
}

// The speaker of quote q from the words after it (to the end of its
// sentence), else before it (from its sentence's start), else "according
// to" around it. `ante`: who "he" or "she" is at this sentence.
void QuoteFinder::attribute(Context& c, std::size_t q, const std::string& ante) {
    Quote& quote = c.quotes[q];
    const auto [first, last] = c.qtok[q];
    std::size_t end = c.size();
    for (std::size_t k = last + 1; k < c.size(); ++k)
        if (c.quoted[k] || c.tokens[k].has(kSentenceStart)) {
            end = k;
            break;
        }
    c.after_end[q] = last;
    auto role = [&](std::size_t the, std::size_t limit, bool needs_verb) -> std::string {
        if (the >= limit || c.term(the) != "the") return {};
        for (std::size_t k = the + 1; k < limit && k < the + 7; ++k) {
            if (c.breaks_before(k)) return {};
            if (!is_role_word(c.term(k))) continue;
            std::size_t v = k + 1;
            while (v < limit && is_role_word(c.term(v))) ++v;  // "chief executive"
            if (needs_verb && !c.verb_at(c.skip_gap(v, limit), limit)) return {};
            auto it = roles_.find(c.term(v - 1));
            return it == roles_.end() ? std::string() : it->second;
        }
        return {};
    };
    QuotePattern pattern = QuotePattern::None;
    std::string who;
    auto found = [&](std::string name, QuotePattern p) {
        if (name.empty()) return;
        who = std::move(name);
        pattern = p;
    };
    if (after_may_attribute(c, q, end)) {
        const std::size_t a = last;
        std::string name;
        if (c.verb_at(a, end) && a + 1 < end) {
            const std::size_t b = a + 1;
            if (is_pronoun(c.term(b)))
                found(ante, QuotePattern::Pronoun);
            else if (c.term(b) == "the")
                found(role(b, end, false), QuotePattern::Role);
            else if (const NameMention* m = c.person_ahead(b, end))
                found(c.full_name(*m), QuotePattern::SaidX);
            else if (c.speaker_at(b, end, name))
                found(name, QuotePattern::SaidX);
        } else if (is_pronoun(c.term(a))) {
            if (c.verb_at(c.skip_gap(a + 1, end), end)) found(ante, QuotePattern::Pronoun);
        } else if (c.term(a) == "the") {
            found(role(a, end, true), QuotePattern::Role);
        } else {
            std::size_t j = 0;
            if (const NameMention* m = c.person_ahead(a, end)) {
                name = c.full_name(*m);
                j = m->last;
            } else {
                j = c.speaker_at(a, end, name);
            }
            // "Bannon, the former strategist, said"
            if (j && c.comma_before(j)) {
                std::size_t k = j + 1;
                while (k < end && k < j + 15 && !c.comma_before(k)) ++k;
                // no closing comma: "Mark Brett, economist at X said."
                j = k < end && c.comma_before(k) ? k : c.verb_at(end - 1, end) ? end - 1 : j;
            }
            // "Sen. Patrick Leahy (D-Vt.) told …"
            std::size_t v = j ? c.skip_gap(j, end) : 0;
            while (j && v < end && v < j + 4 && !c.verb_at(v, end) &&
                   (c.tokens[v].has(kCapitalised) || c.tokens[v].has(kAllCaps) ||
                    c.term(v).size() <= 2))
                ++v;
            if (j && c.verb_at(v, end)) found(name, QuotePattern::XSaid);
        }
    }
    const bool by_words_after = pattern != QuotePattern::None;
    // Before the quote, from the start of its sentence.
    std::size_t from = first;
    while (from > 0 && !c.quoted[from - 1] && !c.tokens[from].has(kSentenceStart)) --from;
    if (pattern == QuotePattern::None && from < first && !quote.continues) {
        bool named_between = false;
        for (std::size_t v = first; v-- > from && first - v <= 8;) {
            // "X told Y: …" is X's; after another verb a second name is the
            // speaker's, not the subject's ("X said Y called it …").
            named_between |= c.person_at(v) != nullptr;
            if (!c.verb_at(v, first)) continue;
            if (named_between && c.term(v) != "told" && c.term(v) != "tells") break;
            bool pronoun = false;
            std::string name = c.subject_before(v, from, pronoun);
            if (pronoun) {
                // "Marlin Fitzwater told reporters …, but he added, "…""
                const NameMention* o = c.opener(from, v);
                found(o ? c.full_name(*o) : ante, QuotePattern::Pronoun);
            } else if (!name.empty()) {
                found(name, QuotePattern::XSaid);
            } else {
                for (std::size_t k = v; k-- > from && v - k < 7;)
                    if (c.term(k) == "the") {
                        found(role(k, v + 1, true), QuotePattern::Role);
                        break;
                    }
            }
            break;
        }
        // "Ryzhkov said guarantees should … prevent "…"", "He did not give
        // details but said, "…""
        if (pattern == QuotePattern::None) {
            bool pronoun = false;
            std::string name = c.opening_speaker(from, first, pronoun);
            if (pronoun)
                found(ante, QuotePattern::Pronoun);
            else
                found(name, QuotePattern::XSaid);
        }
        // "Sam Allardyce: "…"", "- Bolton boss Sam Allardyce "…""
        const NameMention* m = c.ending(first);
        if (pattern == QuotePattern::None && m && !c.quoted[m->first] && m->first >= from &&
            m->first <= from + 4 && !c.possessive(*m))
            found(c.full_name(*m), QuotePattern::Colon);
    }
    // "…, U.S. Ambassador to GATT Michael Samuels said."
    if (pattern == QuotePattern::None && !quote.open && last < c.size() &&
        !c.tokens[last].has(kSentenceStart)) {
        std::size_t stop = end;
        while (stop < c.size() && !c.quoted[stop] && !c.tokens[stop].has(kSentenceStart)) ++stop;
        if (stop == end || !c.quoted[end])
            found(c.closing_speaker(from, stop), QuotePattern::XSaid);
    }
    // "according to X" anywhere in the sentence around the quote.
    for (std::size_t k = from; pattern == QuotePattern::None && k + 2 < end; ++k) {
        if (c.quoted[k] || c.term(k) != "according" || c.term(k + 1) != "to") continue;
        std::string name;
        if (const NameMention* m = c.person_ahead(k + 2, end))
            found(c.full_name(*m), QuotePattern::AccordingTo);
        else if (c.speaker_at(k + 2, end, name))
            found(name, QuotePattern::AccordingTo);
        else
            found(role(k + 2, end, false), QuotePattern::AccordingTo);
    }
    // The attribution after the quote is its own, not a speaker between
    // this quote and the next.
    if (by_words_after) c.after_end[q] = end;
    quote.speaker = std::move(who);
    quote.pattern = pattern;
}

namespace {

// Title Case without closing punctuation is a title, not a quotation.
bool is_quotation(std::string_view text, const QuoteSpan& s, std::size_t words, std::size_t content,
                  std::size_t capitalised) {
    if (s.open || s.continues) return words >= 1;
    const char lastc = s.end > s.begin ? text[s.end - 1] : ' ';
    const bool punct = lastc == ',' || lastc == '.' || lastc == '!' || lastc == '?';
    if (!punct && content >= 1 && capitalised == content) return false;
    return words >= 4 || (words >= 2 && punct);
}

}  // namespace

void QuoteFinder::collect(Context& c) {
    const std::vector<Token>& tokens = c.tokens;
    std::size_t t = 0;
    for (const QuoteSpan& s : find_quote_spans(c.text, carried_)) {
        while (t < tokens.size() && tokens[t].begin < s.begin) ++t;
        std::size_t e = t, words = 0, content = 0, caps = 0;
        for (; e < tokens.size() && tokens[e].end <= s.end; ++e) {
            if (tokens[e].has(kAlias)) continue;
            ++words;
            if (is_stopword(tokens[e].term)) continue;
            ++content;
            caps += tokens[e].has(kCapitalised) || tokens[e].has(kAllCaps);
        }
        if (!is_quotation(c.text, s, words, content, caps)) continue;
        for (std::size_t k = t; k < e; ++k) c.quoted[k] = true;
        Quote q;
        q.begin = s.begin;
        q.end = s.end;
        q.open = s.open;
        q.continues = s.continues;
        c.quotes.push_back(std::move(q));
        c.qtok.emplace_back(t, e);
        t = e;
    }
    c.after_end.assign(c.quotes.size(), 0);
}

// Sentence by sentence: attribute the quotes that start in it (a pronoun
// means who the text was about before it), then note who it is about.
void QuoteFinder::attribute_all(Context& c) {
    std::vector<bool> opens(c.size() + 1, false);
    for (const auto& [first, last] : c.qtok) opens[first] = true;
    std::size_t q = 0;
    for (std::size_t s = 0; s < c.size();) {
        std::size_t e = s + 1;
        while (e < c.size() && !(c.tokens[e].has(kSentenceStart) && (!c.quoted[e] || opens[e]) &&
                                 !c.after_abbreviation(e)))
            ++e;
        const std::string ante = ante_;
        std::string spoke;
        for (; q < c.quotes.size() && c.qtok[q].first < e; ++q) {
            attribute(c, q, ante);
            if (!c.quotes[q].speaker.empty()) spoke = c.quotes[q].speaker;
        }
        if (!spoke.empty() && is_person(spoke)) {
            ante_ = spoke;
            last_said_ = spoke;
        } else if (std::string who = subject(c, s, e); !who.empty()) {
            ante_ = who;
            last_said_ = who;
        } else if (names_person(c, s, e)) {
            ante_.clear();  // someone else now: "he" would be a guess
            last_said_.clear();
        }
        s = e;
    }
    for (; q < c.quotes.size(); ++q) attribute(c, q, ante_);
}

// A quote cut into pieces has one speaker; an unattributed quote after a
// quote of X is X's too when nobody else is named and no one else speaks
// between them.
void QuoteFinder::continue_speakers(Context& c, const std::string& said_before) {
    for (std::size_t q = 0; q < c.quotes.size(); ++q) {
        Quote& cur = c.quotes[q];
        if (!cur.speaker.empty()) continue;
        if (cur.continues && q == 0 && carried_) {
            cur.speaker = carried_speaker_;
        } else if (c.attributed_elsewhere(q)) {
            continue;  // "…," one said: someone the text does not name
        } else if (q == 0 && c.qtok[0].first == 0) {
            // A paragraph opening with a quote nobody is named for goes on
            // from the speaker the paragraph before ended with.
            cur.speaker = said_before;
        } else if (q > 0 && !c.quotes[q - 1].speaker.empty()) {
            const std::string& prev = c.quotes[q - 1].speaker;
            bool other = false;
            if (!cur.continues)
                for (std::size_t k = c.after_end[q - 1]; k < c.qtok[q].first && !other; ++k) {
                    const NameMention* m = c.starting(k);
                    other = (m && c.full_name(*m) != prev && is_person(m->name)) ||
                            (!c.quoted[k] && is_speech_verb(c.term(k)));
                }
            if (!other) cur.speaker = prev;
        }
        if (!cur.speaker.empty()) cur.pattern = QuotePattern::Continued;
    }
    for (std::size_t q = c.quotes.size(); q-- > 1;) {
        Quote& prev = c.quotes[q - 1];
        if (prev.speaker.empty() && prev.open && c.quotes[q].continues &&
            !c.quotes[q].speaker.empty()) {
            prev.speaker = c.quotes[q].speaker;
            prev.pattern = QuotePattern::Continued;
        }
    }
}

void QuoteFinder::find(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<NameMention>& mentions, std::vector<Quote>& out) {
    Context c{text, tokens, mentions, {}, {}, {}, {}, {}, {}};
    c.starts.assign(tokens.size() + 1, -1);
    c.ends.assign(tokens.size() + 1, -1);
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        c.starts[mentions[m].first] = static_cast<int>(m);
        c.ends[mentions[m].last] = static_cast<int>(m);
    }
    c.quoted.assign(tokens.size(), false);
    collect(c);
    note_roles(c);
    const std::string said_before = last_said_;
    attribute_all(c);
    continue_speakers(c, said_before);
    carried_ = !c.quotes.empty() && c.quotes.back().open;
    carried_speaker_ = carried_ ? c.quotes.back().speaker : std::string();
    for (Quote& q : c.quotes) out.push_back(std::move(q));
}

std::string encode_quotes(const std::vector<Quote>& quotes) {
    std::string out;
    for (const Quote& q : quotes)
        out += fmt::format("{} {} {} {}{} {}\n", q.begin, q.end, static_cast<int>(q.pattern),
                           q.open ? 'o' : '-', q.continues ? 'c' : '-', q.speaker);
    return out;
}

std::vector<Quote> decode_quotes(std::string_view value) {
    std::vector<Quote> out;
    while (!value.empty()) {
        const std::size_t nl = std::min(value.find('\n'), value.size());
        std::string_view line = value.substr(0, nl);
        value.remove_prefix(std::min(nl + 1, value.size()));
        Quote q;
        unsigned pattern = 0;
        const char* p = line.data();
        const char* e = line.data() + line.size();
        auto r1 = std::from_chars(p, e, q.begin);
        if (r1.ec != std::errc() || r1.ptr == e) continue;
        auto r2 = std::from_chars(r1.ptr + 1, e, q.end);
        if (r2.ec != std::errc() || r2.ptr == e) continue;
        auto r3 = std::from_chars(r2.ptr + 1, e, pattern);
        if (r3.ec != std::errc() || e - r3.ptr < 3) continue;
        q.pattern = static_cast<QuotePattern>(pattern <= 7 ? pattern : 0);
        q.open = r3.ptr[1] == 'o';
        q.continues = r3.ptr[2] == 'c';
        if (e - r3.ptr > 4) q.speaker.assign(r3.ptr + 4, e);
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace graf::analysis
