#include "searcher/name_listing.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/fold.hpp"
#include "analysis/given_names.hpp"
#include "analysis/name_words.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/record_codec.hpp"
#include "schema/schema.hpp"
#include "searcher/open_index.hpp"
#include "searcher/phrase_check.hpp"

namespace graf::searcher {
namespace {

using analysis::NameKind;

std::vector<std::string> split(const std::string& name) {
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i <= name.size(); i = j + 1) {
        j = name.find(' ', i);
        if (j == std::string::npos) j = name.size();
        if (j > i) words.push_back(name.substr(i, j - i));
    }
    return words;
}

std::string name_term(const std::string& name) {
    return std::string(schema::kNamePrefix) + name;
}

// The term of a listed name: `XN` for a name of two or more words, `XW` (the
// paragraphs that write it with a capital, schema 11) for one word.
std::string listed_term(const std::string& name) {
    if (name.find(' ') != std::string::npos) return name_term(name);
    return std::string(schema::kCapitalisedPrefix) + name;
}

Xapian::doccount paragraphs_of(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// Most of these phrases have stopwords ("chairman of"): checked against the
// text where the index is local (phrase_check.hpp).
Xapian::Query phrase(const Xapian::Database& db, const std::vector<std::string>& words) {
    return phrase_query(words, false, !is_remote(db));
}

// Below this many paragraphs the share of surname-only mentions says little.
constexpr Xapian::doccount kEvidence = 8;

// Paragraphs that name `name` without its first two words side by side:
// those that use the surname alone ("Mr Blair", "Blair said").
Xapian::doccount surname_only(const Xapian::Database& db, const std::vector<std::string>& words,
                              const std::string& name) {
    Xapian::Enquire e(db);
    e.set_query(
        Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(name_term(name)),
                      Xapian::Query(std::string(schema::kPairPrefix) + words[0] + ' ' + words[1])));
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// "Merrill Lynch and Co Inc", "Morgan Stanley Group Inc": the paragraphs
// that name an organisation whose name starts with `name`.
Xapian::doccount as_organisation(const Xapian::Database& db, const std::string& name) {
    const std::string prefix = name_term(name) + ' ';
    Xapian::doccount n = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        if (analysis::name_kind((*it).substr(schema::kNamePrefix.size())) == NameKind::Organisation)
            n += it.get_termfreq();
    return n;
}

// Where the tokens from `t` spell `words` (folded), skipping a middle
// initial ("Paul A. Volcker") and reading glued initials ("J.K." for "jk"):
// one past the last token, or 0.
std::size_t match(const std::vector<const analysis::Token*>& ts, std::size_t t,
                  const std::vector<std::string>& words) {
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (t >= ts.size()) return 0;
        if (ts[t]->term == words[w]) {
            ++t;
            continue;
        }
        std::string glued;  // "J.K." for "jk"
        std::size_t g = t;
        while (g < ts.size() && ts[g]->term.size() == 1 && glued.size() < words[w].size())
            glued += ts[g++]->term;
        if (glued == words[w]) {
            t = g;
            continue;
        }
        if (w > 0 && ts[t]->term.size() == 1 && t + 1 < ts.size() &&
            ts[t + 1]->term == words[w]) {  // a middle initial
            t += 2;
            continue;
        }
        return 0;
    }
    return t;
}

// What the words beside a full name say of it: a role or title just
// before it ("its star Cate Blanchett", "Mr Tony Blair"), or "who" and a
// verb in the singular after it ("Morag Fraser, who chairs the board") make
// a person. Bands and teams take the plural ("Franz Ferdinand, who were
// shortlisted"), firms "which", and both speak ("Ask Jeeves said"), so
// neither "who" alone nor a verb of speech tells. ("She" in the next
// sentence was tried: "Million Dollar Baby. She …" is about its star.)
enum Cue : unsigned { kRole = 1, kSingular = 2 };

// "is", "was", "has", "chairs": a verb whose subject is one person.
bool singular_verb(std::string_view w) {
    if (w == "is" || w == "was" || w == "has" || w == "does") return true;
    static const std::unordered_set<std::string_view> not_verbs = {
        "always", "perhaps", "also", "his", "this", "thus", "hers", "sometimes", "nevertheless"};
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && not_verbs.count(w) == 0;
}

unsigned cues(const std::vector<const analysis::Token*>& ts, std::size_t first, std::size_t end) {
    unsigned c = 0;
    if (end + 1 < ts.size() && ts[end]->term == "who" && !ts[end + 1]->has(analysis::kRunBreak) &&
        singular_verb(ts[end + 1]->term))
        c |= kSingular;
    if (first > 0 && !ts[first]->has(analysis::kRunBreak)) {
        const std::string& before = ts[first - 1]->term;
        // Not a title a film or a team may have too ("nominee Million Dollar Baby").
        static const std::unordered_set<std::string_view> any_kind = {
            "nominee", "candidate", "champion", "former", "deputy", "vice", "chief", "executive"};
        if (analysis::is_title(before) && !analysis::is_rank_title(before) &&
            any_kind.count(before) == 0)
            c |= kRole;
        if (before == "mr" || before == "mrs" || before == "ms" || before == "miss") c |= kRole;
    }
    return c;
}

// One paragraph's writing of the name: its spelling, whether it starts a
// sentence, and whether a word beside it says it is a person's.
struct Sighting {
    std::string form;  ///< "" when the name is not written there whole
    bool sentence_start = false;
    unsigned cues = 0;  ///< Cue bits
    /// The end of a longer name: a capitalised word just before it, inside
    /// a sentence ("BankAmerica Corp", "<American Stock Exchange"), or one
    /// and "and"/"of" ("Federal Savings and Loan Insurance Corp").
    bool continued = false;
    bool after_in = false;  ///< "in Kansas City": a place
};

// Whether token `t` is a capitalised word that a name could go on from.
bool name_goes_on(const std::vector<const analysis::Token*>& ts, std::size_t t) {
    const analysis::Token& w = *ts[t];
    if (!w.has(analysis::kCapitalised) && !w.has(analysis::kAllCaps)) return false;
    // Not "The Stock Exchange", "Japan's Finance Ministry", "Secretary". An
    // acronym before a name is its owner's or country's ("BBC World
    // Service", "US Federal Reserve"), not the start of a longer name.
    return !w.has(analysis::kSentenceStart) && !w.has(analysis::kPossessive) &&
           !w.has(analysis::kAllCaps) && w.term.size() > 2 && !analysis::is_title(w.term) &&
           !analysis::is_never_name(w.term);
}

bool continues_name(const std::vector<const analysis::Token*>& ts, std::size_t first) {
    if (first == 0 || ts[first]->has(analysis::kSentenceStart)) return false;
    // "BankAmerica Corp": glued to the word before, wherever that stands.
    if (ts[first - 1]->end == ts[first]->begin || name_goes_on(ts, first - 1)) return true;
    const std::string& before = ts[first - 1]->term;
    return (before == "and" || before == "of") && first >= 2 &&
           !ts[first - 1]->has(analysis::kRunBreak) && name_goes_on(ts, first - 2);
}

// The first place in `text` where the name is written whole (not only its
// surname, and not in capitals throughout).
Sighting sighting(const std::string& text, const std::vector<std::string>& words) {
    const std::vector<analysis::Token> tokens = analysis::tokenize(text);
    std::vector<const analysis::Token*> ts;
    for (const analysis::Token& t : tokens)
        if (!t.has(analysis::kAlias)) ts.push_back(&t);
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (ts[i]->term != words[0] && ts[i]->term.size() != 1) continue;
        const std::size_t end = match(ts, i, words);
        if (end == 0) continue;
        bool mixed = false;
        for (std::size_t t = i; t < end; ++t) mixed = mixed || ts[t]->has(analysis::kCapitalised);
        // One word: an acronym ("BBC") is written so.
        if (words.size() == 1) mixed = mixed || ts[i]->has(analysis::kAllCaps);
        if (!mixed) continue;
        Sighting s;
        s.form = text.substr(ts[i]->begin, ts[end - 1]->end - ts[i]->begin);
        // "Blair's": the name is "Blair".
        for (std::string_view p : {"'s", "'S", "\xe2\x80\x99s"})
            if (ts[end - 1]->has(analysis::kPossessive) && s.form.size() > p.size() &&
                s.form.compare(s.form.size() - p.size(), p.size(), p) == 0)
                s.form.resize(s.form.size() - p.size());
        for (char& c : s.form)
            if (c == '\n' || c == '\t') c = ' ';
        s.sentence_start = ts[i]->has(analysis::kSentenceStart);
        s.cues = cues(ts, i, end);
        s.continued = continues_name(ts, i);
        s.after_in = i > 0 && ts[i - 1]->term == "in" && !ts[i]->has(analysis::kRunBreak);
        return s;
    }
    return {};
}

