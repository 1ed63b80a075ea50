#include "analysis/names.hpp"

#include <algorithm>
#include <unordered_set>

#include "analysis/given_names.hpp"
#include "analysis/name_words.hpp"
#include "analysis/tokenizer.hpp"

namespace graf::analysis {

bool is_particle(std::string_view w) {
    static const std::unordered_set<std::string_view> k = {
        "de",  "van",   "von", "der", "den", "da",  "di", "du",
        "del", "della", "la",  "le",  "bin", "ibn", "al", "y"};
    return k.count(w) != 0;
}

namespace {

// Given names that are common words too ("prices rose", "per share"): no
// evidence that a paragraph writes names in lower case.
bool is_common_word(std::string_view w) {
    static const std::unordered_set<std::string_view> k = {
        "will",   "mark",   "bill",   "grant",   "frank", "rose",  "dawn",  "joy",    "guy",
        "jack",   "dean",   "glen",   "ray",     "max",   "miles", "lance", "rob",    "sue",
        "chuck",  "don",    "dick",   "ted",     "ken",   "lee",   "per",   "sid",    "des",
        "jan",    "kay",    "jo",     "ed",      "hal",   "reg",   "stan",  "rick",   "nick",
        "mick",   "penny",  "hazel",  "heather", "ruth",  "carol", "gail",  "lynn",   "jean",
        "roman",  "venus",  "bob",    "pat",     "harry", "jimmy", "billy", "dale",   "warren",
        "norman", "nelson", "victor", "mats",    "ole",   "sam",   "jerry", "bobby",  "sonia",
        "ali",    "kim",    "ben",    "dan",     "len",   "tim",   "toby",  "stig",   "rosa",
        "marie",  "angela", "ann",    "amy",     "may",   "june",  "april", "august", "jake"};
    return k.count(w) != 0;
}

// A word that text with capitals would capitalise: a given name that is no
// common word ("miguel"), a day or month ("monday", "april 24"), "mr".
bool capitalised_in_text(const std::vector<Token>& tokens, std::size_t i) {
    static const std::unordered_set<std::string_view> months = {
        "january", "february",  "march",   "april",    "june",    "july",
        "august",  "september", "october", "november", "december"};
    const std::string& w = tokens[i].term;
    if (w == "mr" || w == "mrs" || is_calendar_word(w)) return true;
    if (w.size() > 2 && is_given_name(w) && !is_common_word(w)) return true;
    const std::size_t next = i + 1;
    return months.count(w) != 0 && next < tokens.size() && tokens[next].has(kNumeric) &&
           !tokens[next].has(kRunBreak);
}

}  // namespace

bool written_without_capitals(const std::vector<Token>& tokens) {
    std::size_t words = 0;
    // A sentence starting in lower case; a capital at a sentence's start.
    bool lower_start = false, capitals = false, evidence = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.has(kAlias) || t.has(kNumeric)) continue;
        ++words;
        if (t.has(kCapitalised) || t.has(kAllCaps)) {
            if (!t.has(kSentenceStart)) return false;
            capitals = true;
        } else if (t.has(kSentenceStart)) {
            lower_start = true;
        } else if (!evidence) {
            evidence = capitalised_in_text(tokens, i);
        }
    }
    return words >= 8 && (evidence || (lower_start && !capitals));
}

