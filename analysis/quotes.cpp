#include "analysis/quotes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "analysis/name_words.hpp"
#include "analysis/quote_marks.hpp"
#include "analysis/quote_reading.hpp"
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

void QuoteFinder::reset() {
    ante_.clear();
    last_said_.clear();
    it_.clear();
    company_.clear();
    roles_.clear();
    carried_ = false;
    carried_speaker_.clear();
    people_.clear();
}

namespace {

// A role word as written before a name, abbreviations too: "Sen." is a
// senator, "Gov." a governor.
std::string role_word(const QuoteReading& c, std::size_t i) {
    if (is_role_word(c.term(i))) return c.term(i);
    if (!is_title_abbreviation(c.term(i))) return {};
    const std::string_view t = canonical_title(c.term(i));
    return is_role_word(t) ? std::string(t) : std::string();
}

// The words that qualify a role, for telling "the trade minister" from
// "the prime minister": content words, not "the" or "of".
void add_qualifier(const QuoteReading& c, std::size_t i, std::vector<std::string>& words) {
    const std::string& w = c.term(i);
    if (c.tokens[i].has(kAlias) || is_stopword(w) || is_speech_verb(w)) return;
    words.push_back(w);
}

}  // namespace

void QuoteFinder::add_role(const std::string& head, const std::string& person,
                           std::vector<std::string> words) {
    std::vector<Role>& known = roles_[head];
    known.erase(std::remove_if(known.begin(), known.end(),
                               [&](const Role& r) { return r.person == person; }),
                known.end());
    known.push_back({person, std::move(words)});
}

// Roles attached to names: "Trade Secretary Patricia Hewitt", "press
// secretary in the White House Caroline Leavitt", "David Frost, director
// general of the British Chambers of Commerce", "trade minister Rha
// Woong-Bae's stand", "Sen. Jake Garn". Not "A spokesman said Mr X's…":
// the words between are capitalised or small joining words. The words
// around the role word are kept with it ("deputy prime", "trade").
void QuoteFinder::note_roles(const Context& c) {
    static const std::string_view joins[] = {"in", "of", "the", "at", "for", "and", "to"};
    auto joining = [&](std::size_t i) {
        const Token& t = c.tokens[i];
        if (t.has(kCapitalised) || t.has(kAllCaps)) return true;
        for (std::string_view j : joins)
            if (t.term == j) return true;
        return false;
    };
    for (const NameMention& m : c.mentions) {
        if (c.quoted[m.first] || !is_person(m.name)) continue;
        std::vector<std::string> words;
        for (std::size_t k = m.first, steps = 0; k > 0 && steps < 6; --k, ++steps) {
            const std::size_t i = k - 1;
            if (c.quoted[i] || c.breaks_before(i + 1)) break;
            if (const std::string head = role_word(c, i); !head.empty()) {
                // Its qualifiers before it: "Deputy prime minister", "U.S. Ambassador".
                for (std::size_t j = i, n = 0; j > 0 && n < 3; --j, ++n) {
                    if (c.breaks_before(j) || c.quoted[j - 1] || is_speech_verb(c.term(j - 1)))
                        break;
                    add_qualifier(c, j - 1, words);
                }
                add_role(head, c.full_name(m), std::move(words));
                break;
            }
            if (!joining(i) || is_speech_verb(c.term(i))) break;
            add_qualifier(c, i, words);
        }
        if (!c.comma_before(m.last) || c.possessive(m)) continue;
        words.clear();
        for (std::size_t i = m.last; i < c.size() && i < m.last + 8; ++i) {
            if (c.quoted[i] || (i > m.last && c.breaks_before(i)) || is_speech_verb(c.term(i)))
                break;
            if (!is_role_word(c.term(i))) {
                add_qualifier(c, i, words);
                continue;
            }
            // "chief executive", "director general": either word is the role.
            std::size_t v = i + 1;
            while (v < c.size() && is_role_word(c.term(v))) ++v;
            for (std::size_t r = i; r < v; ++r) add_qualifier(c, r, words);
            // "… carrier Air Atlanta, a KLM spokeswoman said": the role is
            // the subject of its own clause, not an appositive of the name.
            const std::size_t verb = c.skip_gap(v, c.size());
            if (c.verb_at(verb, c.size()) && !c.comma_before(verb)) break;
            // "director general of the British Chambers": the words after it.
            for (std::size_t j = v; j < c.size() && j < v + 6 && !c.breaks_before(j); ++j)
                add_qualifier(c, j, words);
            for (std::size_t r = i; r < v; ++r) add_role(c.term(r), c.full_name(m), words);
            break;
        }
    }
    note_bare_roles(c);
}

