// The query language through `graf search`, on the sample corpus: what NOT,
// -word and NOTPARA exclude, NEAR with phrases and names, pasted text, the
// free-word group, --explain.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {
constexpr const char* kSeed1 = "000_e09bedad7cb2df9b";  // title "Elon Musk’s little antics…"
constexpr const char* kSeed2 = "003_84c52f86285699e3";  // no title

struct Sample {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    Sample() { index_sample(db); }
    std::set<std::string> paragraphs(const std::string& query) { return paragraph_hits(db, query); }
};

std::string p(const char* article, int n) {
    return std::string(article) + "#" + std::to_string(n);
}
}  // namespace

TEST_CASE("query language: NOT and -word exclude articles, NOTPARA paragraphs") {
    Sample s;
    // Bannon is in seed1 ¶6 and seed2 ¶1-3; fracas only in seed2 ¶1.
    const std::set<std::string> seed1_only = {p(kSeed1, 6)};
    CHECK(s.paragraphs("Bannon NOT fracas") == seed1_only);
    CHECK(s.paragraphs("Bannon -fracas") == seed1_only);
    CHECK(s.paragraphs("-fracas Bannon") == seed1_only);
    CHECK(s.paragraphs("Bannon NOTPARA fracas") ==
          std::set<std::string>{p(kSeed1, 6), p(kSeed2, 2), p(kSeed2, 3)});
    // #14: a minus after a field clause excludes, whichever comes first. The
    // antics article mentions Bannon (¶6), so it is left out whole …
    CHECK(s.paragraphs("title:antics -Bannon").empty());
    CHECK(s.paragraphs("-Bannon title:antics").empty());
    CHECK(s.paragraphs("title:antics NOT Bannon").empty());
    // … while NOTPARA keeps its paragraphs that do not.
    std::set<std::string> antics_without_bannon;
    for (int i = 1; i <= 5; ++i) antics_without_bannon.insert(p(kSeed1, i));
    CHECK(s.paragraphs("title:antics NOTPARA Bannon") == antics_without_bannon);
    CHECK(s.paragraphs("date:2025-01-27 -Bannon").empty());  // both articles name him
}

TEST_CASE("query language: NEAR with a phrase or a name") {
    Sample s;
    CHECK(s.paragraphs("\"Steve Bannon\" NEAR/5 Trump") == std::set<std::string>{p(kSeed1, 6)});
    CHECK(s.paragraphs("Musk NEAR/3 Altman").count(p(kSeed1, 3)));
    // name: also counts "Bannon" alone once the article has named him.
    CHECK(s.paragraphs("name:\"Steve Bannon\" NEAR/20 Trump").size() == 4);
}

TEST_CASE("query language: free words rank any match, and a title word finds its article") {
    Sample s;
    // "antics" is only in seed1's title: the article is found (ranked by its
    // article document) and shows its first paragraph; with --paragraphs no
    // paragraph has the word (titles are the article documents' since schema
    // 12), and title: finds every paragraph of it.
    json r = search_json(s.db, {"antics"});
    REQUIRE(r["hits"].size() == 1);
    CHECK(r["hits"][0]["article"] == kSeed1);
    CHECK(r["hits"][0]["paragraph"] == 1);
    CHECK(r["hits"][0]["matching_paragraphs"] == 1);
    CHECK(search_json(s.db, {"--paragraphs", "antics"})["hits"].empty());
    CHECK(search_json(s.db, {"--paragraphs", "title:antics"})["hits"].size() == 6);
    // musk feud: paragraphs with both words first, then those with either
    // (seed1's paragraph 1 has them only in its title).
    json both = search_json(s.db, {"--paragraphs", "--limit", "50", "musk", "feud"});
    REQUIRE(both["hits"].size() == 8);
    std::set<std::string> top;
    for (int i = 0; i < 4; ++i)
        top.insert(both["hits"][i]["article"].get<std::string>() + "#" +
                   std::to_string(both["hits"][i]["paragraph"].get<int>()));
    CHECK(top == std::set<std::string>{p(kSeed1, 2), p(kSeed1, 3), p(kSeed2, 2), p(kSeed2, 3)});
}

