#include "analysis/quotes.hpp"

#include <fmt/format.h>

#include <charconv>
#include <unordered_set>

#include "analysis/quote_marks.hpp"
#include "analysis/stopwords.hpp"

namespace graf::analysis {
namespace {

using Words = std::unordered_set<std::string_view>;

bool is_speech_verb(std::string_view w) {
    static const Words k = {
        "said",     "says",      "say",       "saying",     "told",       "tells",
        "wrote",    "writes",    "added",     "adds",       "warned",     "warns",
        "stated",   "explained", "insisted",  "insists",    "argued",     "argues",
        "noted",    "notes",     "declared",  "continued",  "asked",      "replied",
        "responded", "claimed",  "claims",    "commented",  "admitted",   "admits",
        "stressed", "urged",     "tweeted",   "posted",     "recalled",   "conceded",
        "concluded", "acknowledged", "joked", "predicted",  "maintained", "remarked",
        "explains", "announced", "confirmed", "cautioned",  "complained", "observed",
        "pointed",  "emphasised", "emphasized", "revealed", "quipped",    "vowed"};
    return k.count(w) != 0;
}

// Words that may sit between a speaker and the verb: "Musk also wrote",
// "he later told", "was quoted as saying".
bool is_gap_word(std::string_view w) {
    static const Words k = {"also",    "later",    "then",  "has",     "had",     "have",
                            "previously", "earlier", "once", "recently", "further", "again",
                            "was",     "is",       "quoted", "as",     "reportedly", "just",
                            "simply",  "actually", "only",  "flatly",  "repeatedly", "publicly",
                            "privately", "yesterday", "today", "tonight", "would", "will",
                            "had", "even", "subsequently", "once", "out"};
    return k.count(w) != 0;
}

bool is_pronoun(std::string_view w) { return w == "he" || w == "she"; }

// The head words of roles a name is given in news text ("the press
// secretary", "the company's chief executive").
bool is_role_word(std::string_view w) {
    static const Words k = {
        "spokesman", "spokeswoman", "spokesperson", "secretary", "minister",  "chairman",
        "chairwoman", "chair",     "president",    "director",  "executive", "chief",
        "analyst",   "economist",  "governor",     "mayor",     "leader",    "senator",
        "ambassador", "commissioner", "manager",   "coach",     "boss",      "founder",
        "editor",    "treasurer",  "premier",      "chancellor", "captain",  "head",
        "owner",     "lawyer",     "attorney",     "judge",     "prosecutor", "actor",
        "actress",   "singer",     "presenter",    "producer",  "author",    "striker",
        "midfielder", "goalkeeper", "king",        "queen",     "prince",    "princess",
        "strategist", "adviser",   "advisor",      "official",  "general",   "governor"};
    return k.count(w) != 0;
}

bool is_title_word(std::string_view w) {
    static const Words k = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"};
    return k.count(w) != 0;
}

// Organisations and places do not say "he told Politico": a pronoun goes
// to a person, a name of two or more words none of which names a body or
// a place.
bool is_person(std::string_view name) {
    static const Words org = {
        "house",    "valley",  "street",   "bank",      "corp",      "corporation", "inc",
        "group",    "party",   "council",  "committee", "ministry",  "department",  "office",
        "board",    "reserve", "fund",     "union",     "court",     "university",  "college",
        "times",    "post",    "news",     "journal",   "association", "agency",    "institute",
        "company",  "airlines", "motors",  "foundation", "commission", "parliament", "congress",
        "senate",   "government", "administration", "church", "club", "league",   "federation",
        "exchange", "securities", "holdings", "industries", "international", "systems",
        "hospital", "police",  "army",     "navy",      "republic",  "kingdom",     "states",
        "nations",  "city",    "county",   "ltd",       "plc",       "cabinet",     "treasury",
        "york",     "kong",    "angeles",  "francisco", "arabia",    "germany",     "africa",
        "america",  "korea",   "europe",   "zealand",   "lanka",     "union",       "east",
        "west",     "north",   "south",    "island",    "islands",   "sea",         "ocean",
        "airport",  "centre",  "center",   "stadium",   "cup",       "trophy",      "championship",
        "award",    "awards",  "prize",    "festival",  "market",    "markets",     "index"};
    std::size_t words = 1;
    for (std::size_t i = 0, j; i <= name.size(); i = j + 1) {
        j = name.find(' ', i);
        if (j == std::string_view::npos) j = name.size();
        if (org.count(name.substr(i, j - i))) return false;
        if (j < name.size()) ++words;
    }
    return words >= 2;
}

// Capitalised words that start a clause without naming anyone ("The", "But").
bool names_nobody(const Token& t) {
    static const Words k = {"monday",   "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday",  "it",        "this",     "that",
                            "they",     "we",      "i",         "you",      "there"};
    return is_stopword(t.term) || k.count(t.term) != 0 || is_speech_verb(t.term);
}

}  // namespace

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
/// each token, which tokens are quoted, and the antecedent of a pronoun at
/// each token.
struct QuoteFinder::Context {
    std::string_view text;
    const std::vector<Token>& tokens;
    const std::vector<NameMention>& mentions;
    std::vector<Quote> quotes;
    std::vector<std::pair<std::size_t, std::size_t>> qtok;  ///< each quote's tokens [first, last)
    std::vector<int> starts, ends;  ///< token → mention starting there / ending just before
    std::vector<bool> quoted;
    std::vector<std::string> antecedent;  ///< token → the person "he" or "she" would be there