// The name's writings in the first `most` paragraphs that name it.
std::vector<Sighting> sightings(const Xapian::Database& db, const std::string& name,
                                std::size_t most) {
    const std::vector<std::string> words = split(name);
    std::vector<Sighting> out;
    const std::string term = listed_term(name);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && out.size() < most;
         ++it) {
        const Xapian::Document doc = db.get_document(*it);
        if (!doc.get_value(schema::kRecordSlot).empty())
            out.push_back(sighting(schema::read_record(doc).text, words));
    }
    return out;
}

// Paragraphs and articles that name any of `names`, counted exactly.
void count_exactly(const Xapian::Database& db, const std::vector<std::string>& names,
                   NameCount& nc) {
    std::vector<Xapian::Query> terms;
    for (const std::string& n : names) terms.emplace_back(listed_term(n));
    const Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    nc.paragraphs = e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    e.set_collapse_key(schema::kArticleSlot);
    // The estimate of a collapsed count is no count (an OR of two forms of
    // one name gave 15 articles for 10); every match is checked, so the
    // lower bound is exact.
    nc.articles = e.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
}

// A name and the forms of it that count as one.
struct Group {
    std::vector<std::string> names;
    Xapian::doccount paragraphs = 0;
    std::string shown;  ///< the most mentioned of `names`
    Group* merged_into = nullptr;
};

