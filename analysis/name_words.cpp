#include "analysis/name_words.hpp"

#include <array>
#include <unordered_map>
#include <unordered_set>

#include "analysis/stopwords.hpp"

namespace graf::analysis {
namespace {

using Words = std::unordered_set<std::string_view>;

// Long titles whose typos appear in wire copy ("Secertary James Baker").
constexpr std::array<std::string_view, 12> kLongTitles = {
    "secretary", "president",  "chairman",     "minister",  "chancellor", "governor",
    "spokesman", "ambassador", "commissioner", "treasurer", "director",   "spokeswoman"};

// One adjacent transposition or one substituted letter, same length.
bool one_typo_from(std::string_view w, std::string_view t) {
    if (w.size() != t.size()) return false;
    std::size_t i = 0;
    while (i < w.size() && w[i] == t[i]) ++i;
    if (i == w.size()) return true;
    if (i + 1 < w.size() && w[i] == t[i + 1] && w[i + 1] == t[i])
        return w.substr(i + 2) == t.substr(i + 2);
    return w.substr(i + 1) == t.substr(i + 1);
}

// One letter left out: "subtitute" for "substitute".
bool one_deletion_from(std::string_view w, std::string_view t) {
    if (w.size() + 1 != t.size()) return false;
    std::size_t i = 0;
    while (i < w.size() && w[i] == t[i]) ++i;
    return w.substr(i) == t.substr(i + 1);
}

}  // namespace

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
        "inspector", "detective", "officer", "agent", "baroness", "baron", "earl", "duke",
        "duchess", "countess", "cardinal", "rabbi", "imam", "chancellor", "mp", "mep",
        // Newsroom roles seen in wire copy: "House Speaker Jim Wright",
        // "Chancellor of the Exchequer Nigel Lawson", "Fed Governor Manuel Johnson".
        "speaker", "exchequer", "staff", "whip", "envoy", "undersecretary", "assistant",
        "economist", "analyst", "negotiator", "candidate", "nominee", "investor", "financier",
        "raider", "tycoon", "magnate", "billionaire", "oilman", "developer", "publisher", "editor",
        "champion", "player", "winger", "forward", "captain", "chef", "designer", "director",
        "producer", "writer", "author", "novelist", "comedian", "rapper", "drummer", "guitarist"};
    if (k.count(w) != 0) return true;
    if (w.size() < 7) return false;
    for (std::string_view t : kLongTitles)
        if (one_typo_from(w, t)) return true;
    return false;
}

bool is_rank_title(std::string_view w) {
    static const Words k = {"prince",  "princess", "king",       "queen",    "lord",   "lady",
                            "sir",     "dame",     "baroness",   "baron",    "earl",   "duke",
                            "duchess", "pope",     "sheikh",     "emir",     "sultan", "ayatollah",
                            "dr",      "cardinal", "archbishop", "countess", "rabbi",  "imam"};
    return k.count(w) != 0;
}

bool is_given_name_rank(std::string_view w) {
    static const Words k = {"prince", "princess", "king",   "queen", "pope",
                            "sheikh", "emir",     "sultan", "sir",   "dame"};
    return k.count(w) != 0;
}

bool is_descriptor(std::string_view w) {
    static const Words k = {
        // Nationalities written before a sports or culture name.
        "american", "americans", "briton", "britons", "british", "english", "englishman", "scot",
        "scotsman", "scottish", "welsh", "welshman", "irish", "irishman", "french", "frenchman",
        "german", "germans", "italian", "spaniard", "spanish", "russian", "australian", "aussie",
        "swiss", "swede", "swedish", "dane", "danish", "dutch", "dutchman", "belgian", "austrian",
        "canadian", "japanese", "chinese", "indian", "argentine", "argentinian", "brazilian",
        "croat", "serb", "czech", "greek", "norwegian", "finn", "kenyan", "ethiopian", "israeli",
        "palestinian", "iraqi", "iranian", "egyptian", "mexican", "portuguese", "romanian",
        "ukrainian", "polish", "hungarian", "nigerian", "jamaican", "zimbabwean", "kiwi",
        // Departments of a title: "Secretary of State George Shultz".
        "state", "commerce", "agriculture", "defence", "defense", "energy", "labor", "interior",
        "transportation", "transport", "health", "education", "trade", "finance", "economy",
        "environment", "culture", "sport", "employment", "industry", "housing", "welfare",
        // Party and role adjectives: "Republican Bob Dole", "Tory Michael Howard",
        // and the short forms of one: "Lib Dem Norman Baker", "Lib Dems David Laws".
        "republican", "democrat", "democratic", "tory", "conservative", "liberal", "labour", "lib",
        "dem", "dems", "socialist", "communist", "veteran", "rookie", "legendary", "superstar",
        "teenager"};
    return k.count(w) != 0;
}