namespace {

std::size_t next_word(const std::vector<Token>& tokens, std::size_t i) {
    ++i;
    while (i < tokens.size() && tokens[i].has(kAlias)) ++i;
    return i;
}

// An initial: one letter ("T. Boone Pickens", "Paul A Volcker"), or two
// capitals that are not a common acronym ("JK Rowling").
bool is_initial(const Token& t) {
    if (t.term.size() == 1) return t.has(kCapitalised) && t.term[0] >= 'a' && t.term[0] <= 'z';
    return t.has(kAllCaps) && t.term.size() == 2 && !is_common_acronym(t.term);
}

// "April", "May", "Jan" before a number, in figures or words, and the
// number after them are dates ("Pay April 15 Record March 31", "Pay Jan
// Six", "Pay May One").
bool is_date(const std::vector<Token>& tokens, std::size_t i) {
    static const std::unordered_set<std::string_view> months = {
        "march", "april", "may", "june", "july", "august", "jan", "feb", "mar",
        "apr",   "jun",   "jul", "aug",  "sep",  "sept",   "oct", "nov", "dec"};
    static const std::unordered_set<std::string_view> numbers = {
        "one",     "two",     "three",     "four",     "five",     "six",      "seven",
        "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",   "thirty"};
    auto date = [&](std::size_t month, std::size_t day) {
        return months.count(tokens[month].term) != 0 &&
               (tokens[day].has(kNumeric) || numbers.count(tokens[day].term) != 0);
    };
    std::size_t k = next_word(tokens, i);
    if (k < tokens.size() && date(i, k)) return true;
    // The day of one: "Six" in "Pay Jan Six".
    std::size_t j = i;
    while (j > 0 && tokens[j - 1].has(kAlias)) --j;
    return j > 0 && !tokens[i].has(kNumeric) && date(j - 1, i);
}

bool is_name_word(const std::vector<Token>& tokens, std::size_t i) {
    const Token& t = tokens[i];
    if (t.has(kAlias) || t.has(kNumeric)) return false;
    if (t.has(kCapitalised)) return !is_calendar_word(t.term) && !is_date(tokens, i);
    if (!t.has(kAllCaps) || !is_initial(t)) return false;
    std::size_t k = next_word(tokens, i);  // "JK" only before a capitalised word
    return k < tokens.size() && !tokens[k].has(kRunBreak) && tokens[k].has(kCapitalised);
}

// The capitalised words from k on (at most `max`), without a break
// between them: the index of the last, or `none` when k is no such word.
std::size_t last_name_word(const std::vector<Token>& tokens, std::size_t k, int max,
                           std::size_t none) {
    std::size_t last = none;
    for (std::size_t q = k;
         max-- > 0 && q < tokens.size() && !tokens[q].has(kRunBreak) && is_name_word(tokens, q);
         q = next_word(tokens, q))
        last = q;
    return last;
}

// A given name with a capitalised word after it: "James Miller".
bool starts_full_name(const std::vector<Token>& tokens, std::size_t k) {
    const std::size_t next = next_word(tokens, k);
    return k < tokens.size() && is_given_name(tokens[k].term) && next < tokens.size() &&
           !tokens[next].has(kRunBreak) && is_name_word(tokens, next);
}

// "Moody's Investors Service Inc", "McDonald's Corp": a possessive inside a
// company's name, which ends in a company word soon after.
bool is_company_ending(std::string_view w) {
    static const std::unordered_set<std::string_view> company = {
        "inc", "corp", "co", "ltd", "plc", "llc", "corporation", "incorporated", "limited"};
    return company.count(w) != 0;
}

bool company_follows(const std::vector<Token>& tokens, std::size_t j) {
    constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);
    const std::size_t last = last_name_word(tokens, next_word(tokens, j), 4, kNoWord);
    return last != kNoWord && is_company_ending(tokens[last].term);
}

// "Goldman, Sachs and Co", "Smith Barney, Harris Upham and Co": a comma
// inside a partnership's name, whose last part is one or two names, "and"
// and a company word. `k` follows run word `j` after a break.
bool partnership_follows(const std::vector<Token>& tokens, std::size_t j, std::size_t k) {
    if (k >= tokens.size() || tokens[k].has(kSentenceStart) ||
        tokens[k].begin != tokens[j].end + 2 || !tokens[j].has(kCapitalised) ||
        !is_name_word(tokens, k))
        return false;
    std::size_t last = k;
    for (std::size_t q = next_word(tokens, k);
         q < tokens.size() && q <= k + 2 && !tokens[q].has(kRunBreak) && is_name_word(tokens, q);
         q = next_word(tokens, q))
        last = q;
    const std::size_t conj = next_word(tokens, last), ending = next_word(tokens, conj);
    return ending < tokens.size() && tokens[conj].term == "and" &&
           !tokens[conj].has(kCapitalised) && !tokens[ending].has(kRunBreak) &&
           tokens[ending].has(kCapitalised) && is_company_ending(tokens[ending].term);
}

// Whether the run may continue from word j to word k across the break
// before k: only after a one-letter initial's full stop ("T. Boone").
bool continues(const std::vector<Token>& tokens, std::size_t j, std::size_t k) {
    const Token& a = tokens[j];
    const Token& b = tokens[k];
    if (!b.has(kRunBreak)) return true;
    return a.term.size() == 1 && a.has(kCapitalised) && b.has(kSentenceStart) &&
           b.begin <= a.end + 2;
}

// Whether run word r is joined to the word before it by a hyphen
// ("Lewis-Francis"): an alias spans both, and no glue seam separates them.
bool hyphen_joined(const std::vector<Token>& tokens, std::size_t prev, std::size_t cur) {
    if (tokens[cur].has(kRunBreak) || tokens[cur].begin != tokens[prev].end + 1) return false;
    for (std::size_t a = prev + 1; a < cur; ++a)
        if (tokens[a].has(kAlias) && tokens[a].begin <= tokens[prev].begin) return true;
    return false;
}

// The words of a name from its tokens: middle initials dropped ("Paul A
// Volcker"), leading ones dropped before two or more words ("T. Boone
// Pickens") and glued before one ("J K Rowling", "JK Rowling" → "jk
// rowling") or a firm's name ("EF Hutton and Co"). One single-letter initial before a surname (one
// word, or a particle and one: "P de Villiers") is returned as `initial` with the surname alone:
// someone whose given name starts so ("G Dempsey" on a team sheet).
struct NameWords {
    std::vector<std::string> words;
    char initial = 0;
};