    std::size_t size() const { return tokens.size(); }
    const std::string& term(std::size_t i) const { return tokens[i].term; }
    // The text between token i-1 and token i (or the quote before it).
    std::string_view gap_before(std::size_t i, std::uint32_t from) const {
        const std::uint32_t b = i < tokens.size() ? tokens[i].begin : text.size();
        return from < b ? text.substr(from, b - from) : std::string_view{};
    }
    bool comma_before(std::size_t i) const {
        if (i == 0 || i >= tokens.size()) return false;
        return gap_before(i, tokens[i - 1].end).find(',') != std::string_view::npos;
    }
    // A speaker starting at token i: a mention (after a title), or a bare
    // capitalised word ("Exxon said", "Mr Smith said" before the name finder
    // knows Smith). Sets `name` and returns the token after it, or 0.
    std::size_t speaker_at(std::size_t i, std::size_t end, std::string& name) const {
        if (i < end && is_title_word(term(i)) && i + 1 < end) {
            if (starts[i + 1] >= 0 || tokens[i + 1].has(kCapitalised)) ++i;
        }
        if (i >= end || quoted[i]) return 0;
        if (starts[i] >= 0) {
            const NameMention& m = mentions[static_cast<std::size_t>(starts[i])];
            name = m.name;
            return m.last;
        }
        const Token& t = tokens[i];
        if ((t.has(kCapitalised) || t.has(kAllCaps)) && !t.has(kNumeric) && !names_nobody(t) &&
            !is_pronoun(t.term) && !is_role_word(t.term) && !t.has(kSentenceStart)) {
            name = t.term;
            return i + 1;
        }
        return 0;
    }
    // A speaker ending just before token i (the verb): the mention ending
    // there, or a bare capitalised word. Returns its first token + 1, or 0.
    std::size_t speaker_before(std::size_t i, std::size_t from, std::string& name) const {
        if (i <= from || i > tokens.size()) return 0;
        if (ends[i] >= 0) {
            const NameMention& m = mentions[static_cast<std::size_t>(ends[i])];
            if (m.first < from || quoted[m.first]) return 0;
            name = m.name;
            return m.first + 1;
        }
        const Token& t = tokens[i - 1];
        if ((t.has(kCapitalised) || t.has(kAllCaps)) && !t.has(kNumeric) && !names_nobody(t) &&
            !is_pronoun(t.term) && !is_role_word(t.term) && !quoted[i - 1] &&
            !t.has(kSentenceStart)) {
            name = t.term;
            return i;
        }
        return 0;
    }
};

void QuoteFinder::reset() {
    last_person_.clear();
    roles_.clear();
    carried_ = false;
    carried_speaker_.clear();
}

// Roles attached to names: "Trade Secretary Patricia Hewitt", "press
// secretary in the White House Caroline Leavitt", "David Frost, director
// general of the British Chambers of Commerce".
void QuoteFinder::note_roles(const Context& c) {
    for (const NameMention& m : c.mentions) {
        if (c.quoted[m.first] || !is_person(m.name)) continue;
        for (std::size_t k = m.first, steps = 0; k > 0 && steps < 6; --k, ++steps) {
            const std::size_t i = k - 1;
            if (c.quoted[i] || c.comma_before(i + 1) || c.tokens[i + 1].has(kSentenceStart)) break;
            if (c.ends[i + 1] >= 0 && i + 1 != m.first &&
                is_person(c.mentions[static_cast<std::size_t>(c.ends[i + 1])].name))
                break;
            if (is_role_word(c.term(i))) {
                roles_[c.term(i)] = m.name;
                break;
            }
        }
        if (!c.comma_before(m.last)) continue;
        for (std::size_t i = m.last; i < c.size() && i < m.last + 8; ++i) {
            if (c.quoted[i] || (i > m.last && (c.comma_before(i) || c.tokens[i].has(kSentenceStart))))
                break;
            if (is_role_word(c.term(i))) {
                roles_[c.term(i)] = m.name;
                break;
            }
        }
    }
}

// The antecedent of a pronoun at each token: the first person named
// (outside quotes) in the latest sentence that names one, this one included.
void QuoteFinder::note_subjects(Context& c) {
    auto& ante = c.antecedent;
    ante.assign(c.size() + 1, {});
    bool sentence_has_person = false;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!c.quoted[i] && c.tokens[i].has(kSentenceStart)) sentence_has_person = false;
        ante[i] = last_person_;
        if (c.quoted[i] || c.starts[i] < 0) continue;
        const std::string& name = c.mentions[static_cast<std::size_t>(c.starts[i])].name;
        if (!sentence_has_person && is_person(name)) {
            last_person_ = name;
            sentence_has_person = true;
        }
    }
    ante[c.size()] = last_person_;
}

