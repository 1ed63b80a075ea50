#pragma once
// Free-word queries rank articles as a whole. Each article has an article
// document (schema::kArticleWordPrefix: every word of its body, and of its
// title as a field of its own); those are ranked with BM25, then each shown
// article's best paragraph is found among its own paragraphs for the
// snippet. Ranking by the best paragraph alone loses articles whose words
// are spread over paragraphs or the title (`make eval`, Reuters topics: MAP
// 0.51 by best paragraph, 0.55 by article). Mixing in the best paragraph's
// score (0.7 article : 0.3 paragraph) was no better on Reuters and lost
// 0.01-0.02 MAP on CRAN and LISA: not kept.
#include <xapian.h>

#include <string>
#include <vector>

namespace graf::searcher {

struct ArticleHit {
    Xapian::docid article_doc = 0;
    double article_weight = 0;     ///< BM25 of the article document
    unsigned paragraph_count = 0;  ///< its paragraphs (0: not known, schema 6)
    /// Its key (value slot 0), read only where its paragraphs are found by
    /// their XA terms (a remote shard, schema 6, schema 7 article documents).
    std::string key;
    Xapian::docid paragraph = 0;  ///< best matching paragraph; 0: none matched (title only)
    double paragraph_weight = 0;
    unsigned matching_paragraphs = 0;
    /// The keys of articles with the same title and text (schema 7), not shown.
    std::vector<std::string> duplicates;
};

struct ArticleRanking {
    std::vector<ArticleHit> hits;  ///< best first: the page asked for
    Xapian::doccount total = 0;    ///< matching articles
    bool total_exact = false;
    Xapian::MSet articles;  ///< the article match (its term statistics, for suggestions)
};

/// How many article documents the index has (0 before schema 6). The
/// functions below take it as `articles`: look it up once per revision.
double article_count(const Xapian::Database& db);

/// BM25 (k1, b) for article documents, normalising lengths by the mean
/// article length although Xapian's mean spans paragraphs and articles.
Xapian::BM25Weight article_weight(const Xapian::Database& db, double articles, double k1, double b);

/// BM25 for article documents with graf's k1 and b: with `lengths_in_wdf`
/// (schema 10: schema::article_wdf wrote b into the wdf) b = 0 and k1
/// scaled as the wdf was, which reads no document length.
Xapian::BM25Weight article_weight(const Xapian::Database& db, double articles, bool lengths_in_wdf);

/// One word over article documents: its variants in the body (`A`) OR,
/// weighted by kTitleWeight, in the title (`AS`), each OP_SYNONYM scaled so
/// its idf is the one among articles, not among all documents. Adds to
/// `documents` the article documents its terms are in (summed: a bound).
Xapian::Query article_word_query(const Xapian::Database& db, double articles,
                                 const std::vector<std::string>& words, double& documents);

/// A `--name` over article documents: its mentions (`AN`, resolved), and its
/// `words` in the title (AND_MAYBE, weighted by kTitleWeight).
Xapian::Query article_name_query(const Xapian::Database& db, double articles,
                                 const std::string& key, const std::vector<std::string>& words,
                                 double& documents);

struct ArticleQuery {
    Xapian::Query articles;                  ///< over article documents
    Xapian::Query paragraphs;                ///< the same words over paragraphs: picks the best one
    Xapian::doccount first = 0, count = 10;  ///< the page
    /// The shards' UUIDs (local_shard_uuids): an article's paragraphs are
    /// found by id; empty: by XA term (a remote shard, schema 6).
    std::vector<std::string> shard_uuids;
    /// At least the number of matching articles before filters (the
    /// words' summed frequencies), or any larger number when unknown.
    Xapian::doccount upper_bound = Xapian::doccount(-1);
    /// Whether `articles` has a filter (dates), which can only lower the
    /// bound: then Xapian's bound is asked for.
    bool filtered = false;
    double articles_in_index = 1;  ///< article_count(), for the weight
    bool lengths_in_wdf = false;   ///< for the weight: see article_weight
};

/// The page of articles for `query`, paragraphs weighted by `paragraph_weight`.
ArticleRanking rank_articles(const Xapian::Database& db, const ArticleQuery& query,
                             const Xapian::Weight& paragraph_weight);

}  // namespace graf::searcher
