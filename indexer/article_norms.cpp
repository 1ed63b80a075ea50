#include "indexer/article_norms.hpp"

namespace graf::indexer {

// The length is the one Xapian would store, the summed wdf: boolean terms
// (markers, keys) count nothing. The mean includes this article, so the
// first article of a new index is normalised against itself (norm 1) and
// the mean settles within the first few dozen.
Xapian::Document ArticleNorms::normalise(const Xapian::Document& article) {
    double length = 0;
    for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) length += t.get_wdf();
    lengths_.articles += 1;
    lengths_.words += length;
    const double mean = lengths_.mean();

    Xapian::Document out;
    for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) {
        const Xapian::termcount wdf = t.get_wdf();
        if (wdf == 0)
            out.add_boolean_term(*t);
        else
            out.add_term(*t, schema::article_wdf(wdf, length, mean));
    }
    for (auto v = article.values_begin(); v != article.values_end(); ++v)
        out.add_value(v.get_valueno(), *v);
    return out;
}

}  // namespace graf::indexer
