#pragma once
// `graf search`: runs a query against the paragraph index, collapses hits by
// article, counts each article's matching paragraphs and builds snippets.
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/stemmer.hpp"
#include "analysis/token.hpp"
#include "searcher/article_ranking.hpp"
#include "searcher/open_index.hpp"
#include "searcher/query.hpp"
#include "searcher/snippet.hpp"
#include "searcher/stem_variant_memo.hpp"

namespace graf::searcher {

struct ExpansionTerm;  // searcher/feedback.hpp

struct SearchRequest {
    std::string query;  ///< query language; may be empty when `name` is set
    std::string name;   ///< --name "Full Name"
    std::string since, until;
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool paragraphs = false;  ///< every matching paragraph instead of the best per article
    bool sort_by_date = false;
    bool oldest_first = false;  ///< with sort_by_date: ascending (undated articles first)
    bool snippets = true;
    std::size_t snippet_chars = 240;
    bool suggest = true;
    bool feedback = true;  ///< widen long free-word questions (see kFeedbackMinWords)
    /// Widen every free-word query, however short: finds more of a topic's
    /// articles, at several times the time (see feedback_options).
    bool expand = false;
};

struct Hit {
    std::size_t rank = 0;  ///< from 1
    std::string article;   ///< the id its input gives it (JSON "id", .txt path): not unique
    std::string id;        ///< unique: "SOURCE:ARTICLE" (schema 6; older indexes: article)
    unsigned paragraph = 0;
    std::string title, date, source, url;
    double score = 0;
    unsigned matching_paragraphs = 1;  ///< in this article (collapsed searches)
    /// Articles with the same title and text, shown as this one (their ids;
    /// free-word and --name searches).
    std::vector<std::string> duplicates;
    Snippet snippet;
};

struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount total_estimate = 0;  ///< articles (or paragraphs with --paragraphs)
    bool total_exact = false;             ///< the total was counted, not estimated
    /// Xapian's bounds on the total (equal to it when exact): an estimate is
    /// shown with them, so it never looks more precise than it is.
    Xapian::doccount total_lower = 0, total_upper = 0;
    double took_ms = 0;
    std::optional<std::string> suggestion;  ///< the query with unknown words corrected
    bool natural_language = false;
    bool expanded = false;                     ///< widened by pseudo-relevance feedback
    std::vector<std::string> expansion;        ///< the words it was widened with
    std::size_t shards = 1;                    ///< shards searched
    std::vector<MissingShard> missing_shards;  ///< non-empty: results from the other shards only
};

class Searcher {
  public:
    /// allow_partial: shards that do not answer are left out (and listed in
    /// each result) instead of failing the search.
    explicit Searcher(const std::filesystem::path& db, bool allow_partial = false);
    /// Throws QueryError for a malformed query, ShardUnreachable when a
    /// shard stops answering (unless partial results are allowed).
    SearchResult search(const SearchRequest& request);
    Xapian::Database& database() { return index_.all; }
    /// Takes the index's newest committed revision (cheap when nothing
    /// changed); what was read from the old one is forgotten.
    void refresh();
    /// Shards written by a graf with another index schema (see open_index).
    const std::vector<StaleShard>& stale_shards() const { return index_.stale; }

  private:
    /// What a ranking hands to hit building: the page, the total, and the
    /// match whose term statistics tell which query words the index knows.
    struct Page {
        struct Entry {
            Xapian::docid doc;
            double score;
            unsigned matching;                    ///< matching paragraphs of its article
            std::vector<std::string> duplicates;  ///< articles with the same text
        };
        std::vector<Entry> entries;
        Xapian::doccount total = 0;
        Xapian::doccount lower = 0, upper = 0;  ///< Xapian's bounds on the total
        bool exact = false;
        std::vector<std::string> expansion;  ///< words added by feedback
        Xapian::MSet stats;
        std::string stats_prefix;  ///< the prefix of the query words in `stats`
    };

    void forget_revision();
    void note_schema(bool reopened);
    void read_revision();
    SearchResult run(const SearchRequest& request);
    ParsedQuery parse(const SearchRequest& request);
    bool ranks_by_article(const SearchRequest& request, const ParsedQuery& parsed) const;
    ArticleQuery article_query(const SearchRequest& request, const ParsedQuery& parsed);
    ArticleQuery name_article_query(const SearchRequest& request, const ParsedQuery& parsed);
    void finish(const SearchRequest& request, ArticleQuery& q, double matching) const;
    Xapian::Query unnamed_articles(const std::vector<std::string>& words, const std::string& key,
                                   const Xapian::Query& corpus, double& with_name);
    Page rank_by_article(const SearchRequest& request, const ParsedQuery& parsed);
    Page rank_by_paragraph(const SearchRequest& request, const ParsedQuery& parsed);
    Hit make_hit(const Page::Entry& entry, std::size_t rank, const SearchRequest& request,
                 const HighlightSpec& highlight);
    std::optional<std::string> suggest(const SearchRequest& request, const ParsedQuery& parsed,
                                       const Page& page);
    std::vector<std::string> words_of(const std::string& stem);
    std::vector<std::string> shown_words(const std::vector<ExpansionTerm>& terms);
    std::vector<std::string> feedback_stems(const SearchRequest& request,
                                            const ParsedQuery& parsed);

    std::filesystem::path path_;
    bool allow_partial_;
    OpenIndex index_;
    bool revision_read_ = false;   ///< articles_ and shard_uuids_ are the open revision's
    double articles_ = 0;          ///< article documents in the revision held (0: before schema 6)
    bool lengths_in_wdf_ = false;  ///< every shard is of this schema (note_schema)
    std::vector<std::string> shard_uuids_;  ///< local_shard_uuids: none when one is remote
    StemVariantMemo variants_;              ///< the revision's stem variants, read once each
    analysis::Stemmer stemmer_;  ///< for highlighting; its memo stays warm across searches
    std::vector<analysis::Token> tokens_;  ///< snippet scratch
};

}  // namespace graf::searcher
