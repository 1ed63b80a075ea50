#include "analysis/quote_words.hpp"

#include <unordered_set>

#include "analysis/stopwords.hpp"

namespace graf::analysis {
namespace {

using Words = std::unordered_set<std::string_view>;

}  // namespace

bool is_speech_verb(std::string_view w) {
    static const Words k = {
        "said",      "says",         "say",        "saying",    "told",       "tells",
        "wrote",     "writes",       "added",      "adds",      "warned",     "warns",
        "stated",    "explained",    "insisted",   "insists",   "argued",     "argues",
        "noted",     "notes",        "declared",   "continued", "asked",      "replied",
        "responded", "claimed",      "claims",     "commented", "admitted",   "admits",
        "stressed",  "urged",        "tweeted",    "posted",    "recalled",   "conceded",
        "concluded", "acknowledged", "joked",      "predicted", "maintained", "remarked",
        "explains",  "announced",    "confirmed",  "cautioned", "complained", "observed",
        "pointed",   "emphasised",   "emphasized", "revealed",  "quipped",    "vowed"};
    return k.count(w) != 0;
}

// Words that may sit between a speaker and the verb: "Musk also wrote",
// "he later told", "was quoted as saying".
bool is_gap_word(std::string_view w) {
    static const Words k = {"also",      "later",      "then",         "has",      "had",
                            "have",      "previously", "earlier",      "once",     "recently",
                            "further",   "again",      "was",          "is",       "quoted",
                            "as",        "reportedly", "just",         "simply",   "actually",
                            "only",      "flatly",     "repeatedly",   "publicly", "privately",
                            "yesterday", "today",      "tonight",      "would",    "will",
                            "had",       "even",       "subsequently", "once",     "out"};
    return k.count(w) != 0;
}

bool is_pronoun(std::string_view w) {
    return w == "he" || w == "she";
}

// The head words of roles a name is given in news text ("the press
// secretary", "the company's chief executive").
bool is_role_word(std::string_view w) {
    static const Words k = {
        "spokesman",  "spokeswoman",  "spokesperson", "secretary",  "minister",   "chairman",
        "chairwoman", "chair",        "president",    "director",   "executive",  "chief",
        "analyst",    "economist",    "governor",     "mayor",      "leader",     "senator",
        "ambassador", "commissioner", "manager",      "coach",      "boss",       "founder",
        "editor",     "treasurer",    "premier",      "chancellor", "captain",    "head",
        "owner",      "lawyer",       "attorney",     "judge",      "prosecutor", "actor",
        "actress",    "singer",       "presenter",    "producer",   "author",     "striker",
        "midfielder", "goalkeeper",   "king",         "queen",      "prince",     "princess",
        "strategist", "adviser",      "advisor",      "official",   "general",    "governor"};
    return k.count(w) != 0;
}

bool is_kin_word(std::string_view w) {
    static const Words k = {"daughter",   "son",       "wife",      "husband", "brother", "sister",
                            "mother",     "father",    "daughters", "sons",    "widow",   "fiancee",
                            "girlfriend", "boyfriend", "partner",   "niece",   "nephew",  "cousin"};
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
        "house",      "valley",         "street",     "bank",       "corp",          "corporation",
        "inc",        "group",          "party",      "council",    "committee",     "ministry",
        "department", "office",         "board",      "reserve",    "fund",          "union",
        "court",      "university",     "college",    "times",      "post",          "news",
        "journal",    "association",    "agency",     "institute",  "company",       "airlines",
        "motors",     "foundation",     "commission", "parliament", "congress",      "senate",
        "government", "administration", "church",     "club",       "league",        "federation",
        "exchange",   "securities",     "holdings",   "industries", "international", "systems",
        "hospital",   "police",         "army",       "navy",       "republic",      "kingdom",
        "states",     "nations",        "city",       "county",     "ltd",           "plc",
        "cabinet",    "treasury",       "york",       "kong",       "angeles",       "francisco",
        "arabia",     "germany",        "africa",     "america",    "korea",         "europe",
        "zealand",    "lanka",          "union",      "east",       "west",          "north",
        "south",      "island",         "islands",    "sea",        "ocean",         "airport",
        "centre",     "center",         "stadium",    "cup",        "trophy",        "championship",
        "award",      "awards",         "prize",      "festival",   "market",        "markets",
        "index"};
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
    static const Words k = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "it",      "this",      "that",     "they",   "we",
                            "i",      "you",     "there",     "us"};
    return is_stopword(t.term) || k.count(t.term) != 0 || is_speech_verb(t.term);
}

}  // namespace graf::analysis
