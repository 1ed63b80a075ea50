// Indexing into a full or read-only file system fails with a clear message
// (exit 4) and leaves the existing index intact. Needs root to mount a small
// tmpfs; elsewhere the test says it was skipped.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// A tmpfs of `megabytes` at `dir`, unmounted when the object goes.
class SmallDisk {
  public:
    SmallDisk(const std::filesystem::path& dir, int megabytes) : dir_(dir) {
        std::filesystem::create_directories(dir);
        const std::string options = "size=" + std::to_string(megabytes) + "m";
        mounted_ = geteuid() == 0 && mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }
    bool make_read_only() {
        return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

  private:
    std::filesystem::path dir_;
    bool mounted_ = false;
};

std::filesystem::path big_corpus(const TempDir& dir) {
    const auto path = dir / "big.jsonl";
    std::ofstream f(path);
    for (int a = 0; a < 3000; ++a) {
        f << R"({"id": "b)" << a << R"(", "body": ")";
        for (int w = 0; w < 150; ++w) f << "word" << (a * 151 + w) % 50000 << ' ';
        f << "\"}\n";
    }
    return path;
}

}  // namespace

TEST_CASE("disk: a full or read-only file system fails with exit 4 and the index stays intact") {
    TempDir tmp;
    SmallDisk disk(tmp / "disk", 3);
    if (!disk.mounted()) {
        MESSAGE("cannot mount a tmpfs here (not root, or no permission): skipped");
        return;
    }
    const auto db = tmp / "disk" / "db";
    index_sample(db);
    RunResult full = run_graf({"index", "--db", db.string(), big_corpus(tmp).string()});
    CHECK(full.exit_code == 4);
    CHECK(full.err.find("No space left") != std::string::npos);
    CHECK(full.err.find("run graf index again") != std::string::npos);
    CHECK(std::count(full.err.begin(), full.err.end(), '\n') == 1);
    // What was committed is there and searchable.
    json st = json::parse(run_graf({"stats", "--db", db.string(), "--json"}).out);
    CHECK(st["articles"].get<int>() >= 2);
    CHECK(search_json(db, {"--paragraphs", "Bannon"})["hits"].size() == 4);

    REQUIRE(disk.make_read_only());
    RunResult ro = run_graf(
        {"index", "--db", db.string(), sample_corpus().string(), (tmp / "big.jsonl").string()});
    CHECK(ro.exit_code == 4);
    CHECK(ro.err.find("ead-only") != std::string::npos);
    CHECK(search_json(db, {"--paragraphs", "Bannon"})["hits"].size() == 4);
}
