// Indexing into a full or read-only file system fails with a clear message
// (exit 4) and leaves the existing index intact. Needs root to mount a small
// tmpfs; elsewhere the test says it was skipped.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

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

// Works everywhere (no mount needed): a file-size limit makes every write past
// 2 MB fail (EFBIG), as a full disk would, for the graf process only.
TEST_CASE("disk: writes failing mid-index (file size limit) exit 4, the index stays intact") {
    TempDir tmp;
    const auto db = tmp / "db";
    index_sample(db);
    const auto corpus = big_corpus(tmp);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit small = old;
    small.rlim_cur = 2 * 1024 * 1024;
    auto old_handler = signal(SIGXFSZ, SIG_IGN);  // inherited: the write fails instead of killing
    setrlimit(RLIMIT_FSIZE, &small);
    RunResult full =
        run_graf({"index", "--db", db.string(), "--commit-every", "200", corpus.string()});
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, old_handler);
    CHECK(full.exit_code == 4);
    CHECK(full.err.find("File too large") != std::string::npos);
    CHECK(full.err.find("run graf index again") != std::string::npos);
    CHECK(run_graf({"stats", "--db", db.string()}).exit_code == 0);  // opens
    CHECK(search_json(db, {"--paragraphs", "Bannon"})["hits"].size() == 4);
    // With room again, the next run completes it.
    RunResult again = run_graf({"index", "--db", db.string(), corpus.string()});
    CHECK(again.exit_code == 0);
    CHECK(json::parse(run_graf({"stats", "--db", db.string(), "--json"}).out)["articles"] == 3002);
}
