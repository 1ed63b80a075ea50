#include "analysis/names.hpp"

#include <unordered_set>

#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"

namespace graf::analysis {

bool is_particle(std::string_view w) {
    static const std::unordered_set<std::string_view> k = {
        "de",  "van",   "von", "der", "den", "da",  "di", "du",
        "del", "della", "la",  "le",  "bin", "ibn", "al", "y"};
    return k.count(w) != 0;
}

namespace {

using Words = std::unordered_set<std::string_view>;

// Titles and roles written before a name: "Treasury Secretary James Baker".
// The name is what follows the last of them.
bool is_title(std::string_view w) {
    static const Words k = {
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice",
        "chairman", "chairwoman", "chair", "chief", "executive", "minister", "prime", "secretary",
        "chancellor", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
        "governor", "gov", "judge", "justice", "king", "queen", "prince", "princess", "pope",
        "general", "gen", "colonel", "col", "captain", "capt", "sergeant", "lieutenant", "admiral",
        "commander", "director", "spokesman", "spokeswoman", "leader", "premier", "mayor",
        "ambassador", "commissioner", "professor", "prof", "father", "reverend", "rev", "deputy",
        "former", "attorney", "treasurer", "coach", "manager", "boss", "founder", "striker",
        "midfielder", "defender", "goalkeeper", "skipper", "presenter", "actor", "actress",
        "singer", "star", "sheikh", "emir", "sultan", "ayatollah", "archbishop", "bishop",
        "inspector", "detective", "officer", "agent",
        // Newsroom roles seen in wire copy: "House Speaker Jim Wright",
        // "Chancellor of the Exchequer Nigel Lawson", "Fed Governor Manuel Johnson".
        "speaker", "exchequer", "staff", "whip", "envoy", "undersecretary", "assistant",
        "economist", "analyst", "negotiator", "candidate", "nominee", "investor", "financier",
        "raider", "tycoon", "magnate", "billionaire", "oilman", "developer", "publisher", "editor"};
    return k.count(w) != 0;
}

// Words that end an organisation or place: "White House Caroline Leavitt" is
// two names, split after "house" when two or more capitalised words follow.
bool is_org_word(std::string_view w) {
    static const Words k = {
        "house",         "valley",      "street",     "bank",           "corp",       "corporation",
        "inc",           "group",       "party",      "council",        "committee",  "ministry",
        "department",    "office",      "board",      "reserve",        "fund",       "union",
        "court",         "university",  "college",    "times",          "post",       "news",
        "journal",       "association", "agency",     "institute",      "company",    "airlines",
        "airways",       "motors",      "foundation", "commission",     "parliament", "congress",
        "senate",        "assembly",    "government", "administration", "church",     "club",
        "league",        "federation",  "exchange",   "securities",     "holdings",   "industries",
        "international", "systems",     "hospital",   "police",         "army",       "navy",
        "museum",        "centre",      "center",     "network",        "studios",    "records",
        "republic",      "kingdom",     "states",     "nations",        "city",       "county",
        "ltd",           "plc",         "bbc",        "office",         "treasury",   "cabinet"};
    return k.count(w) != 0;
}

// Capitalised words that start sentences without naming anyone.
bool is_sentence_starter(std::string_view w) {
    static const Words k = {
        "however",   "meanwhile", "also",      "yet",       "still",   "now",      "today",
        "yesterday", "tomorrow",  "according", "earlier",   "later",   "instead",  "despite",
        "although",  "though",    "since",     "many",      "several", "one",      "two",
        "three",     "new",       "even",      "just",      "last",    "next",     "asked",
        "shares",    "both",      "among",     "following", "nearly",  "almost",   "like",
        "unlike",    "there",     "here",      "overall",   "indeed",  "already",  "separately",
        "analysts",  "officials", "sources",   "critics",   "experts", "speaking", "writing"};
    return is_stopword(w) || k.count(w) != 0;
}

// Days and unambiguous months follow names in wire copy ("Clayton Yeutter
// Monday warned") but are never part of one. (May, June, April, August are
// also given names, so they stay.)
bool is_calendar_word(std::string_view w) {
    static const Words k = {"monday",   "tuesday",  "wednesday", "thursday", "friday",
                            "saturday", "sunday",   "january",   "february", "september",
                            "october",  "november", "december"};
    return k.count(w) != 0;
}

bool is_name_word(const Token& t) {
    return t.has(kCapitalised) && !t.has(kAlias) && !t.has(kNumeric) && !is_calendar_word(t.term);
}

std::size_t next_word(const std::vector<Token>& tokens, std::size_t i) {
    ++i;
    while (i < tokens.size() && tokens[i].has(kAlias)) ++i;
    return i;
}

}  // namespace

void NameFinder::find(const std::vector<Token>& tokens, std::vector<NameMention>& out) {
    std::vector<std::size_t> run;
    for (std::size_t i = 0; i < tokens.size();) {
        if (!is_name_word(tokens[i])) {
            ++i;
            continue;
        }
        run.assign(1, i);
        std::size_t j = i;
        for (;;) {
            if (tokens[j].has(kPossessive)) break;  // "Trump’s White House" is two names
            std::size_t k = next_word(tokens, j);
            if (k >= tokens.size() || tokens[k].has(kRunBreak)) break;
            if (is_name_word(tokens[k])) {
                run.push_back(k);
                j = k;
                continue;
            }
            std::size_t k2 = next_word(tokens, k);
            if (is_particle(tokens[k].term) && k2 < tokens.size() && !tokens[k2].has(kRunBreak) &&
                is_name_word(tokens[k2])) {
                run.push_back(k);
                run.push_back(k2);
                j = k2;
                continue;
            }
            break;
        }
        i = next_word(tokens, j);
        add_run(tokens, run, out);
    }
}

void NameFinder::add_run(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                         std::vector<NameMention>& out) {
    std::size_t from = 0;
    if (tokens[run[0]].has(kSentenceStart) && is_sentence_starter(tokens[run[0]].term)) from = 1;
    // Cut the run into segments at title words (dropped) and after organisation
    // words that two or more words follow.
    std::size_t seg = from;
    for (std::size_t r = from; r < run.size(); ++r) {
        const std::string& w = tokens[run[r]].term;
        if (is_title(w)) {
            add_segment(tokens, run, seg, r, out);
            seg = r + 1;
        } else if (is_org_word(w) && run.size() - r > 2) {
            add_segment(tokens, run, seg, r + 1, out);
            seg = r + 1;
        }
    }
    add_segment(tokens, run, seg, run.size(), out);
}

void NameFinder::add_segment(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                             std::size_t from, std::size_t to, std::vector<NameMention>& out) {
    if (from >= to) return;
    if (to - from == 1) {
        auto it = by_surname_.find(tokens[run[from]].term);
        if (it != by_surname_.end()) out.push_back({it->second, run[from], run[from] + 1, true});
        return;
    }
    std::string name;
    for (std::size_t r = from; r < to; ++r) {
        if (!name.empty()) name += ' ';
        name += tokens[run[r]].term;
    }
    if (name.size() > 200) return;  // not a name: a capitalised headline pasted into text
    const std::string& surname = tokens[run[to - 1]].term;
    if (!is_org_word(surname)) by_surname_[surname] = name;
    out.push_back({std::move(name), run[from], run[to - 1] + 1, false});
}

std::string name_key(std::string_view name) {
    std::vector<Token> tokens = tokenize(name);
    std::string key;
    bool leading = true;
    for (const Token& t : tokens) {
        if (t.has(kAlias)) continue;
        if (leading && is_title(t.term)) continue;
        leading = false;
        if (!key.empty()) key += ' ';
        key += t.term;
    }
    return key;
}

}  // namespace graf::analysis