namespace {

struct Found {
    std::string speaker;
    QuotePattern pattern = QuotePattern::None;
};

}  // namespace

void QuoteFinder::attribute(Context& c, std::size_t q) {
    Quote& quote = c.quotes[q];
    const auto [first, last] = c.qtok[q];
    auto person_of_role = [&](std::size_t role_token) -> std::string {
        auto it = roles_.find(c.term(role_token));
        return it == roles_.end() ? std::string() : it->second;
    };
    auto skip_gap = [&](std::size_t i, std::size_t end) {
        while (i < end && is_gap_word(c.term(i))) ++i;
        return i;
    };
    // "the (White House) press secretary said": from token i, a role word
    // followed by a verb within five words; the role's person or nothing.
    auto role_from = [&](std::size_t i, std::size_t end, bool needs_verb) -> std::string {
        if (i >= end || c.term(i) != "the") return {};
        for (std::size_t k = i + 1; k < end && k < i + 7; ++k) {
            if (c.quoted[k] || c.comma_before(k)) return {};
            if (!is_role_word(c.term(k))) continue;
            std::size_t v = k + 1;
            while (v < end && is_role_word(c.term(v))) ++v;  // "chief executive"
            const std::size_t role = v - 1;
            if (needs_verb && !(skip_gap(v, end) < end && is_speech_verb(c.term(skip_gap(v, end)))))
                return {};
            return person_of_role(role);
        }
        return {};
    };
    Found f;
    // After the quote, to the end of its sentence or the next quote.
    std::size_t end = c.size();
    for (std::size_t k = last + 1; k < c.size(); ++k)
        if (c.quoted[k] || c.tokens[k].has(kSentenceStart)) {
            end = k;
            break;
        }
    if (!quote.open && last < end) {
        const std::size_t a = last;
        std::string name;
        if (is_speech_verb(c.term(a)) && a + 1 < end) {
            const std::size_t b = a + 1;
            if (is_pronoun(c.term(b)))
                f = {c.antecedent[b], QuotePattern::Pronoun};
            else if (c.term(b) == "the")
                f = {role_from(b, end, false), QuotePattern::Role};
            else if (c.speaker_at(b, end, name))
                f = {name, QuotePattern::SaidX};
        } else if (is_pronoun(c.term(a))) {
            const std::size_t v = skip_gap(a + 1, end);
            if (v < end && is_speech_verb(c.term(v))) f = {c.antecedent[a], QuotePattern::Pronoun};
        } else if (c.term(a) == "the") {
            f = {role_from(a, end, true), QuotePattern::Role};
        } else if (std::size_t j = c.speaker_at(a, end, name)) {
            // "Bannon, the former strategist, said"
            if (c.comma_before(j))
                for (std::size_t k = j + 1; k < end && k < j + 15; ++k)
                    if (c.comma_before(k)) {
                        j = k;
                        break;
                    }
            const std::size_t v = skip_gap(j, end);
            if (v < end && is_speech_verb(c.term(v))) f = {name, QuotePattern::XSaid};
        }
    }
    // Before the quote, from the start of its sentence.
    std::size_t from = first;
    while (from > 0 && !c.quoted[from - 1] && !c.tokens[from].has(kSentenceStart)) --from;
    if (f.pattern == QuotePattern::None && from < first && !quote.continues) {
        std::string name;
        const std::string_view gap = c.gap_before(first, c.tokens[first - 1].end);
        if (gap.find(':') != std::string_view::npos && c.speaker_before(first, from, name)) {
            f = {name, QuotePattern::Colon};
        } else {
            // The last speech verb before the quote with no other name after it.
            bool named_between = false;
            for (std::size_t v = first; v-- > from;) {
                if (first - v > 10) break;
                // "X told Y: …" is X's; after another verb a second name is
                // the speaker's, not the subject's ("X said Y called it …").
                if (c.starts[v] >= 0 &&
                    is_person(c.mentions[static_cast<std::size_t>(c.starts[v])].name))
                    named_between = true;
                if (!is_speech_verb(c.term(v))) continue;
                if (named_between && c.term(v) != "told" && c.term(v) != "tells") break;
                std::size_t j = v;
                while (j > from && is_gap_word(c.term(j - 1))) --j;
                if (j > from && is_pronoun(c.term(j - 1))) {
                    f = {c.antecedent[j - 1], QuotePattern::Pronoun};
                } else if (c.speaker_before(j, from, name)) {
                    f = {name, QuotePattern::XSaid};
                } else if (c.comma_before(j)) {
                    // "Theresa May, the shadow secretary, said:"
                    for (std::size_t k = j - 1; k > from && j - k < 15; --k)
                        if (c.comma_before(k) && c.speaker_before(k, from, name)) {
                            f = {name, QuotePattern::XSaid};
                            break;
                        }
                } else {
                    for (std::size_t k = j; k-- > from && j - k < 7;)
                        if (c.term(k) == "the") {
                            f = {role_from(k, j + 1, true), QuotePattern::Role};
                            break;
                        }
                }
                break;
            }
        }
    }
    // "according to X" anywhere in the sentence around the quote.
    if (f.pattern == QuotePattern::None) {
        for (std::size_t k = from; k + 2 < end; ++k) {
            if (c.quoted[k] || c.term(k) != "according" || c.term(k + 1) != "to") continue;
            std::string name;
            if (c.speaker_at(k + 2, end, name))
                f = {name, QuotePattern::AccordingTo};
            else
                f = {role_from(k + 2, end, false), QuotePattern::AccordingTo};
            break;
        }
    }
    if (f.speaker.empty()) f.pattern = QuotePattern::None;
    quote.speaker = std::move(f.speaker);
    quote.pattern = f.pattern;
}