// A role word right before a one-word name the name finder does not tag
// ("President Reagan, staying cool…"): "the president said" later is Reagan.
void QuoteFinder::note_bare_roles(const Context& c) {
    for (std::size_t i = 0; i + 1 < c.size(); ++i) {
        const std::size_t n = i + 1;
        if (c.quoted[i] || !is_role_word(c.term(i)) || !c.tokens[i].has(kCapitalised) ||
            c.starting(n) || c.breaks_before(n) || !c.bare_name(n))
            continue;
        // One word only: "President Ronald Reagan" is the name finder's.
        if (n + 1 < c.size() && !c.breaks_before(n + 1) &&
            (c.tokens[n + 1].has(kCapitalised) || c.tokens[n + 1].has(kAllCaps)))
            continue;
        add_role(c.term(i), c.word(n), {});
    }
}

// Who a sentence is about, for a later "he said": the speaker of a
// speech verb in it, else a person named at its start (after role words:
// "Commerce Secretary Malcolm Baldrige predicted"), else the person "he"
// or "she" opening it already means. Empty: nobody.
std::string QuoteFinder::subject(const Context& c, std::size_t s, std::size_t e,
                                 Subject& how) const {
    how = Subject::Speaks;
    std::size_t first = s;
    while (first < e && (c.quoted[first] || c.term(first) == "but" || c.term(first) == "and"))
        ++first;
    for (std::size_t v = s; v < e; ++v) {
        // Not "he had been told", nor "Mr Blair claiming" (a participle
        // with a subject of its own is no speech of the sentence's).
        if (!c.verb_at(v, e) || c.passive(v)) continue;
        const bool shares = c.coordinated(v);
        if (is_participle(c.term(v)) && !shares) continue;
        // The first speech verb only: "… replied when asked about a report
        // Poindexter had told him" is not about Poindexter.
        bool pronoun = false;
        std::string name = subject_before(c, v, s, pronoun);
        if (!pronoun && name.empty() && shares) {
            // "… and said Mr Blair was worried": the sentence's subject speaks.
            name = c.coordinated_speaker(s, v, pronoun);
            if (pronoun) return ante_;
            if (name.empty() && is_plain_speech(c.term(v))) how = Subject::Unknown;
            if (name.empty()) break;
        }
        if (pronoun) return ante_;
        if (!name.empty() && (is_person(name) || name.find(' ') == std::string::npos))
            return name;  // "Reagan said": a one-word name saying something is someone
        // "said Mr Smith", not "told the Daily Record" (who heard it).
        const bool inverted = is_inverting(c.term(v));
        if (const NameMention* m = inverted ? c.person_ahead(v + 1, e) : nullptr)
            return c.full_name(*m);
        // "the minister said", "said the ADB chief": the person the role
        // was given to, or the one the description is of.
        if (inverted && v + 1 < e && c.term(v + 1) == "the") {
            name = c.described(v + 1, e, false, ante_);
            if (!name.empty()) return name;
        }
        for (std::size_t k = v; k-- > s && v - k < 7;)
            if (c.term(k) == "the") {
                name = c.described(k, v + 1, true, ante_);
                if (!name.empty()) return name;
                break;
            }
        // Someone the text does not name speaks: "Mr Eavis' daughter Emily
        // said", "A spokesman said" ("he" may be them now); not "The U.S.
        // complained", "the report said".
        if (is_plain_speech(c.term(v)))
            how = c.unnamed_person_before(v, s) || (inverted && c.unnamed_person_at(v + 1, e)) ||
                          c.role_before(v, s)
                      ? Subject::Unknown
                      : Subject::Other;
        break;
    }
    if (how == Subject::Unknown) return {};
    const bool spoke = how == Subject::Other;
    how = Subject::Same;
    if (first < e && is_pronoun(c.term(first)) && !spoke) return ante_;
    // "Lady Hale, sitting with Lords Bingham, Steyn and Hope, said": a
    // person opening the sentence is the subject of the verb we could
    // not tie to anyone else.
    how = spoke ? Subject::Speaks : Subject::Named;
    for (std::size_t k = first; k < e && k < first + 5; ++k) {
        if (const NameMention* m = c.person_at(k)) return c.full_name(*m);
        if (spoke) break;
        const Token& t = c.tokens[k];
        if (c.quoted[k] || (k > first && c.comma_before(k)) ||
            !(t.has(kCapitalised) || t.has(kAllCaps) || is_role_word(t.term) || t.term == "the"))
            break;
    }
    if (spoke) how = Subject::Other;
    return {};
}

