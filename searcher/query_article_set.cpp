#include "searcher/query_article_set.hpp"

#include "schema/schema.hpp"

namespace graf::searcher {

ArticleSetSource::ArticleSetSource(Keys keys)
    : Xapian::ValuePostingSource(schema::kArticleSlot), keys_(std::move(keys)) {}

void ArticleSetSource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    set_termfreq_min(0);  // paragraphs of other articles are skipped
    set_termfreq_est(std::min<Xapian::doccount>(get_termfreq_max(),
                                                static_cast<Xapian::doccount>(keys_->size())));
}

void ArticleSetSource::skip_unwanted(double min_wt) {
    while (!at_end() && !wanted()) Xapian::ValuePostingSource::next(min_wt);
}

void ArticleSetSource::next(double min_wt) {
    Xapian::ValuePostingSource::next(min_wt);
    skip_unwanted(min_wt);
}

void ArticleSetSource::skip_to(Xapian::docid did, double min_wt) {
    Xapian::ValuePostingSource::skip_to(did, min_wt);
    skip_unwanted(min_wt);
}

// Xapian's contract: true when positioned on `did` (a match) or where
// skip_to(did) would be; false when `did` does not match and the position is
// left for next()/skip_to() to move on from.
bool ArticleSetSource::check(Xapian::docid did, double min_wt) {
    if (!Xapian::ValuePostingSource::check(did, min_wt)) return false;
    if (at_end()) return true;
    if (get_docid() != did) {
        skip_unwanted(min_wt);
        return true;
    }
    return wanted();
}

std::string ArticleSetSource::get_description() const {
    return "graf::ArticleSetSource(" + std::to_string(keys_->size()) + " articles)";
}

Xapian::Query article_set_query(const std::vector<std::string>& keys) {
    auto set = std::make_shared<const std::unordered_set<std::string>>(keys.begin(), keys.end());
    return Xapian::Query((new ArticleSetSource(std::move(set)))->release());
}

}  // namespace graf::searcher