bool is_role(std::string_view w) {
    static const Words k = {
        // Sport: positions, events, standing.
        "sprinter", "sprinters", "hurdler", "athlete", "runner", "swimmer", "cyclist", "rower",
        "skier", "golfer", "boxer", "jockey", "trainer", "referee", "umpire", "prop", "props",
        "hooker", "lock", "flanker", "wing", "centre", "fullback", "keeper", "substitute",
        "replacement", "sub", "batsman", "bowler", "spinner", "opener", "seamer", "wicketkeeper",
        "seed", "seeds", "unseeded", "holder", "holders", "teammate", "rival", "rivals",
        "youngster", "youngsters", "newcomer", "debutant", "defenders", "strikers", "forwards",
        "midfielders", "wingers", "defiant", "injured", "fellow", "compatriot",
        // Culture and media.
        "model", "cinematographer", "musician", "songwriter", "broadcaster", "comic", "singers",
        "producers", "directors", "actors", "stars", "playwright", "poet", "artist", "photographer",
        "choreographer", "dancer", "rocker", "frontman", "bassist", "pianist", "violinist",
        "conductor", "composer", "host", "contestant", "contestants", "judges", "filmmaker",
        "screenwriter", "critic", "columnist", "journalist", "reporter", "commentator", "pundit",
        "bookmaker", "magistrate", "goalscorer", "scorer",
        // Politics, law and business.
        "backbencher", "solicitor", "barrister", "lawyer", "farmer", "campaigner", "activist",
        "banker", "entrepreneur", "businessman", "businesswoman", "peer", "rebel", "ex", "head",
        "owner", "ombudsman", "technician", "broker", "dealer", "trader", "consultant", "engineer",
        "scientist", "doctor", "nurse", "teacher", "pilot", "soldier", "auditor", "accountant",
        "regulator", "investigator", "prosecutor", "mediator", "delegate", "diplomat", "commodore",
        "brigadier", "marshal", "presidents", "ministers", "governors", "chairmen", "leaders",
        "pay", "record", "boss", "fan", "fans", "victim", "survivor", "witness",
        // Demonyms the descriptors lack.
        "californian", "texan", "slovak", "slovakian", "slovenian", "croatian", "serbian",
        "bosnian", "bulgarian", "moroccan", "algerian", "tunisian", "corkman", "dubliner",
        "londoner", "ulsterman", "cornishman", "yorkshireman",
        // Numbers and words that start a sentence before a name: "Six Chris
        // Paterson penalties", "First Mark Cueto scored", "Bar Keith Gleeson".
        "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "first",
        "second", "third", "bar", "given", "both", "then"};
    if (k.count(w) != 0) return true;
    if (w.size() < 7) return false;
    for (std::string_view t : k)
        if (t.size() >= 8 && (one_typo_from(w, t) || one_deletion_from(w, t))) return true;
    return false;
}

bool is_org_word(std::string_view w) {
    static const Words k = {
        "house",       "valley",   "street",       "bank",          "corp",
        "corporation", "inc",      "group",        "party",         "council",
        "committee",   "ministry", "department",   "office",        "board",
        "reserve",     "fund",     "union",        "court",         "university",
        "college",     "times",    "post",         "news",          "journal",
        "association", "agency",   "institute",    "company",       "airlines",
        "airways",     "motors",   "foundation",   "commission",    "parliament",
        "congress",    "senate",   "assembly",     "government",    "administration",
        "church",      "club",     "league",       "federation",    "exchange",
        "securities",  "holdings", "industries",   "international", "systems",
        "hospital",    "police",   "army",         "navy",          "museum",
        "centre",      "center",   "network",      "studios",       "records",
        "republic",    "kingdom",  "states",       "nations",       "city",
        "county",      "ltd",      "plc",          "bbc",           "treasury",
        "cabinet",     "co",       "organisation", "organization",  "chamber",
        "authority",   "bureau",   "trust"};
    return k.count(w) != 0;
}

bool is_never_name(std::string_view w) {
    static const Words k = {
        "behind",      "besides",   "unlike",    "despite",   "although",    "though",
        "however",     "meanwhile", "also",      "yet",       "still",       "instead",
        "according",   "unless",    "whether",   "whereas",   "amid",        "among",
        "amongst",     "without",   "within",    "toward",    "towards",     "upon",
        "across",      "along",     "around",    "beyond",    "inside",      "outside",
        "via",         "except",    "plus",      "including", "like",        "perhaps",
        "maybe",       "thus",      "hence",     "moreover",  "furthermore", "nevertheless",
        "nonetheless", "otherwise", "therefore", "indeed",    "already",     "anyway",
        "yes",         "oh",        "please",    "thanks",    "sorry",       "even",
        "just",        "almost",    "nearly",    "every",     "either",      "neither",
        "since",       "till",      "whilst",    "ever",      "never",       "unlike",
        "hello",       "dear",      "whatever",  "whoever",   "wherever",    "whenever"};
    return is_stopword(w) || k.count(w) != 0;
}