std::string QuoteFinder::subject_before(const Context& c, std::size_t v, std::size_t from,
                                        bool& pronoun) const {
    return c.subject_before(v, from, pronoun);
}

// A person, not a body or a place: a full name, or a one-word name the
// text made a person of ("he" already means them, or a role was theirs:
// "President Reagan").
bool QuoteFinder::is_someone(const std::string& who) const {
    if (is_person(who) || (!who.empty() && who == ante_)) return true;
    for (const auto& [head, people] : roles_)
        for (const Role& r : people)
            if (r.person == who) return true;
    return false;
}

// Whether [s, e) names a person other than `who` (naming the person the
// text is about again, "… is a concern to Mr Donofrio", changes nothing).
bool QuoteFinder::names_other(const Context& c, std::size_t s, std::size_t e,
                              const std::string& who) {
    for (std::size_t k = s; k < e; ++k)
        if (const NameMention* m = c.starting(k);
            m && !c.quoted[k] && is_person(m->name) && c.full_name(*m) != who)
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
    if (!c.sentence_start(last)) return true;
    const char inside = quote.end > quote.begin ? c.text[quote.end - 1] : ' ';
    if (inside != '.' && inside != '!' && inside != '?') return false;
    // It leads into the next quote ("Jan Shaw said: "…").
    if (end < c.size() && c.quoted[end] && !c.sentence_start(end)) return false;
    for (std::size_t k = last; k < end; ++k)
        if (c.term(k) == "that" || k > last + 12) return false;
    return true;
}

