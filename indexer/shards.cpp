#include "indexer/shards.hpp"

#include <fmt/format.h>

#include <xapian.h>

#include "indexer/compactor.hpp"
#include "indexer/index_builder.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

// Creates a sharded index of `shards` empty databases. Built beside its place
// and renamed into it (over an empty folder too), so a search or a kill never
// meets a stub naming a shard not yet created.
Layout create_sharded(const fs::path& db, unsigned shards, bool parallel_build) {
    std::error_code ec;
    const fs::path building = schema::creating_path(db);
    fs::remove_all(building, ec);
    Layout out{{}, parallel_build};
    schema::Stub stub{parallel_build, {}};
    try {
        fs::create_directories(building);
        for (unsigned i = 0; i < shards; ++i) {
            const std::string name = schema::shard_name(i);
            // Versioned from the start: a reader that opens the index
            // before this shard's first commit sees an empty shard of this
            // schema, not one "built by another version".
            Xapian::WritableDatabase shard((building / name).string(), Xapian::DB_CREATE,
                                           kBlockSize);
            shard.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
            shard.commit();
            shard.close();
            out.databases.push_back(db / name);
            stub.shards.push_back(name);
        }
        schema::write_stub(schema::stub_path(building), stub);
        fs::rename(building, db);
    } catch (const Xapian::Error& e) {
        fs::remove_all(building, ec);
        throw IndexError(
            fmt::format("{}: cannot create the index: {}", db.string(), e.get_description()));
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(building, ec);
        throw IndexError(fmt::format("{}: cannot create the index: {}", db.string(), e.what()));
    }
    return out;
}

}  // namespace

bool merge_pending(const fs::path& db) {
    return schema::read_stub(db).merge_pending;
}

Layout prepare_layout(const fs::path& db, unsigned shards, unsigned build_writers) {
    std::error_code ec;
    // A compaction killed between its two renames left the index beside its
    // place (compactor.cpp): put it back rather than start afresh.
    const fs::path parked = schema::precompact_path(db);
    if (!fs::exists(db, ec) && fs::exists(parked, ec)) fs::rename(parked, db, ec);
    schema::Stub stub = schema::read_stub(db);
    if (!stub.shards.empty()) {
        if (shards != 0 && shards != stub.shards.size())
            throw IndexError(
                fmt::format("{} has {} shards, not {}: index into a new --db to change the count",
                            db.string(), stub.shards.size(), shards));
        if (shards != 0 && stub.merge_pending) {
            // `--shards N` given to an unmerged parallel build of N shards:
            // the user wants them kept, so the stub loses its mark.
            stub.merge_pending = false;
            try {
                schema::write_stub(schema::stub_path(db), stub);
            } catch (const fs::filesystem_error& e) {
                throw IndexError(
                    fmt::format("{}: cannot rewrite the shard list: {}", db.string(), e.what()));
            }
        }
        return {schema::shard_paths(db), stub.merge_pending};
    }
    const bool plain = schema::is_database(db);
    if (plain && shards > 1)
        throw IndexError(fmt::format(
            "{} is a single-database index: index into a new --db to shard it", db.string()));
    const bool parallel_build = !plain && shards == 0 && build_writers > 1;
    if (plain || (shards <= 1 && !parallel_build)) return {{db}, false};
    if (fs::is_directory(db, ec) && !fs::is_empty(db, ec))
        throw IndexError(fmt::format(
            "{}: this folder is not a graf index and not empty; choose another --db", db.string()));
    return create_sharded(db, parallel_build ? build_writers : shards, parallel_build);
}

std::size_t shard_of(std::string_view local_key, std::size_t count) {
    return count <= 1 ? 0 : static_cast<std::size_t>(schema::fnv1a(local_key) % count);
}

}  // namespace graf::indexer
