// Searches while `graf index` commits: every search must succeed (Xapian's
// DatabaseModifiedError is retried after a reopen), including across the
// compaction swap at the end of a new index.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <fstream>

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
};

// Searches in a loop until the indexing process `pid` exits; returns its exit code.
int search_while_running(int pid, const std::filesystem::path& db, Tally& t) {
    for (;;) {
        int status = 0;
        pid_t done = waitpid(pid, &status, WNOHANG);
        RunResult r =
            run_graf({"search", "--db", db.string(), "--json", "--limit", "3", "market OR bannon"});
        ++t.searches;
        if (r.exit_code == 0) {
            ++t.ok;
            json j = json::parse(r.out, nullptr, false);
            CHECK_FALSE(j.is_discarded());
        } else if (r.exit_code == 2) {
            ++t.no_index;  // before the first commit: "run graf index"
            CHECK(r.err.find("graf index") != std::string::npos);
        } else {
            FAIL_CHECK("search failed during indexing: exit " << r.exit_code << ": " << r.err);
        }
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
}

}  // namespace

TEST_CASE("search: searches during a running graf index all succeed") {
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
    MESSAGE("searches during indexing: " << growing.searches << " (growing index), "
                                         << fresh.searches << " (new index, " << fresh.no_index
                                         << " before the first commit)");
}
