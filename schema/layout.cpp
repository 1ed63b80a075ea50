#include "schema/layout.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace graf::schema {
namespace fs = std::filesystem;

namespace {
// The stub's first line for a parallel build; Xapian reads '#' lines as comments.
constexpr std::string_view kMergeMark =
    "# graf: a parallel build, merged into one database when a graf index run completes";

fs::path sibling(const fs::path& db, std::string_view suffix) {
    return fs::path(db.string() + std::string(suffix));
}
}  // namespace

fs::path stub_path(const fs::path& db) {
    return db / kStubFile;
}
fs::path creating_path(const fs::path& db) {
    return sibling(db, ".creating");
}
fs::path compacting_path(const fs::path& db) {
    return sibling(db, ".compacting");
}
fs::path precompact_path(const fs::path& db) {
    return sibling(db, ".precompact");
}

std::string shard_name(unsigned i) {
    return fmt::format("shard-{:02}", i);
}

bool is_database(const fs::path& db) {
    std::error_code ec;
    return fs::exists(db / "iamglass", ec) || fs::exists(db / "iamchert", ec);
}

Stub read_stub(const fs::path& db) {
    Stub stub;
    std::ifstream in(stub_path(db));
    std::string line;
    for (bool first = true; std::getline(in, line); first = false) {
        if (first && line == kMergeMark) stub.merge_pending = true;
        if (line.rfind("auto ", 0) == 0) stub.shards.push_back(line.substr(5));
    }
    return stub;
}

void write_stub(const fs::path& file, const Stub& stub) {
    std::string text = stub.merge_pending ? std::string(kMergeMark) + "\n" : "";
    for (const std::string& shard : stub.shards) text += "auto " + shard + "\n";
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text;
        out.close();
        if (!out)
            throw fs::filesystem_error("cannot write the shard list", tmp,
                                       std::make_error_code(std::errc::io_error));
    }
    fs::rename(tmp, file);
}

std::vector<fs::path> shard_paths(const fs::path& db) {
    std::vector<fs::path> out;
    for (const std::string& shard : read_stub(db).shards) out.push_back(db / shard);
    return out;
}

std::uint64_t disk_bytes(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
    std::uint64_t total = 0;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

namespace {

// One path this process must be able to write, or why not.
std::string unwritable(const fs::path& path, bool is_folder) {
    if (access(path.c_str(), W_OK) == 0) return {};
    const int err = errno;
    if (err == ENOENT) return {};
    if (err == EROFS)
        return fmt::format("{} is on a read-only file system; index into a writable --db",
                           path.string());
    return fmt::format("{} is not writable by this user ({}); {}", path.string(),
                       std::strerror(err),
                       is_folder ? "fix its permissions or choose another --db"
                                 : "fix the permissions of the index's files");
}

std::string unwritable_database(const fs::path& db) {
    if (std::string why = unwritable(db, true); !why.empty()) return why;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(db, ec)) {
        std::error_code fec;
        if (entry.is_regular_file(fec)) {
            if (std::string why = unwritable(entry.path(), false); !why.empty()) return why;
        }
    }
    return {};
}

}  // namespace

std::string writable_problem(const fs::path& db, bool siblings) {
    std::error_code ec;
    fs::path parent = db.parent_path();
    if (parent.empty()) parent = ".";
    if (!fs::exists(db, ec)) {
        while (!parent.empty() && !fs::exists(parent, ec) && parent != parent.parent_path())
            parent = parent.parent_path();
        return unwritable(parent, true);
    }
    if (fs::is_directory(db, ec)) {
        if (std::string why = unwritable_database(db); !why.empty()) return why;
        for (const fs::path& shard : shard_paths(db))
            if (std::string why = unwritable_database(shard); !why.empty()) return why;
    }
    return siblings ? unwritable(parent, true) : std::string{};
}

}  // namespace graf::schema
