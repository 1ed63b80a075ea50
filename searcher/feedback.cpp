#include "searcher/feedback.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"

namespace graf::searcher {
namespace {

// A word of the index under `prefix`: prefixed terms (titles, names, pairs,
// booleans) start with a capital, words with a lower-case letter, a digit
// or a non-ASCII letter. Single characters carry no topic.
bool is_word(const std::string& term, std::string_view prefix) {
    if (term.size() < prefix.size() + 2 || term.compare(0, prefix.size(), prefix) != 0)
        return false;
    const unsigned char c = static_cast<unsigned char>(term[prefix.size()]);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// P(w | R): each hit's word distribution, weighted by its share of the hits'
// total score (a stand-in for the query likelihood the relevance model is
// defined with). Grouped by stem: a lower-case word matches every variant.
std::unordered_map<std::string, double> relevance_model(const Xapian::Database& db,
                                                        const Xapian::MSet& top,
                                                        std::string_view prefix, unsigned docs) {
    std::unordered_map<std::string, double> model;
    double total_weight = 0;
    unsigned n = 0;
    for (auto it = top.begin(); it != top.end() && n < docs; ++it, ++n)
        total_weight += it.get_weight();
    if (total_weight <= 0) return model;
    analysis::Stemmer stem;
    n = 0;
    for (auto it = top.begin(); it != top.end() && n < docs; ++it, ++n) {
        const Xapian::docid did = *it;
        const double length = std::max<double>(1, db.get_doclength(did));
        const double share = it.get_weight() / total_weight;
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string term = *t;
            if (!is_word(term, prefix)) continue;
            const std::string word = term.substr(prefix.size());
            if (analysis::is_stopword(word)) continue;
            model[analysis::is_stemmable(word) ? stem(word) : word] += share * t.get_wdf() / length;
        }
    }
    return model;
}

}  // namespace

FeedbackOptions feedback_options(std::size_t own_words) {
    FeedbackOptions options;
    if (own_words < kFeedbackMinWords) options.lambda = 0.4;
    return options;
}

std::vector<ExpansionTerm> relevance_terms(const Xapian::Database& db, const Xapian::MSet& top,
                                           std::string_view prefix,
                                           const std::vector<std::string>& own_stems,
                                           const FeedbackOptions& options) {
    const auto model = relevance_model(db, top, prefix, options.docs);
    const std::unordered_set<std::string> own(own_stems.begin(), own_stems.end());
    std::vector<ExpansionTerm> terms;
    for (const auto& [stem, p] : model)
        if (!own.count(stem)) terms.push_back({stem, p});
    const std::size_t keep = std::min<std::size_t>(options.terms, terms.size());
    // Ties broken by stem so the expansion does not depend on hash order.
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(keep), terms.end(),
                      [](const ExpansionTerm& a, const ExpansionTerm& b) {
                          return a.weight != b.weight ? a.weight > b.weight : a.stem < b.stem;
                      });
    terms.resize(keep);
    double mass = 0;
    for (const ExpansionTerm& t : terms) mass += t.weight;
    for (ExpansionTerm& t : terms) t.weight /= mass;
    return terms;
}

Xapian::Query widen(const Xapian::Query& original, const std::vector<ExpansionTerm>& terms,
                    const StemQuery& stem_query, std::size_t own_words,
                    const FeedbackOptions& options) {
    if (terms.empty()) return original;
    const double scale = static_cast<double>(std::max<std::size_t>(1, own_words));
    std::vector<Xapian::Query> added;
    for (const ExpansionTerm& t : terms)
        added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, stem_query(t.stem), scale * t.weight);
    using Q = Xapian::Query;
    return Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, original, 1 - options.lambda),
             Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, added.begin(), added.end()), options.lambda));
}

}  // namespace graf::searcher
