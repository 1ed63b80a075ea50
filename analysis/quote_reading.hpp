#pragma once
// One paragraph as the quote finder (quotes.cpp) reads it for attribution:
// its tokens, the name mentions starting and ending at each, which tokens
// are quoted, and the small readings built on them (a person ahead, the
// subject before a verb, a bare name, an appositive).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/name_words.hpp"
#include "analysis/names.hpp"
#include "analysis/quote_words.hpp"
#include "analysis/quotes.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/token.hpp"

namespace graf::analysis {

/// One paragraph being read: its tokens, which mention starts or ends at
/// each token, and which tokens are quoted.
struct QuoteReading {
    QuoteReading(std::string_view t, const std::vector<Token>& tk,
                 const std::vector<NameMention>& m)
        : text(t), tokens(tk), mentions(m) {}
    std::string_view text;
    const std::vector<Token>& tokens;
    const std::vector<NameMention>& mentions;
    std::vector<Quote> quotes;
    std::vector<std::pair<std::size_t, std::size_t>> qtok;  ///< each quote's tokens [first, last)
    std::vector<std::size_t> after_end;  ///< where each quote's attribution window ends
    std::vector<std::string> said_at;    ///< who last spoke when each quote's sentence began
    std::vector<int> starts, ends;       ///< token → mention starting there / ending just before
    std::vector<bool> quoted;
    /// The people (full names of two or more words) the article named so
    /// far, this paragraph's too: what a one-word speaker may stand for.
    const std::vector<std::string>* people = nullptr;
    /// What "it" and "the company" mean at the sentence being read: the
    /// organisation the text last had speak ("the SEC said", "Lycos said").
    std::string it_org, company;

    // An organisation at token k ("the SEC", "the Securities and Exchange
    // Commission", "the company") from `the`, followed by a verb when
    // `needs_verb`. "The company" is the one organisation the sentence
    // (from `from`) named before it, else the one the text last had speak.
    std::string org_at(std::size_t the, std::size_t limit, bool needs_verb, std::size_t from,
                       bool* by_noun = nullptr) const {
        if (the + 1 >= limit || term(the) != "the" || in_phrase(the) || quoted[the + 1]) return {};
        const std::size_t k = the + 1;
        std::string name;
        std::size_t v = k + 1;
        if (const NameMention* m = starting(k); m && !possessive(*m) && is_org(m->name)) {
            name = m->name;
            v = m->last;
        } else if (tokens[k].has(kAllCaps) && !starting(k) && term(k).size() >= 2 &&
                   !tokens[k].has(kPossessive) && !is_country_acronym(term(k)) &&
                   !is_person_noun(term(k))) {
            name = term(k);  // "the SEC"
        } else if (is_org_noun(term(k)) && !tokens[k].has(kPossessive)) {
            if (by_noun) *by_noun = true;
            // The one the text last had speak; else the one this sentence
            // named ("In a statement from Lycos Europe, the company
            // denied"). "The ministry" must be a ministry, "the company"
            // may be any.
            if (org_fits(term(k), company)) {
                name = company;
            } else {
                int orgs = 0;
                for (std::size_t i = from; i < the; ++i)
                    if (const NameMention* m = starting(i);
                        m && !quoted[i] && is_org(m->name) && org_fits(term(k), m->name)) {
                        name = m->name;
                        ++orgs;
                    }
                if (orgs != 1) return {};
            }
        } else {
            return {};
        }
        // "the Ealing North MP", "the East Kilbride athlete": a person's description.
        if (v < limit && !breaks_before(v) && a_person_word(v)) return {};
        if (needs_verb && !verb_at(skip_gap(v, limit), limit)) return {};
        return name;
    }