NameWords name_words(const std::vector<const Token*>& ts) {
    NameWords nw;
    std::size_t lead = 0;
    while (lead + 1 < ts.size() && is_initial(*ts[lead])) ++lead;
    for (std::size_t i = lead; i < ts.size(); ++i)
        if (i + 1 == ts.size() || !is_initial(*ts[i])) nw.words.push_back(ts[i]->term);
    // "P de Villiers": a particle and one word are a surname too. A firm
    // keeps its initials: "E.F. Hutton and Co" is "ef hutton and co".
    const bool surname = nw.words.size() == 1 || (nw.words.size() == 2 && is_particle(nw.words[0]));
    if (lead == 0 || (!surname && !is_org_word(nw.words.back()))) return nw;
    if (lead == 1 && ts[0]->term.size() == 1) {
        nw.initial = ts[0]->term[0];
        return nw;
    }
    std::string glued;
    for (std::size_t i = 0; i < lead; ++i) glued += ts[i]->term;
    nw.words.insert(nw.words.begin(), std::move(glued));
    return nw;
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0) {
    std::string s;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!s.empty()) s += ' ';
        s += words[i];
    }
    return s;
}

// Titles written just before a name, in any case ("chief of staff Baker",
// "Treasury Secretary Baker"), back to the punctuation before them.
bool titles_before(const std::vector<Token>& tokens, std::size_t first,
                   std::vector<std::string>& titles) {
    bool any = false;
    std::size_t i = first;
    for (int words = 0; words < 5 && i > 0 && !tokens[i].has(kRunBreak);) {
        --i;
        if (tokens[i].has(kAlias)) continue;
        ++words;
        const std::string& w = tokens[i].term;
        if (w == "of" || w == "the") continue;
        if (!is_title(w) && !is_descriptor(w)) break;
        any = true;
        std::string_view c = canonical_title(w);
        if (!c.empty()) titles.emplace_back(c);
    }
    return any;
}

// The word before token `first`, or null at the paragraph's start.
const Token* word_before(const std::vector<Token>& tokens, std::size_t first) {
    for (std::size_t i = first; i > 0;) {
        --i;
        if (!tokens[i].has(kAlias)) return &tokens[i];
    }
    return nullptr;
}

// "the Ferguson-Wenger saga", "a Baker-Chung meeting": a hyphen compound
// after a determiner qualifies a noun; a surname does not follow "the".
bool after_determiner(const std::vector<Token>& tokens, std::size_t first) {
    const Token* w = word_before(tokens, first);
    return w && (!w->has(kCapitalised) || w->has(kSentenceStart)) &&
           (w->term == "the" || w->term == "a" || w->term == "an" || w->term == "this" ||
            w->term == "that" || w->term == "their" || w->term == "his" || w->term == "her");
}

// "his wife Sharon", "her son Brooklyn": a relative named by given name.
bool after_kinship(const std::vector<Token>& tokens, std::size_t first) {
    const Token* w = word_before(tokens, first);
    return w && !w->has(kCapitalised) && !w->has(kAllCaps) && is_kinship(w->term) &&
           !tokens[first].has(kRunBreak);
}

bool shares_title(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& t : a)
        if (std::find(b.begin(), b.end(), t) != b.end()) return true;
    return false;
}

}  // namespace

void NameFinder::reset() {
    people_.clear();
    by_surname_.clear();
    by_last_word_.clear();
    by_given_.clear();
    pending_.clear();
    lower_words_.clear();
    paragraph_ = 0;
}

// The words this paragraph writes in lower case, for telling a role from a
// given name ("Sprinter Mark Lewis-Francis" where the article says "the
// sprinter"); not from a paragraph written without capitals, where every
// name is lower case too.
void NameFinder::note_lower_case(const std::vector<Token>& tokens) {
    if (written_without_capitals(tokens)) return;
    for (const Token& t : tokens)
        if (t.term.size() > 2 && !t.has(kCapitalised) && !t.has(kAllCaps) && !t.has(kAlias) &&
            !t.has(kNumeric))
            lower_words_.insert(t.term);
}

