#pragma once
// Turns one article into its Xapian documents (one per paragraph). Pure
// computation, no database access, so indexing threads run it in parallel;
// each thread owns one analyzer (the stemmer cache is not shared).
#include <xapian.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/quotes.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/token.hpp"
#include "corpus/article.hpp"
#include "schema/record_codec.hpp"

namespace graf::indexer {

/// What the reader decided about an article before it is analysed.
struct ArticleChange {
    std::string key;         ///< schema::article_key of its full id
    std::string hash;        ///< content_hash, stored in metadata to skip unchanged articles
    std::string delete_key;  ///< an older version to delete first (its key), or empty
};

struct AnalyzedArticle {
    std::string id;  ///< the full id (schema::full_id)
    ArticleChange change;
    std::size_t shard = 0;  ///< which database of a sharded index it goes to
    std::vector<Xapian::Document> paragraphs;
    /// The article as one document (schema::kArticleWordPrefix), written
    /// after its paragraphs.
    Xapian::Document article;
    std::uint64_t bytes = 0;
    /// The index's mean article length, which the writer normalises the
    /// article document's wdf by (set by WriterSet: article_norms.hpp).
    double mean_length = 0;
    /// What the writer compresses the paragraphs' records with (set by
    /// WriterSet when the index has a dictionary: schema/record_codec.hpp).
    const schema::RecordCompressor* records = nullptr;
    /// The paragraphs' records are in their stored form already (compressed
    /// by an analysis thread once the dictionary existed).
    bool records_stored = false;
    /// (stem, word) pairs this analyzer had not sent to this article's shard
    /// before, for the shard's stem variant lists (schema::kStemKeyPrefix).
    /// The writer drops ones already there.
    std::vector<std::pair<std::string, std::string>> new_variants;
};

/// Puts the paragraphs' records in their stored form: compressed with
/// `records`, or plain without a dictionary (schema/record_codec.hpp). The
/// analysis threads do it once the index has a dictionary; the writer does
/// it for the articles analysed before (the first ones train it).
void store_records(AnalyzedArticle& a, const schema::RecordCompressor* records);

/// Hash of everything that ends up in the index for `article` (its full id
/// and location too), including the schema version, so a schema change
/// re-indexes everything. Computed once per article, by the reader.
std::string content_hash(const corpus::Article& article);

class ArticleAnalyzer {
  public:
    /// `shards`: how many databases the index has. Each must list the
    /// variants of its own words, so it can be searched alone (a shard
    /// of a remote index that is down, a shard opened by itself).
    explicit ArticleAnalyzer(std::size_t shards = 1);
    AnalyzedArticle analyze(const corpus::Article& article, ArticleChange change);

  private:
    static void add_body_words(Xapian::Document& doc, const std::vector<analysis::Token>& tokens);
    void add_capitalised(Xapian::Document& doc, const analysis::Token& t);
    void add_name_pairs(Xapian::Document& doc, std::string_view text,
                        const std::vector<analysis::Token>& tokens);
    void add_surname_terms(Xapian::Document& doc, const std::string& name);
    void add_mention(Xapian::Document& doc, Xapian::Document& article,
                     const analysis::NameMention& m);
    void add_unresolved(Xapian::Document& doc, const analysis::UnresolvedMention& u);
    void add_article_word(Xapian::Document& doc, std::string_view prefix, const std::string& word);
    void add_quotes(Xapian::Document& doc, std::string_view text);
    void note_variants(const std::vector<analysis::Token>& tokens, AnalyzedArticle& out);

    analysis::Stemmer stemmer_;
    analysis::NameFinder names_;
    analysis::QuoteFinder quotes_;
    std::vector<analysis::Quote> found_quotes_;
    std::vector<analysis::Token> tokens_;
    std::vector<analysis::Token> title_tokens_;
    std::vector<analysis::NameMention> mentions_;
    analysis::ArticleNames article_names_;
    std::string term_;
    /// Per shard: words whose variant pair was emitted for that shard.
    std::vector<std::unordered_set<std::string>> known_words_;
};

}  // namespace graf::indexer
