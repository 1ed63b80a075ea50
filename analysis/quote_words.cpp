#include "analysis/quote_words.hpp"

#include <unordered_set>

#include "analysis/name_kind.hpp"
#include "analysis/name_words.hpp"
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
        "pointed",   "emphasised",   "emphasized", "revealed",  "quipped",    "vowed",
        "denied",    "denies"};
    return k.count(w) != 0 || is_participle(w);
}

bool is_inverting(std::string_view w) {
    static const Words objects = {"told",      "tells",     "asked",   "urged",     "warned",
                                  "warns",     "posted",    "claims",  "announced", "revealed",
                                  "confirmed", "cautioned", "vowed",   "pointed",   "maintained",
                                  "telling",   "urging",    "warning", "claiming"};
    return is_speech_verb(w) && objects.count(w) == 0;
}

bool is_plain_speech(std::string_view w) {
    static const Words k = {
        "said",      "says",     "told",     "tells",     "added",     "adds",      "wrote",
        "writes",    "stated",   "declared", "insisted",  "insists",   "argued",    "argues",
        "explained", "explains", "replied",  "responded", "commented", "admitted",  "admits",
        "stressed",  "urged",    "warned",   "warns",     "conceded",  "quipped",   "vowed",
        "remarked",  "tweeted",  "joked",    "predicted", "cautioned", "complained"};
    return k.count(w) != 0;
}

bool is_participle(std::string_view w) {
    static const Words k = {"saying",  "adding",     "telling",   "insisting", "noting",
                            "arguing", "explaining", "declaring", "stressing", "writing",
                            "stating", "conceding",  "admitting", "replying",  "commenting",
                            "warning", "claiming",   "predicting"};
    return k.count(w) != 0;
}