// Whether an organisation's name goes on past the lower-case word k:
// "and" before capitalised words that end in an organisation word, after
// words that are no person's ("Securities and Exchange Commission", "Food
// and Drug Administration", "American Telephone and Telegraph Co", not
// "James Baker and Federal Reserve" nor "Baker and Federal Reserve" when
// the article named a Baker); "of" or "for" after an organisation word
// ("Bank of England", "Chicago Board of Trade", "Organisation for Economic
// Cooperation"), and one word more after an "and" that ends two or more
// of those ("International Trade and Industry", not "Bank of England and
// Bundesbank") or comes before a person's name ("Office of Management and
// Budget James Miller").
bool NameFinder::joins_organisation(const std::vector<Token>& tokens,
                                    const std::vector<std::size_t>& run, std::size_t k,
                                    std::size_t org_tail) const {
    const std::string& w = tokens[k].term;
    const std::string& before = tokens[run.back()].term;
    if (tokens[k].has(kCapitalised)) return false;
    if (w == "of" || w == "for") return is_org_word(before);
    if (w != "and") return false;
    const std::size_t after = next_word(tokens, k);
    if (org_tail > 0)
        return (org_tail >= 2 && last_name_word(tokens, after, 2, k) == after) ||
               starts_full_name(tokens, next_word(tokens, after));
    // Two words at most: "and Co Inc", "and Exchange Commission", not "and
    // Dominion Textiles Inc", "and Federal Reserve Board".
    const std::size_t last = last_name_word(tokens, after, 2, k);
    if (last == k || !is_org_word(tokens[last].term) ||
        (next_word(tokens, last) < tokens.size() && last_name_word(tokens, after, 3, k) != last))
        return false;
    for (std::size_t q = next_word(tokens, k); q <= last; q = next_word(tokens, q))
        if (is_title(tokens[q].term)) return false;
    if (is_org_word(before)) return true;
    // "Baker and Federal Reserve officials": not after a surname alone of
    // someone the article named.
    if (run.size() == 1 && by_surname_.count(before) != 0) return false;
    // "Smith Barney, Harris Upham and Co": a company word right after "and"
    // allows a longer name before it.
    const std::size_t longest = is_company_ending(tokens[after].term) ? 5 : 3;
    if (run.size() > longest) return false;
    for (std::size_t r : run)
        if (is_title(tokens[r].term) || is_given_name(tokens[r].term) ||
            is_never_name(tokens[r].term))
            return false;
    return true;
}

void NameFinder::find(const std::vector<Token>& tokens, std::vector<NameMention>& out) {
    in_paragraph_.clear();
    ++paragraph_;
    note_lower_case(tokens);
    std::vector<std::size_t> run;
    for (std::size_t i = 0; i < tokens.size();) {
        if (!is_name_word(tokens, i)) {
            ++i;
            continue;
        }
        if (std::size_t after = add_plural_rank(tokens, i, out); after != i) {
            i = after;
            continue;
        }
        run.assign(1, i);
        // "de Clercq added", "told van Persie": a lower-case particle just
        // before the name is part of its surname.
        if (const Token* p = word_before(tokens, i);
            p && !tokens[i].has(kRunBreak) && !p->has(kCapitalised) && is_particle(p->term))
            run.insert(run.begin(), static_cast<std::size_t>(p - tokens.data()));
        std::size_t j = i;
        std::size_t org_tail = 0;  // words after an organisation's "of" ("Bank of England")
        for (;;) {
            // "Trump’s White House" is two names; "Moody's Investors Service Inc" one.
            if (tokens[j].has(kPossessive) && !company_follows(tokens, j)) break;
            std::size_t k = next_word(tokens, j);
            if (k >= tokens.size()) break;
            if (!continues(tokens, j, k) && (run.size() > 2 || !partnership_follows(tokens, j, k)))
                break;
            if (is_name_word(tokens, k)) {
                // "Office of Management and Budget James Miller": a given
                // name ends what follows an organisation's "of".
                if (org_tail > 0 && starts_full_name(tokens, k)) break;
                run.push_back(k);
                j = k;
                if (org_tail > 0) ++org_tail;
                continue;
            }
            std::size_t k2 = next_word(tokens, k);
            if (k2 >= tokens.size() || tokens[k2].has(kRunBreak) || !is_name_word(tokens, k2))
                break;
            const bool org = joins_organisation(tokens, run, k, org_tail);
            if (!is_particle(tokens[k].term) && !org) break;
            org_tail = !org ? 0 : tokens[k].term != "and" ? 1 : org_tail > 0 ? org_tail + 1 : 0;
            run.push_back(k);
            run.push_back(k2);
            j = k2;
        }
        i = next_word(tokens, j);
        add_run(tokens, run, out);
    }
}

// "Princes William and Harry": each is a prince. Returns the token after
// the second name, or `i` when the words at `i` are not so.
std::size_t NameFinder::add_plural_rank(const std::vector<Token>& tokens, std::size_t i,
                                        std::vector<NameMention>& out) {
    const std::string_view rank = tokens[i].term == "princes"      ? "prince"
                                  : tokens[i].term == "princesses" ? "princess"
                                                                   : "";
    if (rank.empty()) return i;
    const std::size_t a = next_word(tokens, i), conj = next_word(tokens, a),
                      b = next_word(tokens, conj);
    if (b >= tokens.size() || tokens[a].has(kRunBreak) || !is_name_word(tokens, a) ||
        tokens[conj].term != "and" || tokens[conj].has(kCapitalised) || tokens[b].has(kRunBreak) ||
        !is_name_word(tokens, b))
        return i;
    Segment seg;
    seg.titled = true;
    for (std::size_t k : {a, b})
        add_person({std::string(rank), tokens[k].term}, 1, seg, k, k + 1, {}, out);
    return next_word(tokens, b);
}

