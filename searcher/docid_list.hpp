#pragma once
// Sets of document ids as one leaf of a query. An article's paragraphs are
// written just before its article document, one after the other, so their
// ids follow from the article document's id and its paragraph count
// (schema::kArticleParagraphsSlot): filtering by those ids costs no B-tree
// read, where a term per article (XA) opened a posting list each.
//
// Xapian 1.4 runs a posting source on each shard of a combined database
// with that shard's own ids, and tells it only the shard's Database: the
// source finds its shard's ids by the shard's UUID. A remote shard cannot
// run it at all (xapian-tcpsrv knows no graf code): callers fall back to
// XA terms there.
#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace graf::searcher {

/// Sorted, unique ids per shard, by the shard's UUID.
using DocidsByShard = std::map<std::string, std::vector<Xapian::docid>>;

class DocidListSource : public Xapian::PostingSource {
  public:
    explicit DocidListSource(std::shared_ptr<const DocidsByShard> ids);

    Xapian::doccount get_termfreq_min() const override { return count(); }
    Xapian::doccount get_termfreq_est() const override { return count(); }
    Xapian::doccount get_termfreq_max() const override { return count(); }
    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override;
    Xapian::docid get_docid() const override { return (*shard_)[at_]; }
    DocidListSource* clone() const override { return new DocidListSource(all_); }
    std::string name() const override { return "graf::DocidListSource"; }
    std::string get_description() const override;

  private:
    Xapian::doccount count() const { return Xapian::doccount(shard_ ? shard_->size() : 0); }
    static constexpr std::size_t kBefore = std::size_t(-1);  ///< before next() or skip_to()

    std::shared_ptr<const DocidsByShard> all_;
    const std::vector<Xapian::docid>* shard_ = nullptr;  ///< this shard's ids
    std::size_t at_ = kBefore;
};

/// A query matching exactly the documents `ids` (each shard's list sorted and unique).
Xapian::Query docid_list_query(DocidsByShard ids);

/// Where a document of a combined database of `shards` shards is: Xapian
/// gives shard s's local id l the id (l - 1) * shards + s + 1.
struct ShardDocid {
    std::size_t shard = 0;
    Xapian::docid local = 0;
};
ShardDocid locate(Xapian::docid combined, std::size_t shards);
Xapian::docid combined_id(ShardDocid at, std::size_t shards);

/// The local ids of the `paragraphs` paragraphs before `article`, in its shard.
std::vector<Xapian::docid> paragraph_ids(ShardDocid article, unsigned paragraphs);

/// The article documents of the paragraphs `paragraphs` matches in `all`
/// (whose shards are `shards`, with UUIDs `uuids`): each paragraph's is the
/// first article document after it in its shard, found by skipping along
/// the shard's article marker postings, sorted and unique per shard. One
/// posting list per shard instead of one per article (an XB term each).
DocidsByShard article_documents_of(const Xapian::Database& all,
                                   const std::vector<Xapian::Database>& shards,
                                   const std::vector<std::string>& uuids,
                                   const Xapian::Query& paragraphs);

/// Every paragraph of the articles with a paragraph `paragraphs` matches
/// (NOT b, -b leave out whole articles), or whose article document it
/// matches (title:, whose words only article documents hold since schema
/// 12), and how many articles those are:
/// an article's paragraphs are the ids after the previous article document
/// of its shard, up to its own. Only the shards' article marker postings
/// are read (keys in value slot 0 cost a value read per matching paragraph,
/// and a filter on them walked the slot of every candidate). Counting stops
/// past `limit` articles. Nothing when a shard with matches has no article
/// documents (an index before schema 6): callers fall back to article keys.
struct ArticleParagraphs {
    DocidsByShard ids;
    std::size_t articles = 0;
};
std::optional<ArticleParagraphs> paragraphs_of_articles(const Xapian::Database& all,
                                                        const std::vector<Xapian::Database>& shards,
                                                        const std::vector<std::string>& uuids,
                                                        const Xapian::Query& paragraphs,
                                                        std::size_t limit);

/// How many ids `ids` holds.
std::size_t size_of(const DocidsByShard& ids);

/// The shards' UUIDs in the combined database's order, or none when one is
/// remote or has no UUID (then ids cannot be told apart by shard).
std::vector<std::string> local_shard_uuids(const std::vector<Xapian::Database>& shards);

}  // namespace graf::searcher