TEST_CASE("query language: pasted punctuation is text") {
    Sample s;
    const std::set<std::string> bannon = {p(kSeed1, 6), p(kSeed2, 1), p(kSeed2, 2), p(kSeed2, 3)};
    CHECK(s.paragraphs("(Bannon") == bannon);
    CHECK(s.paragraphs("Bannon)") == bannon);
    CHECK(s.paragraphs("\"Bannon") == bannon);
    // A question is prose: its -dash is a word, not an exclusion.
    CHECK(s.paragraphs("What did Bannon say about -fracas?").count(p(kSeed2, 1)));
}

TEST_CASE("query language: --explain prints the tree and the Xapian query") {
    Sample s;
    RunResult r =
        run_graf({"search", "--db", s.db.string(), "--explain", "--", "title:antics -Bannon"});
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "tree:   (group +title:(antics~) -bannon=)\n"
          "xapian: Query(((<alldocuments> FILTER PostingSource(graf::DocidListSource(6 "
          "documents))) AND_NOT PostingSource(graf::DocidListSource(9 documents))))\n");
    RunResult note = run_graf({"search", "--db", s.db.string(), "--explain", "oil (prices"});
    CHECK(note.out.find("note:   an unbalanced bracket was read as text\n") != std::string::npos);
    CHECK(run_graf({"search", "--db", s.db.string(), "--explain", "bannon AND"}).exit_code == 1);
}

// A remote shard cannot run graf's article-set posting source: exclusions
// go to it as XA terms, with the same answers.
TEST_CASE("query language: NOT through a remote shard answers like the local index") {
    if (!std::filesystem::exists("/usr/bin/xapian-tcpsrv")) {
        MESSAGE("xapian-tcpsrv not installed (xapian-tools): skipped");
        return;
    }
    Sample s;
    const int port = 37000 + static_cast<int>(getpid() % 20000);
    const pid_t server = start_graf({"serve-shard", "--db", s.db.string(), "--interface",
                                     "127.0.0.1", "--port", std::to_string(port)});
    const std::filesystem::path stub = s.tmp / "remote.stub";
    std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
    RunResult probe;
    for (int i = 0; i < 50; ++i) {
        probe = run_graf({"search", "--db", stub.string(), "--json", "Bannon"});
        if (probe.exit_code == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_MESSAGE(probe.exit_code == 0, probe.err);
    for (const char* q : {"Bannon -fracas", "Bannon NOT fracas", "title:antics NOTPARA Bannon"}) {
        CAPTURE(q);
        json local = search_json(s.db, {"--paragraphs", "--", q});
        json remote = search_json(stub, {"--paragraphs", "--", q});
        CHECK(local["hits"].size() == remote["hits"].size());
        CHECK(local["total_estimate"] == remote["total_estimate"]);
    }
    RunResult explained =
        run_graf({"search", "--db", stub.string(), "--explain", "--", "Bannon -fracas"});
    // Remote shards cannot run graf's posting source: the excluded articles as terms.
    CHECK(explained.out.find("AND_NOT XA") != std::string::npos);
    kill(server, SIGKILL);  // on SIGTERM xapian-tcpsrv signals its whole process group
    waitpid(server, nullptr, 0);
}

// graf facets and graf timeline (and graf serve's) count what a search
// finds: an article by a word of its title, a phrase with a stopword exactly,
// title: as its paragraphs, -word by article.
TEST_CASE("query language: facets and timeline count what the search finds") {
    Sample s;
    auto facets = [&](const std::string& query) {
        RunResult r = run_graf({"facets", "--db", s.db.string(), "--json", "--", query});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        json j = json::parse(r.out);
        return std::make_pair(j["articles"].get<int>(), j["paragraphs"].get<int>());
    };
    CHECK(facets("antics") == std::make_pair(1, 6));  // only in seed1's title
    CHECK(facets("title:antics") == std::make_pair(1, 6));
    CHECK(facets("\"the alt-right\"") == std::make_pair(0, 0));  // "the vehemently alt-right"
    CHECK(facets("Bannon -fracas") == std::make_pair(1, 1));
    for (const char* q : {"antics", "title:antics", "\"the alt-right\"", "Bannon -fracas"})
        CHECK(search_json(s.db, {"--limit", "0", "--", q})["total_estimate"] == facets(q).first);
    RunResult t = run_graf({"timeline", "--db", s.db.string(), "--json", "--", "title:antics"});
    REQUIRE(t.exit_code == 0);
    CHECK(json::parse(t.out)["articles"] == 1);
}
