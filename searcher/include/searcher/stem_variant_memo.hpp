#pragma once
// The indexed words of a stem (schema::kStemKeyPrefix metadata, merged over
// the shards), remembered for the revision a reader holds. A lookup is a
// block read per shard, a round trip for a remote one, and a query asks for
// a stem more than once (the query, the title, NEAR, the article ranking,
// feedback); a server meets the same words again and again.
#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace graf::searcher {

class StemVariantMemo {
  public:
    /// The indexed words with `stem`, in the order the shards list them
    /// (empty: none). The reference stays valid until the next call.
    const std::vector<std::string>& of(const std::vector<Xapian::Database>& shards,
                                       const std::string& stem);
    /// Forgets what was read: call after the index is reopened.
    void clear() { known_.clear(); }

  private:
    /// Beyond this many stems the memo starts afresh (a few MB at most).
    static constexpr std::size_t kMaxStems = 20000;
    std::unordered_map<std::string, std::vector<std::string>> known_;
};

}  // namespace graf::searcher