namespace {

// Title Case without closing punctuation is a title, not a quotation.
bool is_quotation(std::string_view text, const QuoteSpan& s, std::size_t words,
                  std::size_t content, std::size_t capitalised) {
    if (s.open || s.continues) return words >= 1;
    const char lastc = s.end > s.begin ? text[s.end - 1] : ' ';
    const bool punct = lastc == ',' || lastc == '.' || lastc == '!' || lastc == '?';
    if (!punct && content >= 1 && capitalised == content) return false;
    return words >= 4 || (words >= 2 && punct);
}

}  // namespace

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
    std::size_t t = 0;
    for (const QuoteSpan& s : find_quote_spans(text, carried_)) {
        while (t < tokens.size() && tokens[t].begin < s.begin) ++t;
        std::size_t e = t, words = 0, content = 0, caps = 0;
        for (; e < tokens.size() && tokens[e].end <= s.end; ++e) {
            if (tokens[e].has(kAlias)) continue;
            ++words;
            if (is_stopword(tokens[e].term)) continue;
            ++content;
            caps += tokens[e].has(kCapitalised) || tokens[e].has(kAllCaps);
        }
        if (!is_quotation(text, s, words, content, caps)) continue;
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
    note_subjects(c);
    note_roles(c);
    for (std::size_t q = 0; q < c.quotes.size(); ++q) attribute(c, q);
    // A quote cut into pieces has one speaker; an unattributed quote after
    // a quote of X, with no other person named between, is X's too.
    for (std::size_t q = 0; q < c.quotes.size(); ++q) {
        Quote& cur = c.quotes[q];
        if (!cur.speaker.empty()) continue;
        if (cur.continues && q == 0 && carried_ && !carried_speaker_.empty()) {
            cur.speaker = carried_speaker_;
        } else if (q > 0 && !c.quotes[q - 1].speaker.empty()) {
            bool other = false;
            for (std::size_t k = c.qtok[q - 1].second; k < c.qtok[q].first && !other; ++k)
                other = c.starts[k] >= 0 &&
                        c.mentions[static_cast<std::size_t>(c.starts[k])].name !=
                            c.quotes[q - 1].speaker &&
                        is_person(c.mentions[static_cast<std::size_t>(c.starts[k])].name);
            if (!other) cur.speaker = c.quotes[q - 1].speaker;
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
