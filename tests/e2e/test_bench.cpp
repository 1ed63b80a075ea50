// `graf bench` end to end on the bundled sample corpus: the report's
// structure, hit counts equal to what `graf search` returns, and clear errors
// for a bad query file. benchmarks/tests runs the FTS5 peer and the drivers.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "e2e/cli_runner.hpp"
#include "e2e/web_client.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// kind, query: names run as --name, so `graf search` must be asked the same way.
const std::vector<std::pair<std::string, std::string>> kQueries = {
    {"name", "Sam Altman"}, {"phrase", "\"good authority\""},
    {"terms", "Bannon"},    {"terms", "authorities"},
    {"rare", "Masayoshi"},  {"common", "said"},
};

std::filesystem::path write_queries(const TempDir& dir) {
    std::ofstream f(dir / "queries.tsv");
    f << "# kind<TAB>query, as in ../shared/queries\n\n";
    for (const auto& [kind, q] : kQueries) f << kind << '\t' << q << '\n';
    return dir / "queries.tsv";
}

std::vector<std::vector<std::string>> read_rows(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

TEST_CASE("bench: JSON report per kind, and hit counts match graf search") {
    TempDir dir;
    index_sample(dir / "db");
    auto queries = write_queries(dir);
    RunResult r = run_graf({"bench", "--db", (dir / "db").string(), "--queries", queries.string(),
                            "--runs", "2", "--k", "5", "--threads", "2", "--json", "--out",
                            (dir / "rows.tsv").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    json j = json::parse(r.out);
    CHECK(j["engine"] == "graf");
    CHECK(j["runs"] == 2);
    CHECK(j["k"] == 5);
    CHECK(j["snippets"] == true);
    CHECK(j["threads"] == 2);
    CHECK(j["throughput"]["queries"] == 2 * kQueries.size());
    for (const char* kind : {"name", "phrase", "terms", "rare", "common", "all"}) {
        CAPTURE(kind);
        REQUIRE(j["kinds"].contains(kind));
        const json& k = j["kinds"][kind];
        for (const char* key :
             {"queries", "p50_us", "p90_us", "p99_us", "max_us", "mean_us", "qps", "hits"})
            CHECK(k.contains(key));
        CHECK(k["p50_us"].get<double>() > 0);
        CHECK(k["p50_us"] <= k["p90_us"]);
        CHECK(k["p90_us"] <= k["p99_us"]);
        CHECK(k["p99_us"] <= k["max_us"]);
    }
    CHECK(j["kinds"]["terms"]["queries"] == 2);
    CHECK(j["kinds"]["all"]["queries"] == kQueries.size());

    // Every row's hits are what a user gets from graf search with the same k.
    auto rows = read_rows(dir / "rows.tsv");
    REQUIRE(rows.size() == kQueries.size() + 1);  // + header
    CHECK(rows[0] ==
          std::vector<std::string>{"kind", "query", "hits", "total", "min_us", "median_us"});
    std::size_t all_hits = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        CAPTURE(row[1]);
        json s = row[0] == "name" ? search_json(dir / "db", {"--limit", "5", "--name", row[1]})
                                  : search_json(dir / "db", {"--limit", "5", row[1]});
        CHECK(std::stoul(row[2]) == s["hits"].size());
        CHECK(std::stoul(row[3]) == s["total_estimate"].get<std::size_t>());
        CHECK(std::stod(row[4]) <= std::stod(row[5]));  // min ≤ median
        all_hits += s["hits"].size();
    }
    CHECK(j["kinds"]["all"]["hits"] == all_hits);
    CHECK(all_hits > 6);  // the queries do find things
}

TEST_CASE("bench: the table, --no-snippets, and errors naming the query file line") {
    TempDir dir;
    index_sample(dir / "db");
    auto queries = write_queries(dir);
    RunResult table = run_graf({"bench", "--db", (dir / "db").string(), "--queries",
                                queries.string(), "--runs", "1", "--no-snippets"});
    REQUIRE_MESSAGE(table.exit_code == 0, table.err);
    CHECK(table.out.find("no snippets") != std::string::npos);
    CHECK(table.out.find("p99") != std::string::npos);

    write_file(dir / "bad.tsv", "phrase\t\"good authority\"\nboolean\tbannon AND\n");
    RunResult bad =
        run_graf({"bench", "--db", (dir / "db").string(), "--queries", (dir / "bad.tsv").string()});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("bad.tsv:2") != std::string::npos);

    write_file(dir / "notab.tsv", "just a query without a kind\n");
    RunResult notab = run_graf(
        {"bench", "--db", (dir / "db").string(), "--queries", (dir / "notab.tsv").string()});
    CHECK(notab.exit_code == 1);
    CHECK(notab.err.find("notab.tsv:1") != std::string::npos);

    RunResult missing = run_graf(
        {"bench", "--db", (dir / "db").string(), "--queries", (dir / "nope.tsv").string()});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("nope.tsv") != std::string::npos);

    RunResult no_index =
        run_graf({"bench", "--db", (dir / "none").string(), "--queries", queries.string()});
    CHECK(no_index.exit_code == 2);
    CHECK(no_index.err.find("graf index") != std::string::npos);
}

TEST_CASE("bench: --url times a graf serve's /api/search with the same method and hits") {
    TempDir dir;
    index_sample(dir / "db");
    auto queries = write_queries(dir);
    WebServer server(dir / "db");
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
    RunResult local =
        run_graf({"bench", "--db", (dir / "db").string(), "--queries", queries.string(), "--runs",
                  "2", "--k", "5", "--out", (dir / "local.tsv").string()});
    REQUIRE_MESSAGE(local.exit_code == 0, local.err);
    RunResult http = run_graf({"bench", "--url", url + "/", "--queries", queries.string(), "--runs",
                               "2", "--k", "5", "--json", "--out", (dir / "http.tsv").string()});
    REQUIRE_MESSAGE(http.exit_code == 0, http.err);
    json j = json::parse(http.out);
    CHECK(j["engine"] == "graf serve");
    CHECK(j["kinds"]["all"]["queries"] == kQueries.size());
    auto local_rows = read_rows(dir / "local.tsv"), http_rows = read_rows(dir / "http.tsv");
    REQUIRE(local_rows.size() == http_rows.size());
    for (std::size_t i = 0; i < local_rows.size(); ++i) {
        CAPTURE(local_rows[i][1]);
        // kind, query, hits, total: the same answers through the server.
        CHECK(std::vector<std::string>(local_rows[i].begin(), local_rows[i].begin() + 4) ==
              std::vector<std::string>(http_rows[i].begin(), http_rows[i].begin() + 4));
    }

    write_file(dir / "bad.tsv", "terms\tBannon\nterms\tmusk AND\n");
    RunResult bad = run_graf({"bench", "--url", url, "--queries", (dir / "bad.tsv").string()});
    RunResult bad_local =
        run_graf({"bench", "--db", (dir / "db").string(), "--queries", (dir / "bad.tsv").string()});
    CHECK(bad.exit_code == bad_local.exit_code);
    CHECK(bad.err == bad_local.err);

    RunResult down =
        run_graf({"bench", "--url", "http://127.0.0.1:1", "--queries", queries.string()});
    CHECK(down.exit_code == 2);
    CHECK(down.err.find("graf: bench: http://127.0.0.1:1: no answer") == 0);
    RunResult big = run_graf({"bench", "--url", url, "--queries", queries.string(), "--k", "500"});
    CHECK(big.exit_code == 1);
    CHECK(big.err.find("--k takes 1 to 100") != std::string::npos);
}
