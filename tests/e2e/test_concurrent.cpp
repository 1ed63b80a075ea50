// Searches while `graf index` commits: every search must succeed (Xapian's
// DatabaseModifiedError is retried after a reopen), including across the
// compaction swap at the end of a new index.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// A generated corpus big enough for a few seconds of indexing and many commits.
std::filesystem::path write_corpus(const TempDir& dir, int articles) {
    const auto path = dir / "big.jsonl";
    std::ofstream f(path);
    const char* words[] = {"market",   "shares", "bank",  "rates", "election",
                           "minister", "oil",    "trade", "court", "team"};
    for (int a = 0; a < articles; ++a) {
        std::string body;
        for (int p = 0; p < 6; ++p) {
            if (p) body += "\\n\\n";
            body += "Steve Bannon said the " + std::string(words[(a + p) % 10]) + " moved on day " +
                    std::to_string(a) + " while analysts watched the " + words[(a * 7 + p) % 10] +
                    " and the " + words[(a * 3 + p) % 10] + " closely.";
        }
        f << R"({"id": "gen-)" << a << R"(", "title": "Report )" << a
          << R"(", "date": "2024-01-01", "body": ")" << body << "\"}\n";
    }
    return path;
}

struct Tally {
    int searches = 0, ok = 0, no_index = 0;
    std::vector<std::string> failures;
};

// `readers` processes search in a loop (each from its own thread) until the
// indexing process `pid` exits; returns its exit code. Every answer must be
// consistent: an article is either absent or present with all its paragraphs.
int search_while_running(int pid, const std::filesystem::path& db, Tally& t, int readers = 3) {
    std::atomic<bool> finished{false};
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int reader = 0; reader < readers; ++reader) {
        threads.emplace_back([&, reader] {
            for (int n = 0; !finished; ++n) {
                const bool ranked = n % 2 == 0;
                const std::string article =
                    "gen-" + std::to_string((reader * 997 + n * 131) % 3000);
                RunResult r =
                    ranked ? run_graf({"search", "--db", db.string(), "--json", "--limit", "3",
                                       "market OR bannon"})
                           : run_graf({"search", "--db", db.string(), "--json", "--paragraphs",
                                       "--limit", "20", "article:" + article});
                std::lock_guard lock(mutex);
                ++t.searches;
                if (r.exit_code == 2 && r.err.find("graf index") != std::string::npos) {
                    ++t.no_index;  // before the first commit: "run graf index"
                    continue;
                }
                if (r.err.find("another version") != std::string::npos) {
                    t.failures.push_back("a warning while the index is written: " + r.err);
                    continue;
                }
                json j = json::parse(r.out, nullptr, false);
                if (r.exit_code != 0 || j.is_discarded()) {
                    t.failures.push_back("exit " + std::to_string(r.exit_code) + ": " + r.err);
                    continue;
                }
                if (!ranked && !j["hits"].empty() && j["hits"].size() != 6) {
                    t.failures.push_back(article + " has " + std::to_string(j["hits"].size()) +
                                         " of its 6 paragraphs");
                    continue;
                }
                ++t.ok;
            }
        });
    }
    int status = 0;
    waitpid(pid, &status, 0);
    finished = true;
    for (auto& th : threads) th.join();
    for (const std::string& f : t.failures) FAIL_CHECK("search during indexing: " << f);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("search: three reader processes during a running graf index all succeed, consistently") {
    TempDir dir;
    const auto corpus = write_corpus(dir, 3000);

    // An existing index that keeps growing: every search must answer.
    index_sample(dir / "db");
    Tally growing;
    int pid = start_graf(
        {"index", "--db", (dir / "db").string(), "--commit-every", "500", corpus.string()});
    CHECK(search_while_running(pid, dir / "db", growing) == 0);
    CHECK(growing.ok == growing.searches);
    CHECK(growing.searches >= 3);
    CHECK(search_json(dir / "db", {"--paragraphs", "article:gen-2999"})["hits"].size() == 6);

    // A new index, compacted and swapped in at the end: searches see no index
    // until the first commit, then answers; never a failure.
    Tally fresh;
    pid = start_graf(
        {"index", "--db", (dir / "new").string(), "--commit-every", "500", corpus.string()});
    CHECK(search_while_running(pid, dir / "new", fresh) == 0);
    CHECK(fresh.ok + fresh.no_index == fresh.searches);
    MESSAGE("searches by 3 concurrent readers during indexing: "
            << growing.searches << " (growing index), " << fresh.searches << " (new index, "
            << fresh.no_index << " before the first commit)");
}
