#include "indexer/compactor.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <chrono>
#include <set>

#include "indexer/index_builder.hpp"
#include "indexer/source_roots.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

// Merging shards meets each stem's variant list once per shard that has
// words with that stem: the merged list is their union, and so are a source
// name's roots. Other keys (the schema version, the article length sample)
// are equal in every shard; article hashes are in one only.
class ShardMerger : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& key, std::size_t num_tags,
                                           const std::string tags[]) override {
        // Xapian 1.4 passes the key as its postlist table stores it, behind a
        // two-byte "\0\xc0" metadata marker (seen in glass; undocumented).
        std::string_view name = key;
        if (name.size() >= 2 && name[0] == '\0') name.remove_prefix(2);
        if (name.substr(0, schema::kSourceRootKeyPrefix.size()) == schema::kSourceRootKeyPrefix) {
            std::set<std::string> roots;
            for (std::size_t i = 0; i < num_tags; ++i) split_roots(tags[i], roots);
            return join_roots(roots);
        }
        if (name.substr(0, schema::kStemKeyPrefix.size()) != schema::kStemKeyPrefix) return tags[0];
        std::string merged = tags[0];
        for (std::size_t i = 1; i < num_tags; ++i)
            schema::for_each_variant(tags[i],
                                     [&](std::string_view w) { schema::add_variant(merged, w); });
        return merged;
    }
};

}  // namespace

CompactStats compact_index(const fs::path& db) {
    const auto started = std::chrono::steady_clock::now();
    CompactStats stats;
    stats.bytes_before = schema::disk_bytes(db);
    // Siblings of the index, so the final renames stay on one file system.
    const fs::path fresh = schema::compacting_path(db);
    const fs::path old = schema::precompact_path(db);
    // Xapian reports an index it cannot write as locked: say what is wrong.
    if (std::string why = schema::writable_problem(db, true); !why.empty()) throw IndexError(why);
    std::error_code ec;
    fs::remove_all(fresh, ec);
    fs::remove_all(old, ec);
    try {
        // The write lock (of every shard) keeps `graf index` out until the
        // swap is done. A sharded index is merged into one database.
        std::vector<fs::path> shards = schema::shard_paths(db);
        if (shards.empty()) shards.push_back(db);
        std::vector<Xapian::WritableDatabase> locks;
        for (const fs::path& shard : shards) locks.emplace_back(shard.string(), Xapian::DB_OPEN);
        Xapian::Database source(db.string());
        ShardMerger merger;
        source.compact(fresh.string(), 0, kBlockSize,
                       merger);  // docids are internal: renumbering is fine
        source.close();
        // Two renames: a reader opening the index between them gets "no index"
        // for microseconds; one that has it open keeps its files.
        fs::rename(db, old);
        fs::rename(fresh, db);
        for (auto& lock : locks) lock.close();
    } catch (const Xapian::DatabaseLockError&) {
        fs::remove_all(fresh, ec);
        throw IndexError(fmt::format(
            "{}: a graf index run is writing to this index; compact it when it has finished",
            db.string()));
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh, ec);
        throw IndexError(fmt::format(
            "{}: compacting failed: {} (disk full or read-only?); the index is unchanged",
            db.string(), e.get_description()));
    } catch (const fs::filesystem_error& e) {
        // The first rename may have happened: put the original back.
        if (!fs::exists(db, ec) && fs::exists(old, ec)) fs::rename(old, db, ec);
        fs::remove_all(fresh, ec);
        throw IndexError(fmt::format("{}: compacting failed: {}; the index is unchanged",
                                     db.string(), e.what()));
    }
    fs::remove_all(old, ec);
    stats.bytes_after = schema::disk_bytes(db);
    stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

}  // namespace graf::indexer