namespace {

// A speaker found, and how.
struct Attribution {
    std::string who;
    QuotePattern pattern = QuotePattern::None;
    void set(std::string name, QuotePattern p) {
        if (name.empty() || pattern != QuotePattern::None) return;
        who = std::move(name);
        pattern = p;
    }
    bool none() const { return pattern == QuotePattern::None; }
};

// X-said after a quote, from token j (one past the speaker's name): the
// appositive ("Bannon, the former strategist, said"; without its closing
// comma: "Mark Brett, economist at X said.") and a parenthesis ("Sen.
// Patrick Leahy (D-Vt.) told") may come before the verb.
bool verb_follows(const QuoteReading& c, std::size_t j, std::size_t end) {
    // Up to three appositives: "Richard Doherty, from Panasonic's labs,
    // one of the pioneers, told".
    for (int n = 0; n < 3 && c.comma_before(j) && !c.verb_at(j, end); ++n) {
        std::size_t k = j + 1;
        while (k < end && k < j + 15 && !c.comma_before(k)) ++k;
        j = k < end && c.comma_before(k) ? k : c.verb_at(end - 1, end) ? end - 1 : j;
    }
    std::size_t v = c.skip_gap(j, end);
    while (v < end && v < j + 4 && !c.verb_at(v, end) &&
           (c.tokens[v].has(kCapitalised) || c.tokens[v].has(kAllCaps) || c.term(v).size() <= 2))
        ++v;
    return c.verb_at(v, end);
}

// The words from `a` (just after the quote) to `end`: said X, said he, said
// the spokesman, he said, the spokesman said, X said.
void after_words(const QuoteReading& c, std::size_t a, std::size_t end, const std::string& ante,
                 Attribution& f) {
    std::string name;
    // Right after a quote any speech verb may come first ("…?" asked
    // Smith, "…," warned Richards), but "told X" names who heard it.
    if (c.verb_at(a, end) && a + 1 < end && c.term(a) != "told" && c.term(a) != "tells") {
        const std::size_t b = a + 1;
        if (is_pronoun(c.term(b)))
            f.set(ante, QuotePattern::Pronoun);
        else if (c.term(b) == "the" && !c.described(b, end, false, ante).empty())
            f.set(c.described(b, end, false, ante), QuotePattern::Role);
        else if (c.term(b) == "the")
            f.set(c.org_at(b, end, false, a), QuotePattern::SaidX);  // said the SEC
        else if (const NameMention* m = c.person_ahead(b, end))
            f.set(c.full_name(*m), QuotePattern::SaidX);
        else if (c.speaker_at(b, end, name))
            f.set(name, QuotePattern::SaidX);
    } else if (is_pronoun(c.term(a)) || c.term(a) == "it") {
        // "he said"; "it said": the organisation that last spoke.
        const std::string& who = c.term(a) == "it" ? c.it_org : ante;
        if (c.verb_at(c.skip_gap(a + 1, end), end)) f.set(who, QuotePattern::Pronoun);
    } else if (c.term(a) == "the") {
        f.set(c.described(a, end, true, ante), QuotePattern::Role);
        bool by_noun = false;  // "the company said" is a role, "the SEC said" a name
        std::string org = c.org_at(a, end, true, a, &by_noun);
        f.set(std::move(org), by_noun ? QuotePattern::Role : QuotePattern::XSaid);
    } else {
        std::size_t j = 0;
        if (const NameMention* m = c.person_ahead(a, end)) {
            name = c.full_name(*m);
            j = m->last;
        } else {
            j = c.speaker_at(a, end, name);
        }
        if (j && verb_follows(c, j, end)) f.set(name, QuotePattern::XSaid);
    }
}

// The words from `from` (the start of the quote's sentence) to the quote at
// `first`: X said: "…", he told reporters "…", the spokesman said "…",
// Ryzhkov said … "…", Sam Allardyce: "…".
void before_words(const QuoteReading& c, std::size_t from, std::size_t first,
                  const std::string& ante, Attribution& f) {
    bool named_between = false;
    for (std::size_t v = first; v-- > from && first - v <= 8;) {
        // "X told Y: …" is X's; after another verb a second name is the
        // speaker's, not the subject's ("X said Y called it …").
        named_between |= c.person_at(v) != nullptr;
        if (!c.verb_at(v, first)) continue;
        if (named_between && c.term(v) != "told" && c.term(v) != "tells") break;
        bool pronoun = false;
        std::string name = c.subject_before(v, from, pronoun);
        if (!pronoun && name.empty()) name = c.coordinated_speaker(from, v, pronoun);
        if (pronoun) {
            // "Marlin Fitzwater told reporters …, but he added, "…""
            const NameMention* o = c.opener(from, v);
            f.set(o ? c.full_name(*o) : ante, QuotePattern::Pronoun);
        } else if (!name.empty()) {
            f.set(name, QuotePattern::XSaid);
        } else if (c.it_before(v, from)) {
            f.set(c.it_org, QuotePattern::Pronoun);  // It said: "…"
        } else {
            for (std::size_t k = v; k-- > from && v - k < 7;)
                if (c.term(k) == "the") {
                    f.set(c.described(k, v + 1, true, ante), QuotePattern::Role);
                    bool by_noun = false;
                    std::string org = c.org_at(k, v + 1, true, from, &by_noun);
                    f.set(std::move(org), by_noun ? QuotePattern::Role : QuotePattern::XSaid);
                    break;
                }
        }
        break;
    }
    bool pronoun = false;
    std::string name = c.opening_speaker(from, first, pronoun);
    f.set(pronoun ? ante : name, pronoun ? QuotePattern::Pronoun : QuotePattern::XSaid);
    const NameMention* m = c.ending(first);
    if (m && !c.quoted[m->first] && m->first >= from && m->first <= from + 4 && !c.possessive(*m) &&
        is_person(m->name))
        f.set(c.full_name(*m), QuotePattern::Colon);
}

// Around the quote: a sentence ending in its attribution ("…, U.S.
// Ambassador to GATT Michael Samuels said.") or saying "according to X".
void around_words(const QuoteReading& c, std::size_t q, std::size_t from, std::size_t end,
                  Attribution& f) {
    const std::size_t last = c.qtok[q].second;
    if (!c.quotes[q].open && last < c.size() && !c.sentence_start(last)) {
        std::size_t stop = end;
        while (stop < c.size() && !c.quoted[stop] && !c.sentence_start(stop)) ++stop;
        if (stop == end || !c.quoted[end])
            f.set(c.closing_speaker(from, stop), QuotePattern::XSaid);
    }
    for (std::size_t k = from; f.none() && k + 2 < end; ++k) {
        if (c.quoted[k] || c.term(k) != "according" || c.term(k + 1) != "to") continue;
        std::string name;
        if (const NameMention* m = c.person_ahead(k + 2, end))
            f.set(c.full_name(*m), QuotePattern::AccordingTo);
        else if (c.speaker_at(k + 2, end, name))
            f.set(name, QuotePattern::AccordingTo);
        else
            f.set(c.role_at(k + 2, end, false), QuotePattern::AccordingTo);
    }
}

}  // namespace

