#include "indexer/shards.hpp"

#include <fmt/format.h>

#include <xapian.h>

#include <fstream>

#include "indexer/compactor.hpp"
#include "indexer/index_builder.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

// The stub's first line for a parallel build; Xapian reads '#' lines as comments.
constexpr std::string_view kMergeMark =
    "# graf: a parallel build, merged into one database when a graf index run completes";

// `--shards N` given to an unmerged parallel build of N shards: the user
// wants them kept, so the stub loses its mark (rewritten atomically).
void keep_shards(const fs::path& db) {
    std::ifstream in(db / kStubFile);
    std::string line, rest;
    std::getline(in, line);
    while (std::getline(in, line)) rest += line + "\n";
    in.close();
    const fs::path tmp = db / (std::string(kStubFile) + ".tmp");
    std::ofstream(tmp) << rest;
    std::error_code ec;
    fs::rename(tmp, db / kStubFile, ec);
    if (ec)
        throw IndexError(
            fmt::format("{}: cannot rewrite the shard list: {}", db.string(), ec.message()));
}

}  // namespace

bool merge_pending(const fs::path& db) {
    std::ifstream stub(db / kStubFile);
    std::string line;
    return std::getline(stub, line) && line == kMergeMark;
}

std::vector<fs::path> shard_paths(const fs::path& db) {
    std::vector<fs::path> out;
    std::ifstream stub(db / kStubFile);
    std::string line;
    while (std::getline(stub, line)) {
        // graf writes "auto shard-NN"; relative to the stub's folder.
        if (line.rfind("auto ", 0) == 0) out.push_back(db / line.substr(5));
    }
    return out;
}

Layout prepare_layout(const fs::path& db, unsigned shards, unsigned build_writers) {
    std::error_code ec;
    // A compaction killed between its two renames left the index beside its
    // place (compactor.cpp): put it back rather than start afresh.
    const fs::path parked = db.string() + ".precompact";
    if (!fs::exists(db, ec) && fs::exists(parked, ec)) fs::rename(parked, db, ec);
    std::vector<fs::path> existing = shard_paths(db);
    const bool plain = fs::exists(db / "iamglass", ec);
    if (!existing.empty()) {
        if (shards != 0 && shards != existing.size())
            throw IndexError(
                fmt::format("{} has {} shards, not {}: index into a new --db to change the count",
                            db.string(), existing.size(), shards));
        if (shards != 0 && merge_pending(db)) keep_shards(db);
        return {existing, merge_pending(db)};
    }
    if (plain && shards > 1)
        throw IndexError(fmt::format(
            "{} is a single-database index: index into a new --db to shard it", db.string()));
    const bool parallel_build = !plain && shards == 0 && build_writers > 1;
    if (plain || (shards <= 1 && !parallel_build)) return {{db}, false};
    if (parallel_build) shards = build_writers;
    if (fs::is_directory(db, ec) && !fs::is_empty(db, ec))
        throw IndexError(fmt::format(
            "{}: this folder is not a graf index and not empty; choose another --db", db.string()));
    // Built beside its place and renamed into it (over an empty folder too),
    // so a search or a kill never meets a stub naming a shard not yet created.
    const fs::path building = db.string() + ".creating";
    fs::remove_all(building, ec);
    Layout out{{}, parallel_build};
    std::string stub = parallel_build ? std::string(kMergeMark) + "\n" : "";
    try {
        fs::create_directories(building);
        for (unsigned i = 0; i < shards; ++i) {
            const std::string name = fmt::format("shard-{:02}", i);
            Xapian::WritableDatabase((building / name).string(), Xapian::DB_CREATE, kBlockSize)
                .close();
            out.databases.push_back(db / name);
            stub += "auto " + name + "\n";
        }
        std::ofstream(building / kStubFile) << stub;
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

std::size_t shard_of(std::string_view article_key, std::size_t count) {
    return count <= 1 ? 0 : static_cast<std::size_t>(schema::fnv1a(article_key) % count);
}

}  // namespace graf::indexer
