#pragma once
// Pseudo-relevance feedback (RM3, Lavrenko & Croft's relevance model with
// the original query mixed back in): the words that dominate the top-ranked
// hits are added to the query, so a long question also finds the
// paragraphs that say the same thing in other words.
#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace graf::searcher {

// Chosen on `make eval` as a whole (2026-12-06, schema 8): 10 stems at
// 0.25 against 20 at 0.2 gained MED MAP 0.543 -> 0.549 (nDCG@10 0.676 ->
// 0.691), CRAN 0.324 -> 0.327, LISA 0.386 -> 0.391, lost CISI 0.001; 0.3
// lost LISA and NPL; 5 or 20 documents were worse on LISA or CRAN. Fewer
// stems also make the second match cheaper. Then (2026-12-07, schema 12)
// 12 documents and 15 stems against 10 and 10, MAP: CISI 0.2301 -> 0.2294,
// CRAN 0.3281 -> 0.3305, LISA 0.3915 -> 0.4002, MED 0.5491 -> 0.5554 (nDCG@10
// 0.6919 -> 0.6944), NPL 0.2970 -> 0.2998; the neighbours gain too (11 or
// 13 documents with 15 stems, 12 with 12: the five collections' MAP summed
// +0.016 to +0.018, against +0.020), 15 documents lost CRAN and LISA. The
// long queries of `make bench` take ~12% longer (the second match's words).
struct FeedbackOptions {
    unsigned docs = 12;    ///< top hits (one per article) the model is built from
    unsigned terms = 15;   ///< expansion stems kept
    double lambda = 0.25;  ///< weight of the expansion against the original query
};

// Feedback widens free-word queries of at least this many content words by
// default: long questions, whose words are the reader's guess at the
// vocabulary of the answer. A second match is the price; on `make eval` it
// gave MAP +0.04 on MED, +0.01-0.02 on CRAN and NPL, and nothing measurable
// elsewhere, while 2-4 word queries (most news searches) stay one match.
// Shorter ones are widened on request (SearchRequest::expand): every
// collection gains (2026-12-07, MAP: MED 0.5554 -> 0.5789, Reuters topics
// 0.5533 -> 0.5683, NPL 0.2998 -> 0.3036), but a 1-4 word query takes
// 5-50 times as long on Reuters (median 0.07-0.47 ms -> 3.7-5.6 ms: the
// hits' word lists and the added words' postings).
constexpr std::size_t kFeedbackMinWords = 5;

// A short query says less about its topic than a long question, so its
// expansion weighs more: lambda 0.4 below kFeedbackMinWords words. With
// every query widened, lambda 0.25 / 0.35 / 0.4 / 0.45 / 0.55 for the short
// ones gave Reuters topics MAP 0.5639 / 0.5676 / 0.5683 / 0.5693 / 0.5703,
// MED 0.5755 / 0.5775 / 0.5789 / 0.5794 / 0.5822, NPL 0.3032 / 0.3034 /
// 0.3036 / 0.3034 / 0.3014 (nDCG@10 fell from 0.45 on: Reuters 0.8026 ->
// 0.7950). A floor on the expansion's scale instead (as if the query had 3-5
// words) gained Reuters topics only 0.565.
FeedbackOptions feedback_options(std::size_t own_words);

struct ExpansionTerm {
    std::string stem;
    double weight = 0;  ///< share of the kept model; the shares add up to 1
};

/// The relevance model of the first `options.docs` hits of `top`: the stems
/// that dominate their words, without the query's own (`own_stems`). Only
/// terms with `prefix` count (`""`: paragraph body words; schema's article
/// word prefix: article documents), read without it.
std::vector<ExpansionTerm> relevance_terms(const Xapian::Database& db, const Xapian::MSet& top,
                                           std::string_view prefix,
                                           const std::vector<std::string>& own_stems,
                                           const FeedbackOptions& options);

/// The query for one stem in the widened query (its variants, a prefix).
using StemQuery = std::function<Xapian::Query(const std::string& stem)>;

/// `original` OR the expansion, weighted (1 - lambda) : lambda, the
/// expansion scaled to weigh about what `own_words` original words weigh.
Xapian::Query widen(const Xapian::Query& original, const std::vector<ExpansionTerm>& terms,
                    const StemQuery& stem_query, std::size_t own_words,
                    const FeedbackOptions& options);

}  // namespace graf::searcher