// "merrill lynch and co inc" → "merrill lynch".
std::string without_company_ending(std::string name) {
    static const std::unordered_set<std::string_view> endings = {
        "inc", "corp", "co", "ltd", "plc", "llc", "corporation", "incorporated", "limited"};
    bool cut = false;
    for (std::size_t space; (space = name.rfind(' ')) != std::string::npos;) {
        const std::string_view last = std::string_view(name).substr(space + 1);
        if (endings.count(last) == 0 && !(cut && last == "and")) break;
        name.resize(space);
        cut = true;
    }
    return name;
}

std::string singular(std::string w) {
    if (w.size() > 3 && w.back() == 's') w.pop_back();
    return w;
}

// "lib dems" for "liberal democrats": as many words, each the start of the
// other's (plurals aside), one at least shorter.
bool shortens(const std::vector<std::string>& brief, const std::vector<std::string>& full) {
    if (brief.size() != full.size()) return false;
    bool shorter = false;
    for (std::size_t i = 0; i < brief.size(); ++i) {
        const std::string a = singular(brief[i]), b = singular(full[i]);
        if (a.size() < 2 || b.compare(0, a.size(), a) != 0) return false;
        shorter = shorter || a.size() < b.size();
    }
    return shorter;
}

// The group an organisation's shortened name belongs to, if the index has
// its full name: among the names (sorted) that start as it does.
Group* full_form(const std::vector<std::string>& sorted,
                 std::unordered_map<std::string, Group*>& group_of, const std::string& name) {
    if (analysis::name_kind(name) != NameKind::Organisation) return nullptr;
    const std::vector<std::string> brief = split(name);
    if (brief.size() < 2) return nullptr;
    for (auto it = std::lower_bound(sorted.begin(), sorted.end(), brief[0]);
         it != sorted.end() && it->compare(0, brief[0].size(), brief[0]) == 0; ++it)
        if (it->size() > name.size() && shortens(brief, split(*it)) &&
            analysis::name_kind(*it) == NameKind::Organisation) {
            Group* g = group_of[*it];
            while (g->merged_into) g = g->merged_into;
            return g;
        }
    return nullptr;
}

