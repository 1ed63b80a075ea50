#include "searcher/name_corpus.hpp"

#include "schema/schema.hpp"

namespace graf::searcher {

// The thresholds: the person must hold 97% of the paragraphs that name
// anyone of that surname (James and Howard Baker share "Baker": neither
// does), in at least 2 paragraphs. A bare surname ("Mikulic is trying") also
// needs the word itself to name this person in a third of the paragraphs
// that hold it, so "Ford" the company never stands for Gerald Ford.
Xapian::Query corpus_name_query(const Xapian::Database& db, const std::vector<std::string>& words) {
    if (words.size() < 2) return {};
    const std::string& surname = words.back();
    std::string full;
    for (const std::string& w : words) full += (full.empty() ? "" : " ") + w;
    const std::string prefix = std::string(schema::kSurnamePrefix) + surname + ' ';
    Xapian::doccount mine = 0, all = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        all += it.get_termfreq();
        if (*it == prefix + full) mine = it.get_termfreq();
    }
    if (mine < 2 || static_cast<double>(mine) < 0.97 * all) return {};
    Xapian::Query q(std::string(schema::kTitledSurnamePrefix) + surname);
    if (3.0 * mine >= db.get_termfreq(surname))
        q = Xapian::Query(Xapian::Query::OP_OR, q,
                          Xapian::Query(std::string(schema::kBareSurnamePrefix) + surname));
    return q;
}

}  // namespace graf::searcher
