#include "searcher/name_corpus.hpp"

#include <algorithm>
#include <map>

#include "analysis/given_names.hpp"
#include "analysis/name_words.hpp"
#include "analysis/names.hpp"
#include "schema/schema.hpp"
#include "searcher/query_compiler.hpp"
#include "searcher/query_parser.hpp"

namespace graf::searcher {
namespace {

using Xapian::Query;

// The person must hold 97% of what the corpus links to the form (a
// surname, an initial and a surname, a rank and a surname): James and
// Howard Baker share "Baker", so neither gets it.
constexpr double kShare = 0.97;

std::string joined(const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

// "ronald reagan" → {"ronald", "reagan"}.
std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i <= s.size(); i = j + 1) {
        j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        words.push_back(s.substr(i, j - i));
    }
    return words;
}

// Xapian::Query has no "append to OR": collects the alternatives.
struct Alternatives {
    std::vector<Query> qs;
    void add(Query q) { qs.push_back(std::move(q)); }
    Query query() const {
        if (qs.empty()) return {};
        return qs.size() == 1 ? qs[0] : Query(Query::OP_OR, qs.begin(), qs.end());
    }
};

// The full names the corpus gives a surname (`XFbaker james baker`), with
// their paragraph counts.
std::map<std::string, Xapian::doccount> people_called(const Xapian::Database& db,
                                                      const std::string& surname) {
    std::map<std::string, Xapian::doccount> people;
    const std::string prefix = std::string(schema::kSurnamePrefix) + surname + ' ';
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        people[(*it).substr(prefix.size())] = it.get_termfreq();
    return people;
}

// Whether `a` and `b` differ by one letter changed, added or dropped after
// the first ("tana", "tama"; "justine", "justin"), both of three letters or
// more ("ma" and "mi" Bergamasco are brothers).
bool one_letter_off(const std::string& a, const std::string& b) {
    if (a.size() < 3 || b.size() < 3 || a[0] != b[0] || a == b) return false;
    const std::string& longer = a.size() >= b.size() ? a : b;
    const std::string& shorter = a.size() >= b.size() ? b : a;
    if (longer.size() - shorter.size() > 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    if (longer.size() == shorter.size())
        return longer.compare(i + 1, std::string::npos, shorter, i + 1) == 0;
    return longer.compare(i + 1, std::string::npos, shorter, i) == 0;
}

// Whether the corpus writes `w` mostly as the first word of a name (pairs
// of capitalised words starting with it, `XPjustin henin`): "Tama", not
// "Time" of Time Warner, which is a common word.
bool mostly_a_name(const Xapian::Database& db, const std::string& w) {
    const std::string prefix = std::string(schema::kPairPrefix) + w + ' ';
    Xapian::doccount named = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        named += it.get_termfreq();
    return 2 * named >= db.get_termfreq(w);
}

// "Tama Umaga" for Tana Umaga, "Justin Henin-Hardenne" for Justine: the
// full names of the surname whose given name is one letter off and the
// rest the same, when the corpus writes that given name mostly as a name.
// They count as this person only when, with them, the person holds the
// surname (the caller checks): a surname of many people (Cole, Walker) has
// Joe and Jole, Carol and Carole that could be two.
std::vector<std::string> misspelt_forms(const Xapian::Database& db,
                                        const std::map<std::string, Xapian::doccount>& people,
                                        const std::vector<std::string>& words) {
    std::vector<std::string> out;
    const std::string& given = words.front();
    const std::string rest = joined(std::vector<std::string>(words.begin() + 1, words.end()));
    for (const auto& [name, n] : people) {
        const std::size_t space = name.find(' ');
        if (space == std::string::npos || name.compare(space + 1, std::string::npos, rest) != 0)
            continue;
        const std::string other = name.substr(0, space);
        if (one_letter_off(given, other) && mostly_a_name(db, other)) out.push_back(name);
    }
    return out;
}

// "President Reagan", a bare "Mikulic": the surname the article never
// introduced, when the corpus gives it to this person. A bare word also
// needs to name this person in a third of the paragraphs that hold it, so
// "Ford" the company never stands for Gerald Ford.
void add_surname(const Xapian::Database& db, const std::string& surname, Xapian::doccount mine,
                 Xapian::doccount all, Alternatives& out) {
    if (mine < 2 || static_cast<double>(mine) < kShare * all) return;
    out.add(Query(std::string(schema::kTitledSurnamePrefix) + surname));
    if (3.0 * mine >= db.get_termfreq(surname))
        out.add(Query(std::string(schema::kBareSurnamePrefix) + surname));
}

// "G Dempsey" on a team sheet: the people of that surname whose given name
// starts so. "Mi Bergamasco" beside "Ma Bergamasco": a given name cut to
// two letters, when no one else of the surname has a given name starting so.
void add_initials(const std::map<std::string, Xapian::doccount>& people,
                  const std::vector<std::string>& words, const std::vector<std::string>& forms,
                  const std::string& surname, Alternatives& out) {
    const std::string& given = words.front();
    Xapian::doccount mine = 0, all = 0;
    for (const auto& [name, n] : people) {
        if (name[0] != given[0]) continue;
        all += n;
        if (std::find(forms.begin(), forms.end(), name) != forms.end()) mine += n;
    }
    // The initial is evidence of its own: one paragraph naming the person
    // in full is enough.
    if (mine >= 1 && static_cast<double>(mine) >= kShare * all)
        out.add(Query(std::string(schema::kInitialSurnamePrefix) + surname + ' ' + given[0]));
    if (words.size() != 2 || given.size() < 3) return;
    for (const auto& [name, n] : people) {
        const std::size_t space = name.find(' ');
        if (space != 2 || name.compare(0, 2, given, 0, 2) != 0 ||
            name.size() != space + 1 + surname.size())
            continue;
        bool other = false;  // another given name of the surname starting so
        for (const auto& [name2, n2] : people)
            other = other || (name2.find(' ') > 2 && name2.compare(0, 2, given, 0, 2) == 0 &&
                              name2.compare(0, given.size() + 1, given + ' ') != 0);
        if (!other) out.add(Query(std::string(schema::kNamePrefix) + name));
    }
}

// "Baroness Kennedy", "Lord Kinnock" in articles that never give the full
// name: the rank and surname, when the corpus writes that rank with this
// person (`XRkennedy baroness helena kennedy`) and no one else.
void add_ranks(const Xapian::Database& db, const std::string& full, const std::string& surname,
               Alternatives& out) {
    const std::string prefix = std::string(schema::kRankPrefix) + surname + ' ';
    std::map<std::string, std::pair<Xapian::doccount, Xapian::doccount>> ranks;  // mine, all
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string rest = (*it).substr(prefix.size());
        const std::size_t space = rest.find(' ');
        if (space == std::string::npos) continue;
        auto& [mine, all] = ranks[rest.substr(0, space)];
        all += it.get_termfreq();
        if (rest.compare(space + 1, std::string::npos, full) == 0) mine = it.get_termfreq();
    }
    for (const auto& [rank, counts] : ranks)
        if (counts.first >= 1 && static_cast<double>(counts.first) >= kShare * counts.second)
            out.add(Query(std::string(schema::kNamePrefix) + rank + ' ' + surname));
}

// "Miguel Mancera Aguayo" is "Mancera" to the news, "Luiz Inacio Lula da
// Silva" is "Lula": a middle word that is no given name, when no one else
// has it as a surname.
void add_middle_surnames(const Xapian::Database& db, const std::vector<std::string>& words,
                         Xapian::doccount mine, Alternatives& out) {
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() <= 2 || analysis::is_given_name(w) || analysis::is_particle(w)) continue;
        Xapian::doccount others = 0;
        for (const auto& [name, n] : people_called(db, w)) others += n;
        add_surname(db, w, mine, mine + others, out);
    }
}