// Whether one word is written in capitals in most of its first paragraphs.
bool in_capitals(const Xapian::Database& db, const std::string& word) {
    int caps = 0, seen = 0;
    for (const Sighting& s : sightings(db, word, 8)) {
        if (s.form.empty()) continue;
        ++seen;
        caps +=
            std::none_of(s.form.begin(), s.form.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
    return 2 * caps > seen;
}

// What makes one word a firm's or party's full name: a company's ending or
// "party"; not "government", "city" or "bank", which follow places too
// ("Mexico City", "Philippine government").
bool is_full_name_ending(std::string_view w) {
    static const std::unordered_set<std::string_view> endings = {
        "inc",         "corp",  "co",       "ltd",          "plc",     "llc",
        "corporation", "group", "holdings", "incorporated", "limited", "party"};
    return endings.count(w) != 0;
}

// "Labour Party", "Microsoft Corp", "Exxon Corp": the word and a firm's or
// party's ending only, as the corpus names an organisation in full.
std::vector<std::string> full_names(const Xapian::Database& db, const std::string& word) {
    const std::string prefix = name_term(word) + ' ';
    std::vector<std::string> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string name = (*it).substr(schema::kNamePrefix.size());
        const std::vector<std::string> words = split(name);
        if (words.size() <= 3 &&
            std::all_of(words.begin() + 1, words.end(),
                        [](const std::string& w) { return is_full_name_ending(w); }))
            out.push_back(name);
    }
    return out;
}

// Words news writes after an organisation's name ("Microsoft spokesman",
// "Yukos shares", "the Labour party", "Opec said in a statement") or before
// it ("spokeswoman for the BBC", "chief executive of Vodafone"), and not
// after a place's or a person's.
Xapian::Query organisation_cues(const Xapian::Database& db, const std::string& word) {
    static const std::vector<std::vector<std::string>> after = {{"spokesman"},
                                                                {"spokeswoman"},
                                                                {"spokesperson"},
                                                                {"chairman"},
                                                                {"boss"},
                                                                {"bosses"},
                                                                {"executives"},
                                                                {"staff"},
                                                                {"employees"},
                                                                {"party"},
                                                                {"said", "in", "a", "statement"}};
    // Not "shares": "Taiwan shares", "Avg shrs" in a results table.
    static const std::vector<std::vector<std::string>> before = {
        {"spokesman", "for"},    {"spokeswoman", "for"},
        {"spokesperson", "for"}, {"chief", "executive", "of"},
        {"boss", "of"},          {"chairman", "of"},
        {"stake", "in"},         {"executives", "at"},
        {"staff", "at"}};
    std::vector<Xapian::Query> qs;
    for (const auto& a : after) {
        std::vector<std::string> p = {word};
        p.insert(p.end(), a.begin(), a.end());
        qs.push_back(phrase(db, p));
    }
    // Not "spokesman for the Taiwan Sugar Corp": no "the" before the word.
    for (const auto& b : before) {
        std::vector<std::string> p = b;
        p.push_back(word);
        qs.push_back(phrase(db, p));
    }
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

// "securities and exchange commission" → "sec", "organization of petroleum
// exporting countries" → "opec": the first letters of a name's words but
// its small words, without a company's ending ("general motors corp" →
// "gm").
std::string initials(const std::string& name) {
    static const std::unordered_set<std::string_view> small = {"of", "and", "for", "the",
                                                               "on", "in",  "de",  "du"};
    std::string out;
    for (const std::string& w : split(without_company_ending(name)))
        if (small.count(w) == 0) out += w[0];
    return out;
}

// The organisations `word`, written in capitals, abbreviates, named in full
// beside it in a paragraph ("Organization of Petroleum Exporting Countries
// (OPEC)", "the European Union (EU)"; not "PC" for Paris Club): none when
// that is in fewer than two paragraphs, or when it abbreviates a place
// ("HK": Hong Kong, "US": United States).
std::vector<std::string> abbreviated(const Xapian::Database& db, const std::string& word) {
    if (word.size() < 2 || word.size() > 6) return {};
    const std::string prefix = name_term(word.substr(0, 1));
    std::vector<std::string> in_full;
    std::vector<Xapian::Query> terms;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string name = (*it).substr(schema::kNamePrefix.size());
        if (name.find(' ') == std::string::npos || initials(name) != word) continue;
        const NameKind kind = analysis::name_kind(name);
        if (kind == NameKind::Place) return {};
        if (kind != NameKind::Organisation) continue;
        const Xapian::Query beside(Xapian::Query::OP_AND, Xapian::Query(listed_term(word)),
                                   Xapian::Query(*it));
        if (paragraphs_of(db, beside) == 0) continue;
        in_full.push_back(name);
        terms.emplace_back(*it);
    }
    if (in_full.empty()) return {};
    const Xapian::Query beside(Xapian::Query::OP_AND, Xapian::Query(listed_term(word)),
                               Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    if (paragraphs_of(db, beside) < 2 || !in_capitals(db, word)) return {};
    return in_full;
}

// Below this share of its paragraphs a word is no one's name: the corpus
// writes it in lower case ("Radio", "Home" at a sentence's start), names a
// person by it ("Mr Kennedy", "Charles Kennedy"), puts it after "in" ("in
// London", "in the UK") or in longer names only ("Deutsche Bank").
constexpr Xapian::doccount kTenth = 10;

// A word that is an organisation's whole name ("Labour", "BBC", "Opec",
// "Microsoft"), on the corpus's evidence: written with a capital (or in
// capitals) in 90% of the paragraphs that have it and in 8 or more; no
// person's surname (a tenth of its paragraphs at most have it after a
// title or in a person's full name), no place (a tenth at most after
// "in"), written alone, not only as a longer name's first word, half the
// time; and either written as its organisation's full name ("Labour Party",
// "Exxon Corp") in 2 paragraphs or with an organisation's words beside it
// ("Microsoft spokesman") in 2 and 1% of them.
bool one_word_organisation(const Xapian::Database& db, const std::string& word) {
    if (!analysis::may_name_organisation(word)) return false;
    // "Party", "Bank", "House": the end of organisations' names, a noun
    // alone ("the Party"), unless written in capitals ("BBC").
    if (analysis::is_org_word(word) && !in_capitals(db, word)) return false;
    const Xapian::doccount capitalised = db.get_termfreq(listed_term(word));
    if (capitalised < kEvidence || capitalised * kTenth < 9 * db.get_termfreq(word)) return false;
    Xapian::doccount person = db.get_termfreq(std::string(schema::kTitledSurnamePrefix) + word);
    const std::string surname = std::string(schema::kSurnamePrefix) + word + ' ';
    // A person's full name, not "New Labour" (indexed as a person's too).
    for (auto it = db.allterms_begin(surname); it != db.allterms_end(surname); ++it)
        if (analysis::name_kind((*it).substr(surname.size())) == NameKind::Person)
            person += it.get_termfreq();
    if (person * kTenth > capitalised) return false;
    // Longer names that start with it ("Deutsche Bank") or end with it
    // ("Manchester United", "Lib Dem": every full name is linked to its last
    // word by an `XF` term).
    std::vector<Xapian::Query> longer;
    for (const std::string& p : {name_term(word) + ' ', surname})
        for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
            longer.emplace_back(*it);
    const Xapian::doccount alone =
        longer.empty()
            ? capitalised
            : paragraphs_of(
                  db,
                  Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(listed_term(word)),
                                Xapian::Query(Xapian::Query::OP_OR, longer.begin(), longer.end())));
    if (2 * alone < capitalised) return false;
    const Xapian::doccount place =
        paragraphs_of(db, Xapian::Query(Xapian::Query::OP_OR, phrase(db, {"in", word}),
                                        phrase(db, {"in", "the", word})));
    if (place * kTenth > capitalised) return false;
    Xapian::doccount full = 0;
    for (const std::string& n : full_names(db, word)) full += db.get_termfreq(name_term(n));
    if (full >= 2 && full * 20 >= capitalised) return true;
    // More than half as many as after "in": "Mexico spokesman", "chairman of
    // Mexico's" are not enough for "in Mexico".
    const Xapian::doccount cues = paragraphs_of(db, organisation_cues(db, word));
    if (cues >= 3 && 100 * cues >= capitalised && 2 * cues >= place) return true;
    return !abbreviated(db, word).empty();  // last: it scans names
}

}  // namespace