// A capitalised function word never belongs to a name ("Behind Baker's",
// "Greenspan I'm sure", "servesBut Roddick"): the run is cut there, except
// at a one-letter initial inside it ("Paul A Volcker").
void NameFinder::add_run(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                         std::vector<NameMention>& out) {
    std::size_t piece = 0;
    for (std::size_t r = 0; r < run.size(); ++r) {
        const std::string& w = tokens[run[r]].term;
        // A lower-case word inside a run is a particle or an organisation's "and".
        if (!is_never_name(w) || !tokens[run[r]].has(kCapitalised) ||
            (w.size() == 1 && r > piece && r + 1 < run.size()))
            continue;
        add_piece(tokens, run, piece, r, out);
        piece = r + 1;
    }
    add_piece(tokens, run, piece, run.size(), out);
}

// Cuts a piece of a run into segments at title words (dropped, but kept as
// the next segment's titles) and after organisation words that a full name
// or a known surname follows ("White House Caroline Leavitt", "Soviet Union
// Lyng said").
void NameFinder::add_piece(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                           std::size_t from, std::size_t to, std::vector<NameMention>& out) {
    while (from < to && tokens[run[from]].has(kSentenceStart) &&
           is_sentence_starter(tokens[run[from]].term))
        ++from;
    if (from >= to) return;
    Segment seg;
    seg.from = from;
    seg.titled = titles_before(tokens, run[from], seg.titles);
    for (std::size_t r = from; r < to; ++r) {
        const std::string& w = tokens[run[r]].term;
        // "General Motors Corp": a title word starting an organisation's name.
        const bool org_name = r == seg.from && is_org_word(tokens[run[to - 1]].term);
        if (is_title(w) && !org_name) {
            seg.to = r;
            add_segment(tokens, run, seg, out);
            if (seg.to > seg.from) seg.titles.clear();
            std::string_view c = canonical_title(w);
            if (!c.empty()) seg.titles.emplace_back(c);
            seg.rank = is_rank_title(w) ? r : kNone;
            seg.titled = true;
            seg.from = r + 1;
        } else if (is_org_word(w) && r + 1 < to && !is_org_word(tokens[run[to - 1]].term) &&
                   std::all_of(run.begin() + static_cast<std::ptrdiff_t>(r) + 1,
                               run.begin() + static_cast<std::ptrdiff_t>(to),
                               [&](std::size_t t) { return tokens[t].has(kCapitalised); }) &&
                   (to - r > 2 || by_surname_.count(tokens[run[r + 1]].term) != 0)) {
            seg.to = r + 1;
            add_segment(tokens, run, seg, out);
            seg = Segment{};
            seg.from = r + 1;
            seg.titles.emplace_back(w);  // "Treasury Secretary Baker": a role too
        }
    }
    seg.to = to;
    add_segment(tokens, run, seg, out);
}

// A rank title the news writes with a surname ("Dr Fox", "Lord Kinnock"),
// not with a given name ("Prince Charles", "Sir Alex"): the word, else "".
std::string surname_rank(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                         std::size_t rank) {
    if (rank == static_cast<std::size_t>(-1)) return {};
    const std::string& w = tokens[run[rank]].term;
    return is_rank_title(w) && !is_given_name_rank(w) ? w : std::string();
}