bool is_sentence_starter(std::string_view w) {
    static const Words k = {
        "now",        "today",    "yesterday", "tomorrow",   "earlier",   "later",      "many",
        "several",    "one",      "two",       "three",      "new",       "last",       "next",
        "asked",      "shares",   "following", "analysts",   "officials", "sources",    "critics",
        "experts",    "speaking", "writing",   "separately", "overall",   "traders",    "dealers",
        "economists", "bankers",  "investors", "sales",      "profits",   "net",        "revenues",
        "earnings",   "prices",   "average",   "total",      "police",    "prosecutors"};
    return k.count(w) != 0;
}

bool is_calendar_word(std::string_view w) {
    // May, June, April, August are also given names, so they stay.
    static const Words k = {"monday",   "tuesday",  "wednesday", "thursday", "friday",
                            "saturday", "sunday",   "january",   "february", "september",
                            "october",  "november", "december"};
    return k.count(w) != 0;
}

bool is_kinship(std::string_view w) {
    static const Words k = {
        "wife",     "husband",  "son",           "daughter", "brother",      "sister",    "mother",
        "father",   "mum",      "dad",           "partner",  "girlfriend",   "boyfriend", "fiancee",
        "fiance",   "widow",    "widower",       "uncle",    "aunt",         "nephew",    "niece",
        "cousin",   "grandson", "granddaughter", "stepson",  "stepdaughter", "twin",      "baby",
        "children", "sons",     "daughters"};
    return k.count(w) != 0;
}

bool is_common_acronym(std::string_view w) {
    static const Words k = {"us", "uk", "eu", "un", "bp", "gm", "ge", "tv", "pm", "mp", "ft",
                            "ap", "ai", "ok", "id", "it", "hq", "pr", "dj", "mc", "ad", "bc",
                            "vs", "nz", "sa", "fa", "ec", "pc", "hk", "ny", "la", "dc", "nj",
                            "ba", "ca", "cd", "dr", "mr", "st", "oj", "ii", "iv", "vi"};
    return k.count(w) != 0;
}

std::string_view canonical_title(std::string_view w) {
    static const std::unordered_map<std::string_view, std::string_view> k = {
        {"sen", "senator"},
        {"senate", "senator"},
        {"gov", "governor"},
        {"rep", "representative"},
        {"congressman", "representative"},
        {"congresswoman", "representative"},
        {"chairwoman", "chairman"},
        {"chair", "chairman"},
        {"gen", "general"},
        {"col", "colonel"},
        {"capt", "captain"},
        {"prof", "professor"},
        {"rev", "reverend"},
        {"mr", ""},
        {"mrs", ""},
        {"ms", ""},
        {"miss", ""},
        {"former", ""},
        {"deputy", ""},
        {"vice", ""},
        {"assistant", ""},
        {"of", ""},
        {"the", ""},
        {"executive", ""}};
    auto it = k.find(w);
    return it == k.end() ? w : it->second;
}

bool is_familiar_form(std::string_view nick, std::string_view given) {
    static const std::unordered_multimap<std::string_view, std::string_view> k = {
        {"jim", "james"},         {"jimmy", "james"},       {"jamie", "james"},
        {"bill", "william"},      {"billy", "william"},     {"will", "william"},
        {"bob", "robert"},        {"bobby", "robert"},      {"rob", "robert"},
        {"robbie", "robert"},     {"dick", "richard"},      {"rick", "richard"},
        {"tom", "thomas"},        {"tommy", "thomas"},      {"mike", "michael"},
        {"mick", "michael"},      {"dave", "david"},        {"steve", "stephen"},
        {"steve", "steven"},      {"joe", "joseph"},        {"ed", "edward"},
        {"eddie", "edward"},      {"ted", "edward"},        {"tony", "anthony"},
        {"chris", "christopher"}, {"andy", "andrew"},       {"ron", "ronald"},
        {"ronnie", "ronald"},     {"don", "donald"},        {"ken", "kenneth"},
        {"fred", "frederick"},    {"freddie", "frederick"}, {"freddy", "frederick"},
        {"alex", "alexander"},    {"nick", "nicholas"},     {"pete", "peter"},
        {"sam", "samuel"},        {"dan", "daniel"},        {"danny", "daniel"},
        {"matt", "matthew"},      {"pat", "patrick"},       {"jerry", "gerald"},
        {"larry", "lawrence"},    {"charlie", "charles"},   {"chuck", "charles"},
        {"jack", "john"},         {"johnny", "john"},       {"jeff", "jeffrey"},
        {"greg", "gregory"},      {"ben", "benjamin"},      {"tim", "timothy"},
        {"liz", "elizabeth"},     {"beth", "elizabeth"},    {"betty", "elizabeth"},
        {"kate", "katherine"},    {"kate", "catherine"},    {"maggie", "margaret"},
        {"sue", "susan"},         {"jenny", "jennifer"},    {"harry", "henry"}};
    auto [from, to] = k.equal_range(nick);
    for (auto it = from; it != to; ++it)
        if (it->second == given) return true;
    return false;
}

}  // namespace graf::analysis