// The speaker of quote q from the words after it (to the end of its
// sentence), else before it (from its sentence's start), else around it.
// `ante`: who "he" or "she" is at this sentence.
void QuoteFinder::attribute(Context& c, std::size_t q, const std::string& ante) {
    Quote& quote = c.quotes[q];
    const auto [first, last] = c.qtok[q];
    std::size_t end = c.size();
    for (std::size_t k = last + 1; k < c.size(); ++k)
        if (c.quoted[k] || c.sentence_start(k)) {
            end = k;
            break;
        }
    Attribution f;
    if (after_may_attribute(c, q, end)) after_words(c, last, end, ante, f);
    // The attribution after the quote is its own, not a speaker between
    // this quote and the next.
    c.after_end[q] = f.none() ? last : end;
    std::size_t from = first;
    while (from > 0 && !c.quoted[from - 1] && !c.sentence_start(from)) --from;
    if (f.none() && from < first && !quote.continues) before_words(c, from, first, ante, f);
    if (f.none()) around_words(c, q, from, end, f);
    quote.speaker = std::move(f.who);
    quote.pattern = f.pattern;
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
    c.said_at.assign(c.quotes.size(), std::string());
}

// Which organisation "it" and "the company" mean after sentence [s, e):
// the one its first speech verb has speak ("The SEC said", "In a
// statement from Lycos Europe, the company denied"); a document speaking
// ("the summary said") leaves "it" to the document.
void QuoteFinder::note_orgs(const Context& c, std::size_t s, std::size_t e) {
    for (std::size_t v = s; v < e; ++v) {
        if (!c.verb_at(v, e) || c.passive(v) || (is_participle(c.term(v)) && !c.coordinated(v)))
            continue;
        std::size_t j = v;
        while (j > s && is_gap_word(c.term(j - 1))) --j;
        std::string org;
        if (const NameMention* m = c.ending(j);
            m && m->first >= s && !c.quoted[m->first] && !c.possessive(*m) && is_org(m->name))
            org = m->name;
        for (std::size_t k = j; org.empty() && k-- > s && j - k < 6;)
            if (c.term(k) == "the") {
                org = c.org_at(k, v + 1, true, s);
                break;
            }
        // "…, said the SEC": after a comma or a quote only, not "Wimpey
        // said the UK market was hard".
        if (org.empty() && is_inverting(c.term(v)) &&
            (c.comma_before(v) || (v > 0 && c.quoted[v - 1])))
            org = c.org_at(v + 1, e, false, s);
        if (!org.empty())
            it_ = company_ = org;
        else if (c.document_before(v, s))
            it_.clear();
        return;
    }
    // No speech: an organisation opening the sentence as its subject ("The
    // China Three Gorges Project Corp could now face a fine") is "it" next.
    const std::size_t k = c.skip_openers(s, e);
    const std::size_t at = k < e && c.term(k) == "the" ? k + 1 : k;
    if (const NameMention* m = c.starting(at);
        m && !c.quoted[at] && !c.possessive(*m) && is_org(m->name) && m->last < e &&
        !c.comma_before(m->last) && !c.tokens[m->last].has(kCapitalised) &&
        !c.tokens[m->last].has(kAllCaps))
        it_ = company_ = m->name;
}