void NameFinder::add_segment(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                             Segment seg, std::vector<NameMention>& out) {
    if (seg.from >= seg.to) return;
    // "Briton Tim Henman", "State George Shultz": a descriptor before a full
    // name that is no organisation's.
    auto org_follows = [&](std::size_t r) {
        for (std::size_t q = r + 1; q < seg.to; ++q)
            if (is_org_word(tokens[run[q]].term)) return true;
        return false;
    };
    while (seg.to - seg.from >= 3 && is_descriptor(tokens[run[seg.from]].term) &&
           !org_follows(seg.from)) {
        seg.titles.emplace_back(canonical_title(tokens[run[seg.from]].term));
        ++seg.from;
    }
    // "Sprinter Mark Lewis-Francis", "Prop Martin Castrogiovanni": a word
    // that starts a sentence before a given name and a surname is a role
    // when it is one ("Unseeded", "Croatian"), a verb's -ing form ("Joining
    // Vera Drake") or a word the article writes in lower case (a role would
    // be so inside a sentence); "Asif Ali Zardari", "Barack Hussein Obama"
    // keep an unlisted given name, as "said Shafi Ahmed Choudhury" does
    // inside a sentence.
    if (seg.to - seg.from >= 3 && !org_follows(seg.from)) {
        const Token& role = tokens[run[seg.from]];
        const Token& given = tokens[run[seg.from + 1]];
        if (role.has(kSentenceStart) && role.term.size() > 2 && !is_given_name(role.term) &&
            !is_particle(role.term) && given.has(kCapitalised) && is_given_name(given.term) &&
            !hyphen_joined(tokens, run[seg.from], run[seg.from + 1]) &&
            (is_role(role.term) || lower_words_.count(role.term) != 0 ||
             (role.term.size() > 5 && role.term.compare(role.term.size() - 3, 3, "ing") == 0))) {
            seg.titles.push_back(role.term);
            ++seg.from;
        }
    }
    std::vector<const Token*> ts;
    for (std::size_t r = seg.from; r < seg.to; ++r) ts.push_back(&tokens[run[r]]);
    NameWords nw = name_words(ts);
    const std::size_t first = run[seg.from], last = run[seg.to - 1] + 1;
    const std::string whole = join(nw.words);
    // "Secretary of State Shultz", "Briton Henman": a descriptor before a
    // known surname (else "Liberal Democrats" is a name).
    if (nw.words.size() == 2 && is_descriptor(nw.words[0])) {
        std::size_t p = resolve(nw.words[1], seg.titles, 0);
        if (p != kNone) {
            mention(p, run[seg.from + 1], last, true, out, surname_rank(tokens, run, seg.rank));
            return;
        }
    }
    // One word, a known surname of several ("Lewis-Francis", "De Niro"), or
    // a particle and one word ("De Marigny", "R de Marigny"): a surname.
    // ("Al Gore": "al" is a given name too.)
    const bool particle_surname =
        nw.words.size() == 2 && is_particle(nw.words[0]) && nw.words[0] != "al";
    if (nw.words.size() == 1 || particle_surname || by_surname_.count(whole) != 0) {
        add_surname(tokens, run, seg, whole, nw.initial, out);
        return;
    }
    if (whole.size() > 200) return;  // not a name: a capitalised headline pasted into text
    if (add_parts(tokens, run, seg, out)) return;
    std::size_t tail = 1;  // words of a hyphenated surname: "Mark Lewis-Francis" → 2
    for (std::size_t r = seg.to - 1; r > seg.from && hyphen_joined(tokens, run[r - 1], run[r]); --r)
        ++tail;
    add_person(nw.words, std::min(tail, nw.words.size() - 1), seg, first, last,
               surname_rank(tokens, run, seg.rank), out);
}

// A surname alone (`form`: "baker", "de niro", "lewis francis"), with the
// initial of a given name ("G Dempsey") or a rank ("Prince Charles") maybe.
void NameFinder::add_surname(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                             const Segment& seg, const std::string& form, char initial,
                             std::vector<NameMention>& out) {
    const std::size_t first = run[seg.from], last = run[seg.to - 1] + 1;
    const std::string rank_word = surname_rank(tokens, run, seg.rank);
    // "Prince Charles" is nobody's surname; "Sir Alex" may be a given name.
    const std::string_view rank =
        seg.rank != kNone ? std::string_view(tokens[run[seg.rank]].term) : "";
    const bool one_word = form.find(' ') == std::string::npos;
    std::size_t p = rank.empty() || !is_given_name_rank(rank)
                        ? resolve(form, seg.titles, initial, seg.titled)
                    : rank == "sir" || rank == "dame" ? by_given_name(form)
                                                      : kNone;
    if (p != kNone) {
        mention(p, first, last, true, out, rank_word);
        return;
    }
    if (seg.rank != kNone && one_word && initial == 0) {
        // "Prince Charles", "Lord Goldsmith": the rank is part of the name.
        add_person({tokens[run[seg.rank]].term, form}, 1, seg, run[seg.rank], last, {}, out);
        return;
    }
    auto known = by_surname_.find(form);
    if (known != by_surname_.end()) {
        // Several people the article named carry it: no one (a wrong person
        // is worse than none), unless the initial rules them all out.
        bool any = false;
        for (std::size_t q : known->second)
            any = any || initial == 0 || people_[q].given[0] == initial;
        if (any) return;
    }
    const std::string_view surname = std::string_view(form).substr(form.rfind(' ') + 1);
    if (is_org_word(surname) || is_descriptor(form) || is_title(form)) return;
    if (initial == 0 && after_kinship(tokens, first)) return;  // "his wife Sharon"
    add_pending(seg, form, initial, first, last, rank_word);
}

void NameFinder::add_pending(const Segment& seg, const std::string& form, char initial,
                             std::size_t first, std::size_t last, std::string rank) {
    Pending p;
    p.paragraph = paragraph_ - 1;
    p.mention.surname = form.substr(form.rfind(' ') + 1);
    p.mention.titled = seg.titled;
    p.mention.token = first;
    p.mention.initial = initial;
    p.form = form;
    p.titles = seg.titles;
    p.last = last;
    p.rank = std::move(rank);
    pending_.push_back(std::move(p));
}