    // Whether "the <noun>" may stand for organisation `name`: "the company"
    // for any, "the ministry" for a ministry only.
    static bool org_fits(const std::string& noun, const std::string& name) {
        if (name.empty()) return false;
        static const std::string_view any[] = {
            "company",  "firm",    "group",       "corporation",  "carrier",      "airline",
            "operator", "maker",   "retailer",    "manufacturer", "insurer",      "lender",
            "utility",  "network", "broadcaster", "regulator",    "organisation", "organization"};
        for (std::string_view a : any)
            if (noun == a) return true;
        for (std::size_t i = 0; i <= name.size();) {
            const std::size_t j = std::min(name.find(' ', i), name.size());
            if (std::string_view(name).substr(i, j - i) == noun) return true;
            i = j + 1;
        }
        return false;
    }

    // "the" inside a phrase ("a spokeswoman for the RAD", "a source at the
    // club"): what follows is not the subject.
    bool in_phrase(std::size_t the) const {
        if (the == 0 || quoted[the - 1] || comma_before(the) || sentence_start(the)) return false;
        static const std::string_view preps[] = {"at", "of", "for", "from", "with",
                                                 "in", "by", "to",  "on",   "about"};
        for (std::string_view p : preps)
            if (term(the - 1) == p) return true;
        return false;
    }

    /// Role words the article attached to names (QuoteFinder::roles_).
    const std::unordered_map<std::string, std::vector<Role>>* roles = nullptr;

    // "the (White House) press secretary (said)" from token `the`: the
    // person the article gave that role, or empty. The description's own
    // qualifiers must not contradict the role's: "the trade minister" is
    // not the one given "deputy prime minister"; "the Utah senator" may be
    // "Sen. Jake Garn". Sets `after` to the token after the role words.
    std::string role_at(std::size_t the, std::size_t limit, bool needs_verb,
                        std::size_t* after = nullptr) const {
        if (the >= limit || term(the) != "the" || !roles) return {};
        std::vector<std::string_view> said;
        for (std::size_t k = the + 1; k < limit && k < the + 7; ++k) {
            if (breaks_before(k)) return {};
            if (!is_role_word(term(k))) {
                if (!is_stopword(term(k)) && !tokens[k].has(kAlias)) said.push_back(term(k));
                continue;
            }
            std::size_t v = k + 1;
            while (v < limit && is_role_word(term(v))) said.push_back(term(v++ - 1));
            if (needs_verb && !verb_at(skip_gap(v, limit), limit)) return {};
            auto it = roles->find(term(v - 1));
            if (it == roles->end()) return {};
            for (auto r = it->second.rbegin(); r != it->second.rend(); ++r) {
                auto has = [&](std::string_view w) {
                    return std::find(r->words.begin(), r->words.end(), w) != r->words.end();
                };
                bool said_more = false, had_more = false;
                for (std::string_view w : said) said_more |= !has(w);
                for (const std::string& w : r->words)
                    had_more |= std::find(said.begin(), said.end(), w) == said.end();
                if (said_more && had_more) continue;  // another one
                if (after) *after = v;
                return r->person;
            }
            return {};
        }
        return {};
    }