// Whether the last two words are a surname of two ("Kilroy-Silk",
// "Lewis-Francis", "da Silva"): the corpus writes them side by side more
// more often (by a fifth) than the given name and the next word: the
// news writes the surname alone too.
bool double_surname(const Xapian::Database& db, const std::vector<std::string>& words) {
    if (words.size() < 3) return false;
    const std::size_t n = words.size();
    auto pairs = [&](const std::string& a, const std::string& b) {
        return db.get_termfreq(std::string(schema::kPairPrefix) + a + ' ' + b);
    };
    return 5 * pairs(words[n - 2], words[n - 1]) > 6 * pairs(words[0], words[1]);
}

// "Lula da Silva", "Kilroy-Silk" named alone in an article that never gave
// the full name: the name without its first words, when the corpus has it
// as a name and its first word is no given name (else "Jessica Parker" would
// be Sarah Jessica Parker), or it is the surname of two.
void add_shorter_forms(const std::map<std::string, Xapian::doccount>& people,
                       const std::vector<std::string>& words, bool two_word_surname,
                       Alternatives& out) {
    for (std::size_t from = 1; from + 1 < words.size(); ++from) {
        const std::string& w = words[from];
        if (analysis::is_particle(w)) continue;
        const bool surname = two_word_surname && from + 2 == words.size();
        if (analysis::is_given_name(w) && !surname) continue;
        const std::string shorter = joined(std::vector<std::string>(
            words.begin() + static_cast<std::ptrdiff_t>(from), words.end()));
        if (people.count(shorter) != 0) out.add(Query(std::string(schema::kNamePrefix) + shorter));
    }
}

