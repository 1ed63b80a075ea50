#include "indexer/shards.hpp"

#include <fmt/format.h>

#include <fstream>

#include "indexer/index_builder.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

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

std::vector<fs::path> prepare_layout(const fs::path& db, unsigned shards) {
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
        return existing;
    }
    if (plain || shards <= 1) {
        if (plain && shards > 1)
            throw IndexError(fmt::format(
                "{} is a single-database index: index into a new --db to shard it", db.string()));
        return {db};
    }
    if (fs::is_directory(db, ec) && !fs::is_empty(db, ec))
        throw IndexError(fmt::format(
            "{}: this folder is not a graf index and not empty; choose another --db", db.string()));
    fs::create_directories(db, ec);
    std::vector<fs::path> out;
    std::string stub;
    for (unsigned i = 0; i < shards; ++i) {
        const std::string name = fmt::format("shard-{:02}", i);
        out.push_back(db / name);
        stub += "auto " + name + "\n";
    }
    // Written first and atomically: a kill leaves either no stub or a whole
    // one (shards not yet created open as empty databases when written).
    const fs::path tmp = db / (std::string(kStubFile) + ".tmp");
    std::ofstream(tmp) << stub;
    fs::rename(tmp, db / kStubFile, ec);
    if (ec)
        throw IndexError(
            fmt::format("{}: cannot write the shard list: {}", db.string(), ec.message()));
    return out;
}

std::size_t shard_of(std::string_view article_key, std::size_t count) {
    return count <= 1 ? 0 : static_cast<std::size_t>(schema::fnv1a(article_key) % count);
}

}  // namespace graf::indexer