std::vector<NameCount> list_names(const Xapian::Database& db, std::size_t top,
                                  std::string_view prefix,
                                  const std::function<bool(const std::string&)>& keep) {
    const std::string term_prefix = name_term(analysis::fold(prefix));
    std::unordered_map<std::string, Xapian::doccount> freq;
    std::vector<std::string> sorted;  // Xapian lists terms in order
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
        sorted.push_back((*it).substr(schema::kNamePrefix.size()));
        freq.emplace(sorted.back(), it.get_termfreq());
    }
    // Each plural joins its singular ("lib dems" → "lib dem"), a firm's name
    // its name without the company's ending ("general motors corp",
    // "merrill lynch and co inc" → "general motors", "merrill lynch").
    std::unordered_map<std::string, Group> groups;
    std::unordered_map<std::string, Group*> group_of;
    for (const auto& [name, n] : freq) {
        std::string root = without_company_ending(name);
        if (!freq.count(root)) root = name;
        if (root.size() > 3 && root.back() == 's' && freq.count(root.substr(0, root.size() - 1)))
            root.pop_back();
        Group& g = groups[root];
        g.names.push_back(name);
        g.paragraphs += n;
        group_of[name] = &g;
    }
    std::vector<Group*> order;
    for (auto& [root, g] : groups) {
        g.shown = *std::max_element(g.names.begin(), g.names.end(),
                                    [&](const std::string& a, const std::string& b) {
                                        return freq[a] != freq[b] ? freq[a] < freq[b] : a > b;
                                    });
        order.push_back(&g);
    }
    auto by_mentions = [](const Group* a, const Group* b) {
        return a->paragraphs != b->paragraphs ? a->paragraphs > b->paragraphs : a->shown < b->shown;
    };
    std::sort(order.begin(), order.end(), by_mentions);
    // Shortened organisation names join their full name's group: looked for
    // among the most mentioned only (every name's scan would cost seconds).
    const std::size_t looked = std::min(order.size(), 4 * top + 20);
    // One-word organisations ("Labour", "BBC"), among the words written
    // capitalised as often as the names looked at, each with the full names
    // the corpus gives it ("Labour Party": one organisation, shown as the
    // shorter, counted as either).
    const Xapian::doccount least =
        looked < 4 * top + 20 ? kEvidence : std::max(kEvidence, order[looked - 1]->paragraphs);
    const std::string word_prefix =
        std::string(schema::kCapitalisedPrefix) + analysis::fold(prefix);
    for (auto it = db.allterms_begin(word_prefix); it != db.allterms_end(word_prefix); ++it) {
        if (it.get_termfreq() < least) continue;
        const std::string word = (*it).substr(schema::kCapitalisedPrefix.size());
        if (!one_word_organisation(db, word)) continue;
        Group& g = groups[word];
        g.names = {word};
        g.paragraphs = it.get_termfreq();
        g.shown = word;
        // An acronym's full name ("Securities and Exchange Commission" for
        // "SEC") is shown when more paragraphs name it; not when it stands
        // for two ("LSE": the London Stock Exchange, the London School of
        // Economics).
        freq[word] = it.get_termfreq();
        std::vector<std::string> forms = full_names(db, word);
        // A misspelt one ("Internatinal Monetary Fund") aside: the one
        // named in nine tenths of their paragraphs.
        std::map<const Group*, std::vector<std::string>> meant;
        Xapian::doccount all = 0, most = 0;
        const Group* first = nullptr;
        for (const std::string& n : abbreviated(db, word)) {
            auto known = group_of.find(n);
            if (known == group_of.end()) continue;
            const Group* full = known->second;
            while (full->merged_into) full = full->merged_into;
            if (meant[full].empty()) {
                all += full->paragraphs;
                if (full->paragraphs > most) most = full->paragraphs, first = full;
            }
            meant[full].push_back(n);
        }
        if (first && 10 * most >= 9 * all)
            forms.insert(forms.end(), meant[first].begin(), meant[first].end());
        for (const std::string& n : forms) {
            auto known = group_of.find(n);
            if (known == group_of.end()) continue;
            Group* full = known->second;
            while (full->merged_into) full = full->merged_into;
            if (full == &g) continue;
            g.names.insert(g.names.end(), full->names.begin(), full->names.end());
            if (full->paragraphs > g.paragraphs && !is_full_name_ending(split(n).back())) {
                g.shown = full->shown;
                g.paragraphs = full->paragraphs;
                freq[word] = freq[full->shown];
            }
            full->merged_into = &g;
            for (const std::string& m : full->names) group_of[m] = &g;
        }
        group_of[word] = &g;
        order.push_back(&g);
    }
    order.erase(std::remove_if(order.begin(), order.end(),
                               [](const Group* g) { return g->merged_into != nullptr; }),
                order.end());
    std::sort(order.begin(), order.end(), by_mentions);
    for (std::size_t i = 0; i < looked; ++i) {
        Group* g = order[i];
        Group* full = nullptr;
        for (const std::string& n : g->names)
            if (!full) full = full_form(sorted, group_of, n);
        if (!full || full == g) continue;
        full->names.insert(full->names.end(), g->names.begin(), g->names.end());
        full->paragraphs += g->paragraphs;
        if (freq[g->shown] > freq[full->shown]) full->shown = g->shown;
        g->merged_into = full;
        for (const std::string& n : g->names) group_of[n] = full;
    }
    order.erase(std::remove_if(order.begin(), order.end(),
                               [](const Group* g) { return g->merged_into != nullptr; }),
                order.end());
    std::sort(order.begin(), order.end(), by_mentions);
    std::vector<NameCount> names;
    for (const Group* g : order) {
        if (names.size() >= top) break;
        if (!keep(g->shown)) continue;
        NameCount nc{g->shown, 0, 0};
        count_exactly(db, g->names, nc);
        names.push_back(std::move(nc));
    }
    std::stable_sort(names.begin(), names.end(), [](const NameCount& a, const NameCount& b) {
        return a.paragraphs > b.paragraphs;
    });
    return names;
}

