// Extra checks on the real corpora in ../shared, when this machine has them.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <random>
#include <thread>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
// The BBC corpus folder, or nothing (with a note) on a machine without ../shared.
std::optional<std::string> bbc_corpus() {
    auto shared = shared_dir();
    if (!shared) MESSAGE("../shared not present: skipped");
    if (!shared) return std::nullopt;
    return (*shared / "corpus" / "bbc").string();
}
}  // namespace

TEST_CASE("shared BBC corpus: counts, Latin-1 file, and name search") {
    auto bbc = bbc_corpus();
    if (!bbc) return;
    TempDir tmp;
    auto db = tmp / "db";
    RunResult r = run_graf({"index", "--db", db.string(), *bbc});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("sport/199.txt: not valid UTF-8") != std::string::npos);
    json s = json::parse(run_graf({"stats", "--db", db.string(), "--json"}).out);
    CHECK(s["articles"] == 2225);
    CHECK(s["paragraphs"] == 10547);

    // The Latin-1 byte stays a pound sign.
    json pound = search_json(db, {"--paragraphs", "--limit", "50", "--snippet-chars", "100000", "article:sport/199"});
    std::string all;
    for (const auto& h : pound["hits"]) all += h["snippet"].get<std::string>();
    CHECK(all.find("£") != std::string::npos);
    CHECK(all.find("\uFFFD") == std::string::npos);

    // --name "Tony Blair" finds Mr Blair / Blair’s paragraphs of articles that introduced him.
    json blair = search_json(db, {"--paragraphs", "--limit", "2000", "--snippet-chars", "100000", "--name", "Tony Blair"});
    int surname_only = 0;
    for (const auto& h : blair["hits"]) {
        std::string text = h["snippet"];
        if (text.find("Tony Blair") == std::string::npos) {
            ++surname_only;
            CHECK(text.find("Blair") != std::string::npos);
        }
    }
    CHECK(surname_only > 50);
    CHECK(blair["hits"].size() > 200);
}

TEST_CASE("shared BBC corpus: kill -9 while indexing leaves an index that opens, and the next run completes it") {
    auto corpus = bbc_corpus();
    if (!corpus) return;
    TempDir tmp;
    auto db = tmp / "db";
    const std::string& bbc = *corpus;
    std::mt19937 rng(42);
    int opened = 0;
    for (int round = 0; round < 5; ++round) {
        int pid = start_graf({"index", "--db", db.string(), "--commit-every", "500", bbc});
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 900));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (!fs::exists(db / "iamglass")) continue;  // killed before the first commit
        Xapian::Database x(db.string());             // opens
        ++opened;
        RunResult st = run_graf({"stats", "--db", db.string(), "--json"});
        CHECK((st.exit_code == 0 || st.exit_code == 2));  // 2: nothing committed yet
    }
    CHECK(opened > 0);
    RunResult finish = run_graf({"index", "--db", db.string(), bbc});
    CHECK(finish.exit_code == 0);
    json s = json::parse(run_graf({"stats", "--db", db.string(), "--json"}).out);
    CHECK(s["articles"] == 2225);
    CHECK(s["paragraphs"] == 10547);  // nothing duplicated, nothing lost
}