// "the Ferguson-Wenger saga": a hyphen compound of two known surnames names
// both people; after a determiner ("the Bush-Cheney campaign") its parts
// are surnames even when the article named only some of them.
bool NameFinder::add_parts(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                           const Segment& seg, std::vector<NameMention>& out) {
    if (seg.to - seg.from < 2) return false;
    std::vector<std::size_t> people;
    for (std::size_t r = seg.from; r < seg.to; ++r) {
        if (r > seg.from && !hyphen_joined(tokens, run[r - 1], run[r])) return false;
        if (!tokens[run[r]].has(kCapitalised)) return false;
        people.push_back(resolve(tokens[run[r]].term, {}, 0));
    }
    const bool all = std::find(people.begin(), people.end(), kNone) == people.end();
    if (!all && !after_determiner(tokens, run[seg.from])) return false;
    // "the Rolls-Royce plant", "the Iran-Iraq war": no part names anyone the
    // article knows, so the compound names a thing, not two people. Its
    // parts stay pending for people the article may introduce later ("the
    // Bush-Cheney ticket" before "George Bush"), but go to nobody else.
    const bool thing = std::count(people.begin(), people.end(), kNone) ==
                       static_cast<std::ptrdiff_t>(people.size());
    for (std::size_t r = seg.from; r < seg.to; ++r) {
        const std::size_t p = people[r - seg.from];
        if (p != kNone) {
            mention(p, run[r], run[r] + 1, true, out);
        } else if (by_surname_.count(tokens[run[r]].term) == 0) {
            Segment part;
            part.from = r;
            part.to = r + 1;
            add_pending(part, tokens[run[r]].term, 0, run[r], run[r] + 1, {});
            pending_.back().late_only = thing;
        }
    }
    return true;
}

// A full name: a new person of the article, or a familiar form of one it
// named ("Jim Baker" after "James Baker").
void NameFinder::add_person(const std::vector<std::string>& words, std::size_t tail,
                            const Segment& seg, std::size_t first, std::size_t last,
                            const std::string& rank, std::vector<NameMention>& out) {
    const std::string& surname = words.back();
    const std::string name = join(words);
    // The same name, or a familiar form of one with this last word: looked
    // up by that word, so an article of 20,000 names takes no quadratic time.
    std::vector<std::size_t>& same_last = by_last_word_[surname];
    for (std::size_t p : same_last) {
        if (people_[p].name != name &&
            (words.size() != 2 || people_[p].name.find(' ') == std::string::npos ||
             !is_familiar_form(words[0], people_[p].given)))
            continue;
        for (const std::string& t : seg.titles)
            if (std::find(people_[p].titles.begin(), people_[p].titles.end(), t) ==
                people_[p].titles.end())
                people_[p].titles.push_back(t);
        mention(p, first, last, false, out, rank);
        return;
    }
    const std::size_t p = people_.size();
    people_.push_back({name, words[0], seg.titles});
    same_last.push_back(p);
    by_given_[words[0]].push_back(p);
    // An organisation has no surname: "Bank of Canada" is no "Canada".
    const bool organisation = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return is_org_word(w) || w == "and" || w == "of" || w == "for";
    });
    if (!organisation) {
        // The surname forms it may be named by later: the last word, and with
        // the particles or hyphenated words before it ("de niro", "lewis
        // francis"); a middle word that is no given name ("Miguel Mancera
        // Aguayo" is "Mancera", "Luiz Inacio Lula da Silva" is "Lula").
        std::size_t s = words.size() - tail;
        // "De Niro", "de Gaulle" go by the particle too, and "France" is no
        // "Stade de France"; "Beethoven" is van Beethoven, "Assad" Bashar al
        // Assad and "Laden" Osama bin Laden (as "al Assad", "bin Laden"; not
        // "Al Riyadh", a newspaper, nor "Al Hendrix", of a given name).
        const std::string& before = words[s - 1];
        const bool arabic = s >= 2 && (before == "al" || before == "bin" || before == "ibn");
        if (!is_particle(before) || before == "van" || before == "von" || before == "der" ||
            before == "den" || arabic)
            by_surname_[surname].push_back(p);
        while (s > 1 && is_particle(words[s - 1])) --s;
        if (s < words.size() - 1) by_surname_[join(words, s)].push_back(p);
        for (std::size_t m = 1; m < s; ++m)
            if (words[m].size() > 2 && !is_given_name(words[m]) && !is_particle(words[m]))
                by_surname_[words[m]].push_back(p);
    }
    mention(p, first, last, false, out, rank);
}

