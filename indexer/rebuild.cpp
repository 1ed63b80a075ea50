#include "indexer/rebuild.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/compactor.hpp"
#include "indexer/index_builder.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

void copy_kept(const Xapian::Database& from, Xapian::WritableDatabase& to,
               const std::unordered_set<std::string>& deleted) {
    // The collapse-key values say which article each document belongs to,
    // without reading the documents that go.
    for (auto it = from.valuestream_begin(schema::kArticleSlot);
         it != from.valuestream_end(schema::kArticleSlot); ++it)
        if (!deleted.count(*it)) to.add_document(from.get_document(it.get_docid()));
    const std::string hash_prefix(schema::kHashKeyPrefix);
    for (auto it = from.metadata_keys_begin(); it != from.metadata_keys_end(); ++it) {
        const std::string& key = *it;
        if (key.compare(0, hash_prefix.size(), hash_prefix) == 0 &&
            deleted.count(key.substr(hash_prefix.size())))
            continue;
        to.set_metadata(key, from.get_metadata(key));
    }
}

}  // namespace

void rebuild_without(const fs::path& db, const std::unordered_set<std::string>& deleted) {
    const fs::path fresh = schema::compacting_path(db);
    const fs::path old = schema::precompact_path(db);
    std::error_code ec;
    fs::remove_all(fresh, ec);
    fs::remove_all(old, ec);
    try {
        Xapian::WritableDatabase lock(db.string(), Xapian::DB_OPEN);  // keeps graf index out
        {
            Xapian::Database from(db.string());
            Xapian::WritableDatabase to(fresh.string(), Xapian::DB_CREATE, kBlockSize);
            copy_kept(from, to, deleted);
            to.commit();
        }
        fs::rename(db, old);
        fs::rename(fresh, db);
        lock.close();
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh, ec);
        throw IndexError(fmt::format("{}: pruning failed: {}; the index is unchanged", db.string(),
                                     e.get_description()));
    } catch (const fs::filesystem_error& e) {
        if (!fs::exists(db, ec) && fs::exists(old, ec)) fs::rename(old, db, ec);
        fs::remove_all(fresh, ec);
        throw IndexError(
            fmt::format("{}: pruning failed: {}; the index is unchanged", db.string(), e.what()));
    }
    fs::remove_all(old, ec);
}

}  // namespace graf::indexer
