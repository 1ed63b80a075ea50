#pragma once
// What the query compiler needs from the index: a word's stem variants, and
// the articles a clause mentions (for article-level NOT), plus the ranking
// numbers. The Searcher passes an IndexQueryContext; tests pass their own.
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "searcher/ranking.hpp"
#include "searcher/stem_variant_memo.hpp"

namespace graf::searcher {

/// Most articles one excluded clause (NOT b, -b) may name before the query
/// is refused: the exclusion is an OR of their XA terms.
inline constexpr std::size_t kMaxExcludedArticles = 20000;

class QueryContext {
  public:
    virtual ~QueryContext() = default;
    /// The indexed words that share `stem` (schema::kStemKeyPrefix).
    virtual std::vector<std::string> stem_variants(const std::string& stem) = 0;
    /// The article keys (value slot 0) of the paragraphs matching `query`,
    /// each once; at most `limit` of them (the caller asks for one more
    /// than it accepts, to know there were too many).
    virtual std::vector<std::string> articles_matching(const Xapian::Query& query,
                                                       std::size_t limit) = 0;
    /// The paragraphs of those articles, as a query: an OR of their XA
    /// terms (what a remote shard can run).
    virtual Xapian::Query articles_query(const std::vector<std::string>& keys);
    /// Every paragraph of the articles with a paragraph matching `query`, as
    /// a query, and how many articles (counted up to `limit` + 1; none: an
    /// empty query). By default articles_query of articles_matching.
    struct Excluded {
        Xapian::Query paragraphs;
        std::size_t articles = 0;
    };
    virtual Excluded articles_of(const Xapian::Query& query, std::size_t limit);
    /// The speaker keys saidby: and `graf quotes --name` mean: a full name
    /// itself; one word (a surname, "musk") every indexed speaker with that
    /// surname, or that one-word name, as `--name` matches them. This
    /// default has no index: the word itself.
    virtual std::vector<std::string> speakers_named(const std::vector<std::string>& words);
    /// Every paragraph of the articles whose article documents `articles`
    /// matches (title:, schema 12). This default has no index: the article
    /// documents' query itself stands for them (tests show its terms).
    virtual Xapian::Query paragraphs_of_articles(const Xapian::Query& articles);
    /// Whether a phrase the positions alone cannot settle may be checked
    /// against the paragraphs' text here (phrase_check.hpp: local shards
    /// only). This default has no index: no.
    virtual bool checks_phrases() { return false; }
    RankingOptions ranking;
    /// graf quotes: free words and phrases match inside quotations (the
    /// XQ terms), as said: does, instead of the body or the title.
    bool quote_words = false;
    /// Counting (graf serve's timeline and facets, graf timeline, graf
    /// facets): a free word also matches the paragraphs of the articles
    /// with it in their title (paragraphs_of_articles), as the article
    /// ranking of a search finds them. Searches leave it off: a paragraph
    /// matches for its own words, and it costs a match per word.
    bool titles_count = false;
};

/// The context of a search: variants from every shard's metadata (asked
/// once per stem: `variants` may be a reader's memo, kept across searches),
/// articles from a boolean match collapsed on slot 0.
class IndexQueryContext : public QueryContext {
  public:
    IndexQueryContext(Xapian::Database& all, const std::vector<Xapian::Database>& shards,
                      StemVariantMemo* variants = nullptr)
        : all_(all), shards_(shards), variants_(variants ? variants : &own_variants_) {}
    std::vector<std::string> stem_variants(const std::string& stem) override;
    std::vector<std::string> articles_matching(const Xapian::Query& query,
                                               std::size_t limit) override;
    /// On local shards an ArticleSetSource (query_article_set.hpp), which
    /// xapian-tcpsrv cannot run: with a remote shard, the XA terms.
    Xapian::Query articles_query(const std::vector<std::string>& keys) override;
    /// On local shards with article documents, the paragraphs by id
    /// (docid_list.hpp: no value read per paragraph); else by key.
    Excluded articles_of(const Xapian::Query& query, std::size_t limit) override;
    /// The XQS terms ending in the surname (the speaker terms are few).
    std::vector<std::string> speakers_named(const std::vector<std::string>& words) override;
    /// On local shards by id (docid_list.hpp); else (a remote shard, an
    /// index before schema 6) by the articles' keys (articles_query).
    Xapian::Query paragraphs_of_articles(const Xapian::Query& articles) override;
    /// On local shards; not with a remote one.
    bool checks_phrases() override { return all_local(); }

  private:
    bool all_local();
    Xapian::Database& all_;
    const std::vector<Xapian::Database>& shards_;
    StemVariantMemo own_variants_;
    StemVariantMemo* variants_;
    int local_ = -1;  ///< all shards local: 1, a remote one: 0, not yet known: -1
};

/// A context without an index: variants from a function (none: a word
/// matches only itself), articles from a function (none: the query may not
/// exclude, and says so).
class FixedQueryContext : public QueryContext {
  public:
    using Variants = std::function<std::vector<std::string>(const std::string&)>;
    using Articles = std::function<std::vector<std::string>(const Xapian::Query&)>;
    explicit FixedQueryContext(Variants variants = {}, Articles articles = {})
        : variants_(std::move(variants)), articles_(std::move(articles)) {}
    std::vector<std::string> stem_variants(const std::string& stem) override;
    std::vector<std::string> articles_matching(const Xapian::Query& query,
                                               std::size_t limit) override;

  private:
    Variants variants_;
    Articles articles_;
};

}  // namespace graf::searcher
