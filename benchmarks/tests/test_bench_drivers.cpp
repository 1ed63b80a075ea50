// The FTS5 peer and the speed drivers (`make bench`, `make bench-shards`)
// end to end on the bundled sample corpus.
#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// kind<TAB>query lines: `name` runs as --name, the others as queries.
std::filesystem::path write_queries(const TempDir& dir) {
    write_file(dir / "queries.tsv",
               "name\tSam Altman\nphrase\t\"good authority\"\nterms\tBannon\nrare\tMasayoshi\n");
    return dir / "queries.tsv";
}

}  // namespace

TEST_CASE("bench: the FTS5 peer answers the same queries, and the driver prints one table") {
    TempDir dir;
    auto queries = write_queries(dir);
    const std::string corpus =
        (std::filesystem::path(GRAF_SOURCE_DIR) / "corpus" / "sample").string();
    RunResult idx =
        run_program(GRAF_PEER_BINARY, {"index", "--db", (dir / "p.db").string(), "--json", corpus});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    CHECK(json::parse(idx.out)["articles"] == 2);
    RunResult b =
        run_program(GRAF_PEER_BINARY, {"bench", "--db", (dir / "p.db").string(), "--queries",
                                       queries.string(), "--runs", "1", "--json"});
    REQUIRE_MESSAGE(b.exit_code == 0, b.err);
    json j = json::parse(b.out);
    CHECK(j["engine"] == "fts5");
    CHECK(j["kinds"]["phrase"]["hits"] == 2);  // "good authority": one paragraph in each seed

    RunResult cmp =
        run_program(GRAF_COMPARE_BINARY,
                    {"--queries", queries.string(), "--runs", "1", "--rounds", "2", "--work",
                     (dir / "work").string(), "--json", (dir / "cmp.json").string(), corpus});
    REQUIRE_MESSAGE(cmp.exit_code == 0, cmp.err);
    for (const char* part :
         {"graf p50", "fts5 p50", "ratio", "graf, 1 thread", "fts5, 1 thread", "index MB"})
        CHECK(cmp.out.find(part) != std::string::npos);
    std::ifstream in(dir / "cmp.json");
    json all = json::parse(in);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["graf"]["kinds"]["phrase"]["hits"] == all[0]["fts5"]["kinds"]["phrase"]["hits"]);
}

TEST_CASE("bench: the shards driver measures 1 and 2 shards, local and through xapian-tcpsrv") {
    TempDir dir;
    auto queries = write_queries(dir);
    const std::string corpus =
        (std::filesystem::path(GRAF_SOURCE_DIR) / "corpus" / "sample").string();
    const bool remote = std::filesystem::exists("/usr/bin/xapian-tcpsrv");
    std::vector<std::string> args = {"--queries", queries.string(),
                                     "--runs",    "1",
                                     "--shards",  "1,2",
                                     "--work",    (dir / "work").string(),
                                     "--port",    std::to_string(21000 + getpid() % 20000),
                                     "--json",    (dir / "shards.json").string(),
                                     corpus};
    if (!remote) args.insert(args.begin(), "--no-remote");
    RunResult r = run_program(GRAF_SHARDS_BINARY, args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("all p99") != std::string::npos);
    std::ifstream in(dir / "shards.json");
    json rows = json::parse(in);
    REQUIRE(rows.size() == (remote ? 4u : 2u));
    // Every configuration finds the same hits (the bench keeps its counts).
    for (const json& row : rows) {
        CAPTURE(row["where"]);
        CHECK(row["bench"]["kinds"]["phrase"]["hits"] ==
              rows[0]["bench"]["kinds"]["phrase"]["hits"]);
        CHECK(row["bench"]["kinds"]["name"]["hits"] == rows[0]["bench"]["kinds"]["name"]["hits"]);
    }
    CHECK(rows.back()["shards"] == 2);
}