    // "the Wisconsin Democrat said", "The feminist writer and broadcaster
    // said", "said the ADB chief" from token `the`: a role the article gave
    // someone (role_at), else a description of the person the text is about
    // (`ante`, who "he" would be). Not "the spokesman", "the official": those
    // are people the text leaves unnamed; not "the minister" when the
    // article made `ante` something else. Empty: none.
    std::string described(std::size_t the, std::size_t limit, bool needs_verb,
                          const std::string& ante) const {
        if (in_phrase(the)) return {};  // "a source at the club said"
        std::string who = role_at(the, limit, needs_verb);
        if (!who.empty() || ante.empty() || the >= limit || term(the) != "the") return who;
        std::size_t head = 0;
        for (std::size_t k = the + 1; k < limit && k < the + 6; ++k) {
            // "the Wisconsin Democrat" may be a name to the finder, not a person's.
            if (breaks_before(k) || quoted[k] || (person_at(k) && !possessive(*person_at(k))))
                return {};
            if (is_person_noun(term(k)) || is_role_word(term(k)) ||
                (tokens[k].has(kCapitalised) && is_descriptor(term(k))))
                head = k;
            else if (head && term(k) != "and")
                break;
        }
        if (!head || is_unnamed_source(term(head))) return {};
        std::size_t v = head + 1;
        // "the regional manager for one of the major oil companies": a
        // description that goes on introduces someone, it does not recall them.
        if (v < limit && !breaks_before(v)) {
            static const std::string_view go_on[] = {"for",  "of",  "at", "with",
                                                     "from", "who", "in"};
            for (std::string_view w : go_on)
                if (term(v) == w) return {};
        }
        if (needs_verb && !verb_at(skip_gap(v, limit), limit)) return {};
        // Which people the article gave roles: a role word must be ante's own.
        bool ante_is_person = is_person(ante), ante_has_role = false, same_role = false;
        if (roles)
            for (const auto& [role, people] : *roles)
                for (const Role& r : people)
                    if (r.person == ante) {
                        ante_is_person = true;
                        ante_has_role = true;
                        same_role |= role == term(head);
                    }
        if (!ante_is_person) return {};
        if (is_role_word(term(head)) && !is_generic_role(term(head)) &&
            !is_person_noun(term(head)) && ante_has_role && !same_role)
            return {};
        return ante;
    }

    // The one person named so far with `word` as one of their names
    // ("santos" → "fernando santos alvite", "lee" → "lee ta hai"), or
    // empty when none or several are.
    std::string known(std::string_view word) const {
        if (!people || word.size() < 2) return {};
        const std::string* found = nullptr;
        for (const std::string& p : *people) {
            bool has = false;
            for (std::size_t i = 0; i <= p.size() && !has;) {
                std::size_t j = std::min(p.find(' ', i), p.size());
                has = std::string_view(p).substr(i, j - i) == word;
                i = j + 1;
            }
            if (!has || (found && *found == p)) continue;
            if (found) return {};
            found = &p;
        }
        return found ? *found : std::string();
    }
    // A one-word name as the person it stands for, if the article says.
    // Also a surname of several words: "bra kanon" for Denis Bra Kanon.
    std::string resolved(std::string name) const {
        if (name.find(' ') == std::string::npos) {
            std::string k = known(name);
            return k.empty() ? name : k;
        }
        if (!people) return name;
        const std::string* found = nullptr;
        for (const std::string& p : *people) {
            if (p.size() <= name.size() + 1 ||
                p.compare(p.size() - name.size(), name.size(), name) ||
                p[p.size() - name.size() - 1] != ' ' || (found && *found == p))
                continue;
            if (found) return name;
            found = &p;
        }
        return found ? *found : name;
    }

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
    // A sentence starts at token i: the tokenizer says so after any
    // period, but not "Sen. Patrick Leahy" (an abbreviation) nor "R-MI.,
    // said" (a lower-case word goes on the sentence).
    bool sentence_start(std::size_t i) const {
        if (i == 0) return true;
        if (i >= size() || !tokens[i].has(kSentenceStart) || after_abbreviation(i)) return false;
        const Token& t = tokens[i];
        return t.has(kCapitalised) || t.has(kAllCaps) || t.has(kNumeric) || quoted[i];
    }
    bool breaks_before(std::size_t i) const {
        return i >= size() || quoted[i] || comma_before(i) || sentence_start(i);
    }
    std::size_t skip_gap(std::size_t i, std::size_t end) const {
        while (i < end && is_gap_word(term(i))) ++i;
        return i;
    }
    // "he had been told", "was asked": the subject heard, not spoke.
    bool passive(std::size_t v) const {
        if (v == 0 || (term(v) != "told" && term(v) != "asked" && term(v) != "denied"))
            return false;
        const std::string& w = term(v - 1);
        return w == "been" || w == "being" || w == "was" || w == "were" || w == "is" ||
               w == "are" || w == "be";
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
            // "Miami Beach broker George Fox", "Merrill Lynch debt analyst Jim
            // Duggan": on through words leading to a word for a person.
            if (found && !t.has(kCapitalised) && !t.has(kAllCaps) && !a_person_word(k) &&
                !person_word_ahead(k, end))
                break;
            ++k;
        }
        return found;
    }

