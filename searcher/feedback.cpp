#include "searcher/feedback.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"

namespace graf::searcher {
namespace {

// Body words are the unprefixed terms: lower case or a digit first.
// Prefixed terms (titles, names, pairs, booleans) start with a capital.
bool is_body_word(const std::string& term) {
    if (term.size() < 2) return false;
    const unsigned char c = static_cast<unsigned char>(term[0]);
    return (c >= 'a' && c <= 'z') || c >= 0x80;
}

// P(w | R) over the feedback paragraphs: each paragraph's word distribution,
// weighted by its share of the hits' total score (a stand-in for the query
// likelihood the relevance model is defined with). Grouped by stem, since a
// lower-case query word matches every variant of its stem anyway.
std::unordered_map<std::string, double> relevance_model(const Xapian::Database& db,
                                                        const Xapian::MSet& top, unsigned docs) {
    double total_weight = 0;
    unsigned n = 0;
    for (auto it = top.begin(); it != top.end() && n < docs; ++it, ++n)
        total_weight += it.get_weight();
    std::unordered_map<std::string, double> model;
    if (total_weight <= 0) return model;
    analysis::Stemmer stem;
    n = 0;
    for (auto it = top.begin(); it != top.end() && n < docs; ++it, ++n) {
        const Xapian::docid did = *it;
        const double length = std::max<double>(1, db.get_doclength(did));
        const double share = it.get_weight() / total_weight;
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string term = *t;
            if (!is_body_word(term) || analysis::is_stopword(term)) continue;
            const std::string key = analysis::is_stemmable(term) ? stem(term) : term;
            model[key] += share * t.get_wdf() / length;
        }
    }
    return model;
}

}  // namespace

Xapian::Query expand_query(const Xapian::Database& db, const Xapian::MSet& top,
                           const Xapian::Query& original,
                           const std::vector<std::string>& query_stems, const VariantsOf& variants,
                           const FeedbackOptions& options) {
    std::unordered_map<std::string, double> model = relevance_model(db, top, options.docs);
    const std::unordered_set<std::string> own(query_stems.begin(), query_stems.end());
    std::vector<std::pair<double, std::string>> ranked;
    for (auto& [stem, p] : model)
        if (!own.count(stem)) ranked.emplace_back(p, stem);
    const std::size_t keep = std::min<std::size_t>(options.terms, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                      ranked.end(), std::greater<>());
    ranked.resize(keep);
    if (ranked.empty()) return original;
    double mass = 0;
    for (const auto& [p, stem] : ranked) mass += p;
    // Each expansion stem weighs its share of the model, scaled so that the
    // expansion as a whole weighs about what `n` original words weigh.
    const double n = std::max<double>(1, static_cast<double>(query_stems.size()));
    std::vector<Xapian::Query> added;
    for (const auto& [p, stem] : ranked) {
        std::vector<std::string> words = variants ? variants(stem) : std::vector<std::string>{};
        if (words.empty()) words.push_back(stem);
        std::vector<Xapian::Query> qs(words.begin(), words.end());
        Xapian::Query word =
            qs.size() == 1 ? qs[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, qs.begin(), qs.end());
        added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, word, n * p / mass);
    }
    Xapian::Query expansion(Xapian::Query::OP_OR, added.begin(), added.end());
    return Xapian::Query(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, original, 1 - options.lambda),
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, options.lambda));
}

}  // namespace graf::searcher