// Sentence by sentence: attribute the quotes that start in it (a pronoun
// means who the text was about before it), then note who it is about.
void QuoteFinder::attribute_all(Context& c) {
    std::vector<bool> opens(c.size() + 1, false);
    for (const auto& [first, last] : c.qtok) opens[first] = true;
    std::size_t q = 0;
    for (std::size_t s = 0; s < c.size();) {
        std::size_t e = s + 1;
        while (e < c.size() && !(c.sentence_start(e) && (!c.quoted[e] || opens[e]))) ++e;
        const std::string ante = ante_;
        c.it_org = it_;
        c.company = company_;
        std::string spoke;
        bool by_role = false;
        for (; q < c.quotes.size() && c.qtok[q].first < e; ++q) {
            c.said_at[q] = last_said_;
            attribute(c, q, ante);
            if (c.quotes[q].speaker.empty()) continue;
            spoke = c.quotes[q].speaker;
            by_role = c.quotes[q].pattern == QuotePattern::Role;
        }
        if (is_org(spoke))
            it_ = company_ = spoke;
        else
            note_orgs(c, s, e);
        // A role names a person even when the name is one word ("the
        // president" for Reagan): "he" next is them.
        if (!spoke.empty() && (is_person(spoke) || by_role || spoke == ante)) {
            ante_ = spoke;
            last_said_ = spoke;
        } else {
            Subject how = Subject::Named;
            std::string who = subject(c, s, e, how);
            if (!who.empty()) {
                // Only someone speaking, or the same person again, keeps the
                // speaker a paragraph-opening quote would continue.
                // A one-word subject ("Tokyo said", "MPs said") speaks for
                // its sentence, not for a quote that comes later.
                if (how == Subject::Speaks) last_said_ = is_someone(who) ? who : std::string();
                if (how == Subject::Named && who != last_said_) last_said_.clear();
                ante_ = std::move(who);
            } else if (how == Subject::Unknown || how == Subject::Other) {
                // Someone unnamed spoke: "he" may be them. Something else
                // spoke ("the company said"): "he" is still who it was.
                if (how == Subject::Unknown || names_other(c, s, e, ante_)) ante_.clear();
                last_said_.clear();
            } else if (c.unnamed_person_at(c.skip_openers(s, e), e)) {
                ante_.clear();  // "One analyst speculated …": "he" may be them
                last_said_.clear();
            } else {
                // Someone else now: "he" would be a guess.
                if (names_other(c, s, e, ante_)) ante_.clear();
                if (names_other(c, s, e, last_said_)) last_said_.clear();
            }
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
        } else {
            if (q > 0 && !c.quotes[q - 1].speaker.empty()) {
                // "…" but added, "…": a verb sharing the sentence's subject
                // is the same speaker's, not someone else speaking.
                const std::string& prev = c.quotes[q - 1].speaker;
                bool other = false;
                if (!cur.continues)
                    for (std::size_t k = c.after_end[q - 1]; k < c.qtok[q].first && !other; ++k) {
                        const NameMention* m = c.starting(k);
                        other = (m && c.full_name(*m) != prev && is_person(m->name)) ||
                                (!c.quoted[k] && is_speech_verb(c.term(k)) && !c.coordinated(k));
                    }
                if (!other) cur.speaker = prev;
            }
            // A quote that is a sentence of its own goes on from whoever the
            // text last had speak ("…, Martin said. "The major story …"").
            if (cur.speaker.empty() && c.sentence_start(c.qtok[q].first))
                cur.speaker = c.said_at[q];
        }
        if (!cur.speaker.empty()) cur.pattern = QuotePattern::Continued;
    }
    // A piece that runs on into the next, with no speaker of its own, is
    // that one's speaker's. (Not over a speaker carried on from before: a
    // missing closing mark makes pieces of text that is no quotation.)
    for (std::size_t q = c.quotes.size(); q-- > 1;) {
        Quote& prev = c.quotes[q - 1];
        const Quote& next = c.quotes[q];
        if (prev.speaker.empty() && prev.open && next.continues && !next.speaker.empty()) {
            prev.speaker = next.speaker;
            prev.pattern = QuotePattern::Continued;
        }
    }
}

void QuoteFinder::find(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<NameMention>& mentions, std::vector<Quote>& out) {
    Context c(text, tokens, mentions);
    c.starts.assign(tokens.size() + 1, -1);
    c.ends.assign(tokens.size() + 1, -1);
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        c.starts[mentions[m].first] = static_cast<int>(m);
        c.ends[mentions[m].last] = static_cast<int>(m);
    }
    c.quoted.assign(tokens.size(), false);
    c.people = &people_;
    c.roles = &roles_;
    collect(c);
    for (const NameMention& m : mentions) {
        if (c.quoted[m.first] || !is_person(m.name)) continue;
        std::string name = c.full_name(m);
        if (std::find(people_.begin(), people_.end(), name) == people_.end())
            people_.push_back(std::move(name));
    }
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