    // A word for a person within the next three ("debt analyst", "and
    // McGinley Futures debt analyst"), before any break or verb.
    // Not past "of", "at": "Daan Kaakebeen of Dutch Salvage experts Smit
    // Tak" is Kaakebeen.
    bool person_word_ahead(std::size_t k, std::size_t end) const {
        static const std::string_view preps[] = {"of", "at", "from", "with", "for", "in"};
        for (std::size_t i = k; i < end && i < k + 4; ++i) {
            if ((i > k && breaks_before(i)) || quoted[i] || is_speech_verb(term(i))) return false;
            for (std::string_view p : preps)
                if (term(i) == p) return false;
            if (a_person_word(i)) return true;
        }
        return false;
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
        const bool new_sentence = sentence_start(last);
        if (new_sentence) {
            const char inside = quote.end > quote.begin ? text[quote.end - 1] : ' ';
            if (inside != '.' && inside != '!' && inside != '?') return false;
            window = 6;
        }
        bool verb = false;
        std::size_t k = last;
        for (; k < size() && k < last + window; ++k) {
            if (quoted[k] || (k > last && sentence_start(k))) break;
            verb |= is_speech_verb(term(k));
        }
        // A new sentence whose verb leads into the next quote (`." He
        // added: "…`) attributes that quote, not this one.
        while (verb && new_sentence && k < size() && !quoted[k] && !sentence_start(k)) ++k;
        if (verb && new_sentence && k < size() && quoted[k] && !sentence_start(k)) return false;
        return verb;
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
        return resolved(std::move(name));
    }