NameKind corpus_name_kind(const Xapian::Database& db, const std::string& name) {
    if (name.find(' ') == std::string::npos)
        return one_word_organisation(db, name) ? NameKind::Organisation : NameKind::Fragment;
    const NameKind kind = analysis::name_kind(name);
    if (kind != NameKind::Person && kind != NameKind::Organisation) return kind;
    const Xapian::doccount paragraphs = db.get_termfreq(name_term(name));
    const std::vector<std::string> words = split(name);
    if (words.size() < 2 || analysis::is_rank_title(words[0])) return kind;
    if (kind == NameKind::Organisation) {
        // Mostly the end of a longer name ("America Corp" of BankAmerica
        // Corp, "Loan Insurance Corp" of Federal Savings and Loan Insurance
        // Corp): a fragment; a town's name a quarter of the time after "in":
        // a place ("in Kansas City", though "city" ends clubs' names too).
        unsigned found = 0, continued = 0, in = 0;
        for (const Sighting& s : sightings(db, name, 8)) {
            if (s.form.empty()) continue;
            ++found;
            continued += s.continued;
            in += s.after_in;
        }
        if (found >= 2 && 2 * continued > found) return NameKind::Fragment;
        // "Central Bank": written in lower case more than twice as often as
        // with capitals (its first two words as a capitalised pair), a
        // common noun, not a name.
        if (words.size() == 2 && paragraphs_of(db, phrase(db, words)) >
                                     2 * db.get_termfreq(std::string(schema::kPairPrefix) + name))
            return NameKind::Fragment;
        // Only of a city's or county's name: "a stake in Cairn Energy".
        const bool town = words.back() == "city" || words.back() == "county";
        if (town && found >= 2 && 4 * in >= found) return NameKind::Place;
    }
    const Xapian::doccount own = surname_only(db, words, name);
    // A firm's name more than a tenth of the time, and at least half as
    // often as the surname alone ("Robert Kilroy-Silk Party" is 7% of his).
    const Xapian::doccount firm = as_organisation(db, name);
    if (firm >= 2 && 10 * firm >= paragraphs && 2 * firm >= own) return NameKind::Organisation;
    // "Microsoft Windows", "Labour Britain": a one-word organisation's name
    // and no organisation's word after it is its product, team or slogan.
    if (!analysis::is_given_name(words[0]) &&
        std::none_of(words.begin() + 1, words.end(),
                     [](const std::string& w) { return analysis::is_organisation_word(w); }) &&
        one_word_organisation(db, words[0]))
        return NameKind::Other;
    if (kind != NameKind::Person || paragraphs < kEvidence) return kind;
    if (100 * own >= 6 * paragraphs) return NameKind::Person;
    // Named in full each time ("spokesman Joe Coyne said" in every wire
    // story): the words beside it must say it is a person.
    unsigned seen = 0;
    for (const Sighting& s : sightings(db, name, 20)) seen |= s.cues;
    return seen != 0 ? NameKind::Person : NameKind::Other;
}

std::string written_name(const Xapian::Database& db, const std::string& name) {
    std::map<std::string, int> forms;
    for (const Sighting& s : sightings(db, name, 8))
        // "Van Persie blasted": a sentence's first word says less about case.
        if (!s.form.empty()) forms[s.form] += s.sentence_start ? 1 : 3;
    std::string best;
    int most = 0;
    for (const auto& [form, n] : forms)
        if (n > most) {
            most = n;
            best = form;
        }
    return best.empty() ? analysis::display_name(name) : best;
}

}  // namespace graf::searcher
