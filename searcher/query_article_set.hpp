#pragma once
// The paragraphs of a set of articles, by their article key (value slot 0),
// as one leaf of a query: what NOT / -word exclude. An OR of thousands of XA
// terms costs a B-tree cursor per term each time the query runs (Reuters,
// `oil -said`: 1.4 s); this source reads the key of only the paragraphs the
// rest of the query proposes (AND_NOT checks them one by one).
#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace graf::searcher {

class ArticleSetSource : public Xapian::ValuePostingSource {
  public:
    using Keys = std::shared_ptr<const std::unordered_set<std::string>>;
    explicit ArticleSetSource(Keys keys);

    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    ArticleSetSource* clone() const override { return new ArticleSetSource(keys_); }
    std::string name() const override { return "graf::ArticleSetSource"; }
    std::string get_description() const override;

  private:
    bool wanted() const { return keys_->count(get_value()) != 0; }
    void skip_unwanted(double min_wt);
    Keys keys_;
};

/// A query matching the paragraphs of the articles `keys`.
Xapian::Query article_set_query(const std::vector<std::string>& keys);

}  // namespace graf::searcher