    // A bare capitalised word naming the speaker ("Exxon said", "said
    // Connors", "Mr Smith said" before the name finder knows Smith).
    // The token holding the whole word token i is part of: the tokenizer's
    // alias for a word it split ("MacAskill", "OutRage"), else i.
    std::size_t whole(std::size_t i) const {
        if (i + 1 < size() && tokens[i + 1].has(kAlias) && tokens[i + 1].begin == tokens[i].begin)
            return i + 1;
        for (std::size_t k = i; k-- > 0 && i - k <= 4;)
            if (tokens[k].has(kAlias) && tokens[k].begin <= tokens[i].begin &&
                tokens[k].end >= tokens[i].end)
                return k;
        return i;
    }
    // The word token i is part of, folded: "macaskill" for "Askill".
    const std::string& word(std::size_t i) const { return term(whole(i)); }
    // The first token after the word token i is part of.
    std::size_t after_word(std::size_t i) const {
        const std::uint32_t end = tokens[whole(i)].end;
        std::size_t k = i + 1;
        while (k < size() && tokens[k].begin < end) ++k;
        return k;
    }

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
        // The whole word: "MacAskill", not "Askill"; a part the tokenizer
        // kept no whole of is no name.
        const std::size_t w = whole(i);
        const Token& t = tokens[w];
        if (w == i && t.begin > 0 && std::isalnum(static_cast<unsigned char>(text[t.begin - 1])))
            return false;
        // A capital starting a sentence says nothing, unless the word is a
        // name of someone the article named ("Santos said").
        return (t.has(kCapitalised) || t.has(kAllCaps)) && !t.has(kNumeric) &&
               (!t.has(kSentenceStart) || !known(t.term).empty()) && !t.has(kPossessive) &&
               !names_nobody(t) && !is_pronoun(t.term) && !is_role_word(t.term) &&
               !is_title_word(t.term);
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
        name = resolved(word(i));
        return after_word(i);
    }

    // The words before the verb at v end in a person the text does not
    // name: "a spokesman", "her lawyer", "one trader", "daughter Emily".
    // Also a clause opening with one: "A spokesman for the British Casino
    // Association, which …, said", "One leading Karachi broker said".
    bool unnamed_person_before(std::size_t v, std::size_t from) const {
        if (unnamed_person_at(skip_openers(from, v), v)) return true;
        std::size_t j = v;
        while (j > from && is_gap_word(term(j - 1))) --j;
        if (j <= from || quoted[j - 1] || comma_before(j)) return false;
        const Token& t = tokens[j - 1];
        return a_person_word(j - 1) ||
               (t.has(kCapitalised) && !ending(j) && !names_nobody(t) && !is_stopword(t.term));
    }

    // An appositive with a role right before the verb at v: "N.J.
    // Nicholas, president and chief operating officer, said" is a person.
    bool role_before(std::size_t v, std::size_t from) const {
        std::size_t j = v;
        while (j > from && is_gap_word(term(j - 1))) --j;
        if (!comma_before(j)) return false;
        for (std::size_t k = j; k-- > from && j - k < 12;) {
            if (quoted[k]) return false;
            if (a_person_word(k) && !is_unnamed_source(term(k))) return true;
            if (comma_before(k)) return false;
        }
        return false;
    }

    // "it" is the subject of the verb at v: "It said", "it also added".
    bool it_before(std::size_t v, std::size_t from) const {
        std::size_t j = v;
        while (j > from && is_gap_word(term(j - 1))) --j;
        return j > from && term(j - 1) == "it" && !quoted[j - 1];
    }

    // The words before the verb at v end in a document: "the summary said".
    bool document_before(std::size_t v, std::size_t from) const {
        std::size_t j = v;
        while (j > from && is_gap_word(term(j - 1))) --j;
        return j > from && !quoted[j - 1] && !comma_before(j) && is_document_noun(term(j - 1));
    }

    // A word for a person as such: "spokesman", "writer", "man", "police".
    bool a_person_word(std::size_t i) const {
        const std::string& w = term(i);
        static const std::string_view people[] = {"man",       "woman",   "men",    "women",
                                                  "people",    "someone", "police", "residents",
                                                  "witnesses", "fans",    "friend"};
        for (std::string_view p : people)
            if (w == p) return true;
        return is_unnamed_source(w) || is_role_word(w) || is_person_noun(w);
    }

    // A person the text leaves unnamed at token k: "a spokesman", "one
    // leading Karachi broker", "the regional manager for one of the oil
    // companies", "her lawyer" (no name follows within the phrase).
    bool unnamed_person_at(std::size_t k, std::size_t end) const {
        static const std::string_view some[] = {"a",   "an",  "one",   "another", "some",
                                                "his", "her", "their", "its",     "the"};
        bool det = false;
        for (std::string_view d : some) det |= k < end && !quoted[k] && term(k) == d;
        if (!det) return false;
        // "The sprinter", "the Portugal star" recall who the text is about;
        // "the spokesman", "the official" are still the unnamed ones.
        const bool the = term(k) == "the";
        for (std::size_t i = k + 1; i < end && i <= k + 4 && !breaks_before(i); ++i) {
            if (starting(i)) return false;  // "the chairman Peter Smith"
            if (the ? !is_unnamed_source(term(i)) : !a_person_word(i)) continue;
            const std::size_t n = i + 1;  // and no name right after it
            return n >= end || breaks_before(n) || !(starting(n) || bare_name(n));
        }
        return false;
    }

    // Past "But", "And" and an opening phrase ending in a comma ("At
    // another point, …") from sentence start s.
    std::size_t skip_openers(std::size_t s, std::size_t e) const {
        std::size_t k = s;
        while (k < e && (term(k) == "but" || term(k) == "and" || term(k) == "so" || quoted[k])) ++k;
        return k;
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
        // "The political department head at the Defence Ministry, Abdul
        // Jabbar Muhsen, said": a name set off by commas right before it.
        if (const NameMention* m = ending(j); m && comma_before(j) && m->first > from &&
                                              comma_before(m->first) && person_at(m->first))
            return full_name(*m);
        if (comma_before(j)) {
            // "Richard Doherty, from Panasonic's Hollywood Laboratories, one
            // of the pioneers, told": the person, not the body, before a comma.
            const NameMention* body = nullptr;
            for (std::size_t k = j - 1; k > from && j - k < 24; --k) {
                // "Ghorbanifar, the Times said, adding": a clause, no appositive.
                if (quoted[k] || sentence_start(k) || is_speech_verb(term(k))) break;
                if (!comma_before(k)) continue;
                if (const NameMention* m = ending(k); m && m->first >= from && !possessive(*m)) {
                    if (is_person(m->name)) return full_name(*m);
                    if (!body) body = m;
                    continue;
                }
                if (k >= from + 2 && he_name(k - 2)) return "he " + term(k - 1);
                break;
            }
            if (body) return full_name(*body);
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
        // "Brett Lock of gay group OutRage! said": the person, not the group.
        if (const NameMention* p = person_before_place_at(j, from)) return full_name(*p);
        if (!comma_before(j) && bare_name(j - 1)) return resolved(word(j - 1));
        // "Gerrard, who fired Liverpool into … with a goal, insisted": the
        // sentence opens with its subject, a long clause between.
        if (comma_before(j)) {
            std::size_t after = 0;
            std::string name = opening_subject(from, v, pronoun, after);
            if (after == j) return name;
            pronoun = false;
        }
        return {};
    }

    // "He Weiling": the Chinese surname He, not the pronoun, when a bare
    // capitalised name follows (the name finder leaves it). A later "He
    // said" reads as the pronoun, which means him then.
    bool he_name(std::size_t i) const {
        return i + 1 < size() && term(i) == "he" && tokens[i].has(kCapitalised) && !quoted[i] &&
               !quoted[i + 1] && !comma_before(i + 1) && !starting(i + 1) && bare_name(i + 1);
    }

    // "Sen. Patrick Leahy", "Atty. Gen. Edwin Meese", "William S. Bushnell",
    // "U.S. Ambassador": a title's abbreviation, an initial or a dotted
    // acronym before token i, whose period the tokenizer took for a
    // sentence end. Not "said Mr Ross. Ian Fogg, …": a short surname.
    bool after_abbreviation(std::size_t i) const {
        if (i == 0 || i >= size() || quoted[i] || quoted[i - 1]) return false;
        const Token& p = tokens[i - 1];
        if (!(p.has(kCapitalised) || p.has(kAllCaps)) || p.end >= text.size() || text[p.end] != '.')
            return false;
        const std::string_view written = text.substr(p.begin, p.end - p.begin);
        return is_title_abbreviation(p.term) || written.size() == 1 ||
               written.find('.') != std::string_view::npos;
    }

    // "Louis Marckesano at Janney Montgomery Scott said": the person
    // before "at", "of", "with" or "from" and the employer after it.
    const NameMention* person_before_place(const NameMention& m, std::size_t from) const {
        return person_before_place_at(m.first, from);
    }
    // The person before "at", "of", "with" or "from" within a few words
    // before token j: "Brett Lock of gay group OutRage! said".
    const NameMention* person_before_place_at(std::size_t j, std::size_t from) const {
        for (std::size_t k = j, words = 0; k > from + 1 && words < 6; --k) {
            if (comma_before(k) || quoted[k - 1] || is_speech_verb(term(k - 1))) return nullptr;
            words += !tokens[k - 1].has(kAlias);
            const std::string& w = term(k - 1);
            if (w != "at" && w != "of" && w != "with" && w != "from") continue;
            const NameMention* p = ending(k - 1);
            return p && p->first >= from && is_person(p->name) && !possessive(*p) ? p : nullptr;
        }
        return nullptr;
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

    // A speech verb with no subject of its own, sharing the sentence's:
    // "… but said", "… and added", "…, saying", "by saying".
    bool coordinated(std::size_t v) const {
        if (v == 0 || !is_speech_verb(term(v))) return false;
        std::size_t b = v;
        while (b > 0 && is_gap_word(term(b - 1))) --b;
        if (b == 0 || quoted[b - 1]) return false;
        const std::string& w = term(b - 1);
        if ((w == "but" || w == "and") && !comma_before(b)) return true;
        if (!is_participle(term(v))) return false;
        return comma_before(b) || w == "by" || w == "before" || w == "after" || w == "while";
    }

    // The subject a sentence opens with (after "But", "However," or a
    // short opening phrase ending in a comma: "At another point, he …"):
    // a person, a bare name, or he/she (sets `pronoun`). Sets `after` to
    // the token after it and its appositive. Empty: none.
    std::string opening_subject(std::size_t from, std::size_t to, bool& pronoun,
                                std::size_t& after) const {
        pronoun = false;
        std::size_t k = from;
        while (k < to && (term(k) == "but" || term(k) == "and" || term(k) == "so")) ++k;
        // "However, Edu …", "At another point, he …": a comma within the
        // first few words ends an opening phrase.
        for (std::size_t i = k + 1; i < to && i <= k + 4; ++i)
            if (comma_before(i)) {
                if (!person_at(k) && !is_pronoun(term(k))) k = i;
                break;
            }
        std::string name;
        if (k >= to || quoted[k]) return {};
        if (is_pronoun(term(k))) {
            pronoun = true;
            after = k + 1;
        } else if (const NameMention* m = person_at(k)) {
            name = full_name(*m);
            after = m->last;
        } else if (bare_name(k)) {
            name = resolved(word(k));
            after = after_word(k);
        } else if (name = role_at(k, to, false, &after); name.empty()) {
            return {};  // not "the press secretary" either
        }
        if (comma_before(after))  // an appositive or a clause: to its closing comma
            for (std::size_t i = after + 1; i <= to && i < after + 30; ++i)
                if (comma_before(i)) {
                    after = i;
                    break;
                }
        return name;
    }

    // The speaker of a coordinated speech verb at v: the sentence's opening
    // subject, if no one else is named before v ("He did not give details
    // but said", "Clark defended the rules, saying"). Sets `pronoun`.
    std::string coordinated_speaker(std::size_t from, std::size_t v, bool& pronoun) const {
        pronoun = false;
        if (!coordinated(v)) return {};
        std::size_t after = 0;
        std::string name = opening_subject(from, v, pronoun, after);
        if (name.empty() && !pronoun) return {};
        for (std::size_t i = after; i < v; ++i) {
            const NameMention* m = person_at(i);
            if (quoted[i] || (m && full_name(*m) != name)) {
                pronoun = false;
                return {};
            }
        }
        return name;
    }

    // The person a sentence from `from` opens with, when a speech verb
    // follows it ("Ryzhkov said …", "Takako Doi, Chairwoman of the Japan
    // Socialist Party, said …"), or a pronoun doing so: for a quote later in
    // that sentence with nobody else named before it. Sets `pronoun`.
    std::string opening_speaker(std::size_t from, std::size_t to, bool& pronoun) const {
        pronoun = false;
        std::size_t after = 0;
        std::string name = opening_subject(from, to, pronoun, after);
        if (name.empty() && !pronoun) return {};
        bool adjacent = true;  // only "also", "did not"… since the subject
        for (std::size_t i = after; i < to; ++i) {
            adjacent = adjacent && i < after + 4;
            // Right after the subject ("Ryzhkov (did not) say"), or later
            // sharing its subject ("…, adding", "… but said").
            if (verb_at(i, to)) {
                if (!adjacent && !coordinated(i)) break;  // someone else's verb
                for (std::size_t j = i + 1; j < to; ++j)
                    if (person_at(j) || quoted[j] || verb_at(j, to)) {
                        pronoun = false;
                        return {};
                    }
                return name;
            }
            if (!is_gap_word(term(i)) && term(i) != "did" && term(i) != "not") adjacent = false;
            const NameMention* m = person_at(i);
            if (quoted[i] || (m && full_name(*m) != name)) break;
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
