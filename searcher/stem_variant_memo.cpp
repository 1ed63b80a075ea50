#include "searcher/stem_variant_memo.hpp"

#include "schema/schema.hpp"

namespace graf::searcher {

// Each shard lists the variants of its own words; a word may be in several.
const std::vector<std::string>& StemVariantMemo::of(const std::vector<Xapian::Database>& shards,
                                                    const std::string& stem) {
    if (auto found = known_.find(stem); found != known_.end()) return found->second;
    if (known_.size() >= kMaxStems) known_.clear();
    const std::string key = schema::stem_key(stem);
    std::string merged;
    for (const Xapian::Database& shard : shards)
        schema::for_each_variant(shard.get_metadata(key),
                                 [&](std::string_view w) { schema::add_variant(merged, w); });
    std::vector<std::string>& words = known_[stem];
    schema::for_each_variant(merged, [&](std::string_view w) { words.emplace_back(w); });
    return words;
}

}  // namespace graf::searcher