// Words that may sit between a speaker and the verb: "Musk also wrote",
// "he later told", "was quoted as saying".
bool is_gap_word(std::string_view w) {
    static const Words k = {
        "also",       "later",       "then",         "has",        "had",          "have",
        "previously", "earlier",     "once",         "recently",   "further",      "again",
        "was",        "is",          "quoted",       "as",         "reportedly",   "just",
        "simply",     "actually",    "only",         "flatly",     "repeatedly",   "publicly",
        "privately",  "yesterday",   "today",        "tonight",    "would",        "will",
        "had",        "even",        "subsequently", "once",       "out",          "often",
        "never",      "always",      "usually",      "frequently", "quickly",      "immediately",
        "calmly",     "angrily",     "bluntly",      "sternly",    "firmly",       "quietly",
        "openly",     "strongly",    "sharply",      "sometimes",  "clearly",      "defiantly",
        "proudly",    "happily",     "cautiously",   "candidly",   "emphatically", "frankly",
        "readily",    "tearfully",   "jokingly",     "bitterly",   "curtly",       "tersely",
        "plainly",    "confidently", "insistently",  "however",    "now",          "still",
        "already",    "first",       "finally"};
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

bool is_person_noun(std::string_view w) {
    static const Words k = {
        "democrat",   "republican",   "conservative", "liberal",    "socialist",   "tory",
        "writer",     "broadcaster",  "novelist",     "author",     "star",        "player",
        "veteran",    "champion",     "winner",       "actor",      "actress",     "singer",
        "striker",    "midfielder",   "defender",     "goalkeeper", "keeper",      "winger",
        "skipper",    "rapper",       "comedian",     "musician",   "artist",      "designer",
        "film-maker", "filmmaker",    "chef",         "boxer",      "golfer",      "sprinter",
        "athlete",    "campaigner",   "lawmaker",     "legislator", "congressman", "congresswoman",
        "politician", "entrepreneur", "billionaire",  "tycoon",     "businessman", "businesswoman",
        "dj",         "mp",           "mps",          "qc",         "pm",          "ceo",
        "mep",        "msp",          "scot",         "briton"};
    return k.count(w) != 0;
}

bool is_unnamed_source(std::string_view w) {
    static const Words k = {
        "spokesman", "spokeswoman", "spokesperson", "official",     "officials",  "source",
        "sources",   "analyst",     "analysts",     "economist",    "economists", "dealer",
        "dealers",   "trader",      "traders",      "banker",       "bankers",    "diplomat",
        "diplomats", "aide",        "aides",        "expert",       "experts",    "lawyer",
        "lawyers",   "adviser",     "advisor",      "witness",      "statement",  "report",
        "broker",    "brokers",     "manager",      "managers",     "executive",  "executives",
        "insider",   "insiders",    "observer",     "observers",    "delegate",   "delegates",
        "member",    "members",     "participant",  "participants", "investor",   "investors",
        "worker",    "workers"};
    return k.count(w) != 0;
}

bool is_generic_role(std::string_view w) {
    return w == "chief" || w == "head" || w == "boss" || w == "leader";
}

bool is_kin_word(std::string_view w) {
    static const Words k = {"daughter",   "son",       "wife",      "husband", "brother", "sister",
                            "mother",     "father",    "daughters", "sons",    "widow",   "fiancee",
                            "girlfriend", "boyfriend", "partner",   "niece",   "nephew",  "cousin"};
    return k.count(w) != 0;
}

bool is_title_abbreviation(std::string_view w) {
    static const Words k = {"mr",   "mrs",  "ms",  "dr",  "prof", "sen",  "rep",    "gov",
                            "gen",  "lt",   "col", "maj", "capt", "sgt",  "adm",    "cmdr",
                            "brig", "atty", "rev", "st",  "supt", "insp", "messrs", "hon",
                            "jr",   "sr",   "cpl", "pvt", "mt",   "ft",   "fr",     "gens"};
    return k.count(w) != 0;
}

bool is_title_word(std::string_view w) {
    static const Words k = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"};
    return k.count(w) != 0;
}

namespace {

// What the name finder's kinds say of a name, read for speakers: its lists
// judge a name by any one word, which is right for "Law Lords" and "Lib
// Dem" but not for a person whose given name is a club ("Milan Baros") or
// whose surname is a nationality ("Brian Finn", "Ron English").
bool kind_is_person(std::string_view name) {
    const NameKind kind = name_kind(name);
    if (kind == NameKind::Person) return true;
    const std::size_t space = name.find(' ');
    const std::string_view rest = name.substr(space + 1);
    if (kind == NameKind::Organisation) return name_kind(rest) == NameKind::Person;
    if (kind == NameKind::Fragment)
        return !is_descriptor(name.substr(0, space)) &&
               is_descriptor(name.substr(name.rfind(' ') + 1));
    return false;  // a place or an event
}

}  // namespace

// Organisations and places do not say "he told Politico": a pronoun goes
// to a person, a name of two or more words none of which names a body or
// a place, and which the name finder's kinds take for a person.
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
    return words >= 2 && kind_is_person(name);
}

bool is_org(std::string_view name) {
    if (name.empty() || is_person(name)) return false;
    const NameKind kind = name_kind(name);
    return kind == NameKind::Organisation || kind == NameKind::Person;
}

bool is_country_acronym(std::string_view w) {
    static const Words k = {"us", "usa", "uk", "ussr", "uae", "prc", "gb", "drc"};
    return k.count(w) != 0;
}

bool is_org_noun(std::string_view w) {
    static const Words k = {
        "company",   "firm",        "group",        "bank",         "exchange", "agency",
        "ministry",  "department",  "commission",   "corporation",  "carrier",  "airline",
        "union",     "association", "organisation", "organization", "club",     "board",
        "council",   "network",     "retailer",     "manufacturer", "maker",    "operator",
        "regulator", "broadcaster", "insurer",      "lender",       "utility",  "fund"};
    return k.count(w) != 0;
}

bool is_document_noun(std::string_view w) {
    static const Words k = {"statement", "report",   "summary",  "study",     "survey",
                            "letter",    "document", "memo",     "newspaper", "paper",
                            "magazine",  "journal",  "release",  "filing",    "poll",
                            "figures",   "data",     "review",   "article",   "editorial",
                            "proposal",  "ruling",   "judgment", "order",     "bill"};
    return k.count(w) != 0;
}

// Capitalised words that start a clause without naming anyone ("The", "But").
bool names_nobody(const Token& t) {
    static const Words k = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "it",      "this",      "that",     "they",   "we",
                            "i",      "you",     "there",     "us"};
    return is_stopword(t.term) || k.count(t.term) != 0 || is_speech_verb(t.term);
}

}  // namespace graf::analysis