Query person_query(const Xapian::Database& db, const std::vector<std::string>& words);

// `--name "Dr Fox"`: the person the corpus writes that rank with, by all
// the ways the corpus names them, besides the rank and surname themselves.
Query rank_query(const Xapian::Database& db, const std::vector<std::string>& words) {
    const std::string prefix = std::string(schema::kRankPrefix) + words[1] + ' ' + words[0] + ' ';
    std::string best;
    Xapian::doccount most = 0, all = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        all += it.get_termfreq();
        if (it.get_termfreq() > most) {
            most = it.get_termfreq();
            best = (*it).substr(prefix.size());
        }
    }
    if (most == 0 || static_cast<double>(most) < kShare * all) return {};
    const std::vector<std::string> full = split_words(best);
    if (full.size() < 2 || full.back() != words[1]) return {};
    Alternatives out;
    out.add(name_terms_query(full));
    if (Query q = person_query(db, full); !q.empty()) out.add(q);
    return out.query();
}

Query person_query(const Xapian::Database& db, const std::vector<std::string>& words) {
    const std::string& surname = words.back();
    const std::string full = joined(words);
    const std::map<std::string, Xapian::doccount> people = people_called(db, surname);
    Xapian::doccount mine = 0, all = 0;
    for (const auto& [name, n] : people) {
        all += n;
        if (name == full) mine = n;
    }
    Alternatives out;
    // The forms of the name the corpus writes: the name and its misspellings,
    // when with them this person holds the surname.
    std::vector<std::string> forms = {full};
    Xapian::doccount misspelt = 0;
    for (const std::string& form : misspelt_forms(db, people, words)) {
        forms.push_back(form);
        misspelt += people.at(form);
    }
    if (forms.size() > 1 && static_cast<double>(mine + misspelt) >= kShare * all) {
        mine += misspelt;
        for (std::size_t i = 1; i < forms.size(); ++i)
            out.add(name_terms_query(split_words(forms[i])));
    } else {
        forms.resize(1);
    }
    // A bare "Francis" is no one's "Lewis-Francis".
    const bool two_word_surname = double_surname(db, words);
    if (!two_word_surname) add_surname(db, surname, mine, all, out);
    add_shorter_forms(people, words, two_word_surname, out);
    add_initials(people, words, forms, surname, out);
    add_ranks(db, full, surname, out);
    add_middle_surnames(db, words, mine, out);
    return out.query();
}

}  // namespace

Query corpus_name_query(const Xapian::Database& db, const std::vector<std::string>& words) {
    if (words.size() < 2) return {};
    if (words.size() == 2 && analysis::is_rank_title(words[0]) &&
        !analysis::is_given_name_rank(words[0]))
        return rank_query(db, words);
    return person_query(db, words);
}

Query corpus_name_query(const Xapian::Database& db, std::string_view name) {
    return corpus_name_query(db, name_node(name)->terms);
}

}  // namespace graf::searcher
