#include "indexer/article_norms.hpp"

#include "schema/schema.hpp"

namespace graf::indexer {
namespace {

double b_of(const std::string& term) {
    return term.compare(0, schema::kArticleNamePrefix.size(), schema::kArticleNamePrefix) == 0
               ? schema::kArticleNameLengthB
               : schema::kArticleLengthB;
}

}  // namespace

double article_length(const Xapian::Document& article) {
    double length = 0;
    for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) length += t.get_wdf();
    return length;
}

Xapian::Document normalised_article(const Xapian::Document& article, double mean) {
    const double length = article_length(article);
    Xapian::Document out;
    for (auto t = article.termlist_begin(); t != article.termlist_end(); ++t) {
        const Xapian::termcount wdf = t.get_wdf();
        if (wdf == 0)
            out.add_boolean_term(*t);
        else
            out.add_term(*t, schema::article_wdf(wdf, length, mean, b_of(*t)));
    }
    for (auto v = article.values_begin(); v != article.values_end(); ++v)
        out.add_value(v.get_valueno(), *v);
    return out;
}

}  // namespace graf::indexer
