#include "analysis/name_kind.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "analysis/name_words.hpp"
#include "analysis/names.hpp"

namespace graf::analysis {
namespace {

using Words = std::unordered_set<std::string_view>;

std::vector<std::string_view> split(std::string_view s, char by = ' ') {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = s.find(by, i);
        if (j == std::string_view::npos) j = s.size();
        if (j > i) words.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return words;
}

// Places of more than one word that news names often (one-word places are
// never indexed as names: a name has two or more words).
bool is_known_place(std::string_view name) {
    static const Words k = {"united states",
                            "united kingdom",
                            "south africa",
                            "north korea",
                            "south korea",
                            "new zealand",
                            "new york",
                            "new delhi",
                            "new jersey",
                            "new orleans",
                            "new england",
                            "new mexico",
                            "new south wales",
                            "hong kong",
                            "sri lanka",
                            "los angeles",
                            "las vegas",
                            "san francisco",
                            "san diego",
                            "sao paulo",
                            "rio de janeiro",
                            "buenos aires",
                            "northern ireland",
                            "saudi arabia",
                            "great britain",
                            "west germany",
                            "east germany",
                            "west bank",
                            "middle east",
                            "far east",
                            "latin america",
                            "south america",
                            "north america",
                            "central america",
                            "ivory coast",
                            "costa rica",
                            "puerto rico",
                            "el salvador",
                            "abu dhabi",
                            "tel aviv",
                            "kuala lumpur",
                            "cape town",
                            "st petersburg",
                            "west indies",
                            "east timor",
                            "czech republic",
                            "dominican republic",
                            "united arab emirates",
                            "washington dc",
                            "capitol hill",
                            "old trafford",
                            "stamford bridge",
                            "west africa",
                            "east africa",
                            "north africa",
                            "south asia",
                            "southeast asia",
                            "west midlands",
                            "east anglia",
                            "north sea",
                            "persian gulf",
                            "soviet union",
                            "new hampshire",
                            "north carolina",
                            "south carolina",
                            "west virginia",
                            "united states of america",
                            "rhode island",
                            "papua new guinea",
                            "sierra leone",
                            "bosnia herzegovina",
                            "san jose",
                            "santa monica",
                            "beverly hills",
                            "new caledonia",
                            "gaza strip",
                            "british columbia",
                            "third world",
                            "western europe",
                            "eastern europe",
                            "west coast",
                            "east coast",
                            "la paz"};
    return k.count(name) != 0;
}

bool is_place_end(std::string_view w) {
    static const Words k = {"street",   "road",    "square", "island",    "islands",   "valley",
                            "bay",      "river",   "park",   "airport",   "avenue",    "coast",
                            "gulf",     "sea",     "ocean",  "mountains", "province",  "region",
                            "district", "heights", "hills",  "strait",    "peninsula", "stadium",
                            "arena",    "lane",    "bridge", "county",    "shire",     "borough"};
    return k.count(w) != 0;
}

bool is_event_end(std::string_view w) {
    static const Words k = {
        "nations",   "cup",      "slam",         "open",          "games",      "olympics",
        "awards",    "festival", "championship", "championships", "prix",       "series",
        "year",      "day",      "week",         "trophy",        "tournament", "marathon",
        "classic",   "masters",  "war",          "eve",           "summit",     "election",
        "elections", "budget",   "olympic",      "paralympics",   "grammys",    "oscars",
        "baftas",    "globes",   "show",         "ceremony",      "conference"};
    return k.count(w) != 0;
}

// Words that make a name an organisation's besides the finder's own list:
// parties, clubs, firms, papers.
bool is_org_name_word(std::string_view w) {
    // clang-format off
    static const Words k = {
        "labour", "conservatives", "tories", "dems", "dem", "lib", "democrats",
        "democrat", "republicans", "united", "rovers", "athletic", "wanderers",
        "fc", "rangers", "celtic", "albion", "hotspur", "villa",
        "madrid", "milan", "boerse", "telegraph", "guardian", "mail",
        "express", "herald", "tribune", "gazette", "mirror", "electric",
        "energy", "petroleum", "telecom", "media", "pictures", "entertainment",
        "music", "press", "service", "services", "channel", "radio",
        "television", "capital", "partners", "financial", "insurance", "investments",
        "technologies", "software", "airline", "mps", "peers", "lords",
        "commons", "conservative", "liberal", "league", "brothers", "sons",
        "trust", "authority", "organisation", "organization", "alliance", "forces",
        "communications", "pharmaceuticals", "chemicals", "steel", "mining", "oil",
        "community", "force", "cooperation", "markets", "administration", "bancorp",
        "stores", "ventures"};
    // clang-format on
    return k.count(w) != 0;
}

bool is_adjective(std::string_view w) {
    static const Words k = {"african", "korean",  "asian",   "european", "arab",   "latin",
                            "world",   "western", "eastern", "muslim",   "jewish", "islamic"};
    return k.count(w) != 0;
}

}  // namespace

std::string_view kind_label(NameKind k) {
    switch (k) {
        case NameKind::Person:
            return "person";
        case NameKind::Organisation:
            return "organisation";
        case NameKind::Place:
            return "place";
        case NameKind::Event:
            return "event";
        case NameKind::Fragment:
            return "fragment";
        case NameKind::Other:
            return "other";
    }
    return "person";
}

std::vector<NameKind> parse_kinds(std::string_view list, std::string& bad) {
    static const NameKind all[] = {NameKind::Person, NameKind::Organisation, NameKind::Place,
                                   NameKind::Event,  NameKind::Fragment,     NameKind::Other};
    std::vector<NameKind> kinds;
    for (const std::string_view k : split(list, ',')) {
        bool known = false;
        for (NameKind kind : all)
            if (k == "all" || k == kind_label(kind) ||
                (k == "organization" && kind == NameKind::Organisation)) {
                kinds.push_back(kind);
                known = true;
            }
        if (!known) {
            bad = k;
            return {};
        }
    }
    return kinds;
}

bool is_organisation_word(std::string_view w) {
    return is_org_word(w) || is_org_name_word(w);
}

bool may_name_organisation(std::string_view w) {
    if (w.size() < 2 || w.find(' ') != std::string_view::npos) return false;
    if (is_descriptor(w) && !is_org_name_word(w)) return false;  // "British", not "Labour"
    return !is_adjective(w) && !is_title(w) && !is_role(w) && !is_calendar_word(w) &&
           !is_never_name(w) && !is_sentence_starter(w) && !is_particle(w);
}

NameKind name_kind(std::string_view name) {
    const std::vector<std::string_view> words = split(name);
    if (words.empty()) return NameKind::Fragment;
    if (is_known_place(name)) return NameKind::Place;
    const std::string_view first = words.front(), last = words.back();
    if (is_rank_title(first)) return NameKind::Person;  // "prince charles"
    // "Republic of Ireland", "Kingdom of Spain", "Irish Republic": a country
    // (or the team named for it), though "republic" is an organisation word.
    if (last == "republic" ||
        (words.size() >= 3 && words[1] == "of" && (first == "republic" || first == "kingdom")))
        return NameKind::Place;
    // "Class B" (shares), "Co Inc": a letter or the tail of an organisation's name.
    if (last.size() == 1) return NameKind::Fragment;
    if (std::all_of(words.begin(), words.end(), [](std::string_view w) { return is_org_word(w); }))
        return NameKind::Fragment;
    if (is_event_end(last) && !is_org_name_word(first))
        return NameKind::Event;  // not "United Nations"
    // "Labour MPs", "Finance Ministers", "Polish MEPs": people named by
    // their role and party, country or department, many of them: no one's
    // name ("Ottawa Senators" may be a team, "House of Lords" is a body).
    const auto qualifies = [](std::string_view w) {
        return is_org_name_word(w) || is_descriptor(w) || is_adjective(w);
    };
    if (last.size() >= 3 && last.back() == 's' && is_title(last.substr(0, last.size() - 1)) &&
        std::all_of(words.begin(), words.end() - 1, qualifies))
        return NameKind::Fragment;
    // "Champions League", "Premier League", "National Hockey League": a
    // competition, as a cup is; not "Arab League", named for its members.
    if (last == "league" && words.size() >= 2 && !is_org_name_word(first) &&
        !is_descriptor(first) && !is_adjective(first))
        return NameKind::Event;
    for (std::string_view w : words)
        if (is_org_word(w) || is_org_name_word(w)) {
            // "Downing Street", "Wall Street": a street before an organisation word.
            if (is_place_end(last) && !is_org_name_word(last)) return NameKind::Place;
            return NameKind::Organisation;
        }
    if (is_place_end(last)) return NameKind::Place;
    if (is_event_end(last)) return NameKind::Event;
    // "South African", "Labour MP": an adjective or a role is no one's name.
    if (is_descriptor(last) || is_title(last) || is_adjective(last)) return NameKind::Fragment;
    return NameKind::Person;
}

std::string display_name(std::string_view name) {
    std::string out;
    const std::vector<std::string_view> words = split(name);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string w(words[i]);
        if (!out.empty()) out += ' ';
        if (w == "mps" || w == "mp" || w == "meps") {
            out += w == "mps" ? "MPs" : w == "mp" ? "MP" : "MEPs";
            continue;
        }
        // "JK Rowling", "EF Hutton": glued initials.
        static const Words given = {"al", "ed", "jo", "bo", "mo", "ty", "cy", "di",
                                    "de", "le", "la", "du", "da", "li", "wu", "hu"};
        if (i == 0 && w.size() == 2 && words.size() > 1 && given.count(w) == 0 && !is_org_word(w)) {
            for (char& c : w) c = static_cast<char>(c - 32);
            out += w;
            continue;
        }
        if (i > 0 && (w == "and" || w == "of" || w == "the" || w == "for")) {
            out += w;
            continue;
        }
        // "van Persie", "bin Laden": a particle inside a name stays lower case.
        const bool lower = i > 0 && i + 1 < words.size() && is_particle(w) && w != "de" &&
                           w != "di" && w != "le" && w != "la" && w != "al";
        bool start = !lower;
        for (std::size_t c = 0; c < w.size(); ++c) {
            if (start && w[c] >= 'a' && w[c] <= 'z') w[c] = static_cast<char>(w[c] - 32);
            // O'Driscoll, D'Arcy; McDonald; Lewis-Francis.
            start = w[c] == '-' || (w[c] == '\'' && c == 1) ||
                    (c == 1 && w[0] == 'M' && w[1] == 'c' && w.size() > 3);
        }
        out += w;
    }
    return out;
}

}  // namespace graf::analysis
