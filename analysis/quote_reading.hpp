#pragma once
// One paragraph as the quote finder (quotes.cpp) reads it for attribution:
// its tokens, the name mentions starting and ending at each, which tokens
// are quoted, and the small readings built on them (a person ahead, the
// subject before a verb, a bare name, an appositive).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/quote_words.hpp"
#include "analysis/quotes.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/token.hpp"

namespace graf::analysis {

/// One paragraph being read: its tokens, which mention starts or ends at
/// each token, and which tokens are quoted.
struct QuoteReading {
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
    // the text names a speaker there, even if not one we know ("…," a
    // dealer with a U.K. bank commented).
    bool attributed_elsewhere(std::size_t q) const {
        const Quote& quote = quotes[q];
        const std::size_t last = qtok[q].second;
        if (quote.open || last >= size()) return false;
        // Inside the quote's own sentence the attribution may be long; a
        // new sentence after it ("…." One of the men, …, said he …) is
        // about someone else unless the verb comes at once (`.” Bannon said`).
        std::size_t window = 12;
        if (tokens[last].has(kSentenceStart)) {
            const char inside = quote.end > quote.begin ? text[quote.end - 1] : ' ';
            if (inside != '.' && inside != '!' && inside != '?') return false;
            window = 6;
        }
        for (std::size_t k = last; k < size() && k < last + window; ++k) {
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
        // "Mr Eavis' daughter Emily": a first name only; the text leaves the
        // full name to the reader, and a guess would be wrong.
        if (i > 0 && is_kin_word(term(i - 1))) return false;
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
                if (k >= from + 2 && he_name(k - 2)) return "he " + term(k - 1);
                break;
            }
        }
        if (j >= from + 2 && he_name(j - 2)) return "he " + term(j - 1);
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

    // "He Weiling": the Chinese surname He, not the pronoun, when a bare
    // capitalised name follows (the name finder leaves it). A later "He
    // said" reads as the pronoun, which means him then.
    bool he_name(std::size_t i) const {
        return i + 1 < size() && term(i) == "he" && tokens[i].has(kCapitalised) && !quoted[i] &&
               !quoted[i + 1] && !comma_before(i + 1) && !starting(i + 1) && bare_name(i + 1);
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

}  // namespace graf::analysis
