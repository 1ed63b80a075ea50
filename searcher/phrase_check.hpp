#pragma once
// A phrase checked against the paragraph's own text. Since schema 12 the
// index keeps no positions for stopwords and none for the words of
// quotations (XQ): together 11.6 MB of the Reuters index's 127.7 MB. A
// phrase with a stopword ("Bank of England") or inside a quotation
// (said:"good authority") finds its candidates by the positions it has
// (its other words in order, within the phrase's span) and this source keeps
// those whose text has the words side by side, at the positions the indexer
// gave them (and each inside a quotation, for said:"…"). It reads the
// record of each candidate the rest of the query lets through: AND-ed last
// (its estimate is its rarest word's frequency), it is asked about a
// document only once the positions agree.
//
// Like every graf posting source it runs only on local shards
// (xapian-tcpsrv knows no graf code): with a remote shard the query keeps
// its position-only candidates (QueryContext::phrase_check).
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/token.hpp"

namespace graf::searcher {

/// Whether `tokens` (analysis::tokenize of a paragraph) hold `terms` at
/// consecutive positions, each token inside one of `spans` (byte ranges,
/// sorted) when `spans` is given. The rule the index's phrases followed.
bool has_phrase(const std::vector<analysis::Token>& tokens, const std::vector<std::string>& terms,
                const std::vector<std::pair<std::uint32_t, std::uint32_t>>* spans = nullptr);

/// A cheap yes for has_phrase: `terms` written out plainly in `text`, apart
/// by spaces only, each word in lower case, Capitalised, in CAPITALS or the
/// same digits, with nothing the tokenizer would glue to either end (and
/// inside one of `spans` when given). False says nothing.
bool written_plainly(std::string_view text, const std::vector<std::string>& terms,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>* spans = nullptr);

class PhraseCheckSource : public Xapian::PostingSource {
  public:
    /// `terms`: the phrase's words as indexed (folded, unstemmed);
    /// `in_quotes`: said:"…", every word inside a quotation.
    PhraseCheckSource(std::vector<std::string> terms, bool in_quotes);
    /// Documents already checked, by shard UUID: a search runs its query
    /// more than once (the match, then an exact count), each run with a
    /// clone of the source, and the count re-checked every candidate.
    using Checked = std::map<std::string, std::unordered_map<Xapian::docid, bool>>;

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return ended_; }
    Xapian::docid get_docid() const override { return current_; }
    PhraseCheckSource* clone() const override;
    std::string name() const override { return "graf::PhraseCheckSource"; }
    std::string get_description() const override;

  private:
    bool matches(Xapian::docid did);
    bool check_document(Xapian::docid did);
    bool positions_agree(Xapian::docid did);
    void set_estimates(Xapian::doccount n) { estimate_ = n; }
    void advance_from(Xapian::docid did);

    std::vector<std::string> terms_;
    bool in_quotes_;
    std::shared_ptr<Checked> checked_ = std::make_shared<Checked>();
    std::unordered_map<Xapian::docid, bool>* shard_checked_ = nullptr;
    /// The words with positions (no stopwords), each with its offset in the phrase.
    std::vector<std::pair<std::string, Xapian::termpos>> positioned_;
    Xapian::doccount estimate_ = 0;
    std::string driver_;  ///< the rarest word's term: next() walks its postings
    Xapian::Database db_;
    Xapian::PostingIterator at_;
    Xapian::doccount driver_freq_ = 0;
    Xapian::docid current_ = 0;
    bool ended_ = false;
    std::vector<analysis::Token> tokens_;  ///< reused per document
};

/// The query of a phrase (`terms` as indexed; with `in_quotes` said:"…",
/// inside a quotation). Words that all have positions: Xapian's phrase.
/// Otherwise the words with positions in order within the phrase's span,
/// every word present, and, when `check` (local shards), a
/// PhraseCheckSource. Weighted as Xapian's phrase of the same words was:
/// the body's words, or the quotation's (XQ) for said:.
Xapian::Query phrase_query(const std::vector<std::string>& terms, bool in_quotes = false,
                           bool check = true);

}  // namespace graf::searcher