void NameFinder::mention(std::size_t person, std::size_t first, std::size_t last, bool surname_only,
                         std::vector<NameMention>& out, std::string rank) {
    const std::string& name = people_[person].name;
    // "Lord Ashcroft" named so from the start: the rank is part of the name.
    if (!rank.empty() && name.compare(0, rank.size() + 1, rank + ' ') == 0) rank.clear();
    out.push_back({name, first, last, surname_only, std::move(rank)});
    in_paragraph_.push_back(person);
}

// Surnames written before their person was introduced resolve now; the
// rest are left for the corpus (searcher/name_corpus.cpp), except a given
// name of someone the article named ("Sharon" after "Sharon Osbourne").
void NameFinder::finish(ArticleNames& out) {
    out.late.clear();
    out.unresolved.clear();
    in_paragraph_.clear();  // no paragraph is the latest now
    for (Pending& p : pending_) {
        const std::size_t who = resolve(p.form, p.titles, p.mention.initial, p.mention.titled);
        if (who != kNone) {
            out.late.push_back(
                {p.paragraph,
                 {people_[who].name, p.mention.token, p.last, true, std::move(p.rank)}});
            continue;
        }
        if (p.late_only) continue;  // a part of "the Rolls-Royce plant"
        if (by_surname_.count(p.form) != 0 && p.mention.initial == 0) continue;  // shared
        auto same_given = by_given_.find(p.form);
        const bool given = same_given != by_given_.end() &&
                           std::any_of(same_given->second.begin(), same_given->second.end(),
                                       [&](std::size_t q) { return people_[q].name != p.form; });
        if (given && p.mention.initial == 0) continue;
        out.unresolved.push_back({p.paragraph, std::move(p.mention)});
    }
    pending_.clear();
}

// Which person a surname names. One candidate: that one. Several ("Baker":
// James and Howard): the one whose titles the mention shares ("Treasury
// Secretary Baker"), else the one named last in this paragraph, else none —
// a wrong person is worse than a missed mention.
std::size_t NameFinder::resolve(const std::string& surname, const std::vector<std::string>& titles,
                                char initial, bool titled) const {
    auto it = by_surname_.find(surname);
    if (it == by_surname_.end()) return by_al(surname, titled, initial);
    std::vector<std::size_t> cands;
    for (std::size_t p : it->second)
        if (initial == 0 || people_[p].given[0] == initial) cands.push_back(p);
    if (cands.size() == 1) return cands[0];
    if (cands.empty()) return kNone;
    std::size_t match = kNone;
    int matches = 0;
    for (std::size_t p : cands)
        if (shares_title(titles, people_[p].titles)) {
            match = p;
            ++matches;
        }
    if (matches == 1) return match;
    for (auto r = in_paragraph_.rbegin(); r != in_paragraph_.rend(); ++r)
        if (std::find(cands.begin(), cands.end(), *r) != cands.end()) return *r;
    return kNone;
}

// "Gore said" after "Vice President Al Gore", whom add_person gives no
// surname ("al" may be Arabic's article: "the daily Al Riyadh" is a
// newspaper, Riyadh a city): the one person named "Al" and this word, when
// a title says it is a person, written with the full name or with this
// mention ("Mr Gore"), and no one else is known by the word (Jimi Hendrix
// keeps "Hendrix" from his father Al Hendrix).
std::size_t NameFinder::by_al(const std::string& surname, bool titled, char initial) const {
    if (initial != 0 && initial != 'a') return kNone;
    auto it = by_last_word_.find(surname);
    if (it == by_last_word_.end()) return kNone;
    std::size_t found = kNone;
    for (std::size_t p : it->second) {
        const std::string& name = people_[p].name;
        if (people_[p].given != "al" || name.size() != 3 + surname.size() ||
            (!titled && people_[p].titles.empty()))
            continue;
        if (found != kNone) return kNone;
        found = p;
    }
    return found;
}

// "Sir Alex" after "Alex Ferguson": the one person of that given name.
std::size_t NameFinder::by_given_name(const std::string& given) const {
    auto it = by_given_.find(given);
    if (it == by_given_.end()) return kNone;
    std::size_t found = kNone;
    for (std::size_t p : it->second) {
        if (people_[p].name == given) continue;
        if (found != kNone) return kNone;
        found = p;
    }
    return found;
}

std::string name_key(std::string_view name) {
    std::vector<Token> tokens = tokenize(name);
    std::vector<const Token*> words;
    for (const Token& t : tokens)
        if (!t.has(kAlias)) words.push_back(&t);
    std::size_t from = 0;
    while (from < words.size() && is_title(words[from]->term)) ++from;
    // "Prince Charles" is that name, not every Charles; "Mr Blair" is Blair.
    if (from > 0 && from + 1 == words.size() && is_rank_title(words[from - 1]->term)) --from;
    NameWords nw = name_words({words.begin() + static_cast<std::ptrdiff_t>(from), words.end()});
    return join(nw.words);
}

}  // namespace graf::analysis
