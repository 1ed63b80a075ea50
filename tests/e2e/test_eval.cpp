// `graf eval` end to end on tests/eval/tiny, a judged collection small
// enough that every figure is computed by hand (tests/eval/README.md shows
// the arithmetic); benchmarks/tests runs the peers and `make eval`'s driver.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "e2e/cli_runner.hpp"
#include "e2e/tiny_collection.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> eval_args(const fs::path& db) {
    return {"eval",
            "--db",
            db.string(),
            "--queries",
            (kTiny / "queries.tsv").string(),
            "--qrels",
            (kTiny / "qrels.txt").string()};
}

}  // namespace

TEST_CASE("eval: figures computed by hand, the rejected query, the run file") {
    TempDir dir;
    RunResult idx = run_graf(
        {"index", "--db", (dir / "db").string(), "--quiet", (kTiny / "corpus.jsonl").string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);

    auto args = eval_args(dir / "db");
    args.insert(args.end(), {"--json", "--per-query", "--run", (dir / "graf.run").string()});
    RunResult r = run_graf(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    json j = json::parse(r.out);
    CHECK(j["engine"] == "graf");
    check_figures(j, kGrafFigures);
    CHECK(j["queries_in_file"] == 4);
    CHECK(j["unjudged"] == 1);  // q4
    REQUIRE(j["rejected"].size() == 1);
    CHECK(j["rejected"][0]["qid"] == "q2");
    CHECK(j["rejected"][0]["line"] == 2);
    CHECK(r.err.find("query q2 (" + (kTiny / "queries.tsv").string() + ":2) rejected") !=
          std::string::npos);
    REQUIRE(j["per_query"].size() == 3);
    CHECK(j["per_query"][0]["map"].get<double>() == doctest::Approx(7.0 / 18).epsilon(1e-12));
    CHECK(j["per_query"][0]["relevant_retrieved"] == 2);

    // The run: every query graf answered, ranks from 1, trec_eval's columns.
    std::istringstream run(read(dir / "graf.run"));
    std::vector<std::string> rows;
    for (std::string qid, q0, doc, rank, score, tag;
         run >> qid >> q0 >> doc >> rank >> score >> tag;) {
        CHECK(q0 == "Q0");
        CHECK(tag == "graf");
        CHECK(std::stod(score) > 0);
        rows.push_back(qid + " " + doc + " " + rank);
    }
    CHECK(rows == std::vector<std::string>{"q1 A 1", "q1 B 2", "q1 C 3", "q4 H 1"});

    // Text: the means to four places, one line per query with --per-query.
    args = eval_args(dir / "db");
    args.push_back("--per-query");
    RunResult text = run_graf(args);
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("MAP      0.1296\n") != std::string::npos);
    CHECK(text.out.find("nDCG@10  0.1736\n") != std::string::npos);
    CHECK(text.out.find("P@10     0.0667\n") != std::string::npos);
    CHECK(text.out.find("R@100    0.2222\n") != std::string::npos);
    CHECK(text.out.find("q1            0.3889  0.5209  0.2000  0.6667") != std::string::npos);
    CHECK(text.out.find("rejected: date:") != std::string::npos);
}

TEST_CASE("eval: --name-queries runs each query as --name") {
    TempDir dir;
    write_file(dir / "c.jsonl",
               "{\"id\": \"n1\", \"body\": \"Clara Vance met the board on Monday.\"}\n"
               "{\"id\": \"n2\", \"body\": \"The weather was fine and clear.\"}\n"
               "{\"id\": \"n3\", \"body\": \"A vance of the clara kind.\"}\n");
    write_file(dir / "people.tsv", "vance\tClara Vance\n");
    write_file(dir / "tagged.txt", "vance 0 n1 1\n");
    REQUIRE(
        run_graf({"index", "--db", (dir / "db").string(), "--quiet", (dir / "c.jsonl").string()})
            .exit_code == 0);
    RunResult r = run_graf({"eval", "--db", (dir / "db").string(), "--queries",
                            (dir / "people.tsv").string(), "--qrels", (dir / "tagged.txt").string(),
                            "--name-queries", "--json", "--run", (dir / "r.run").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(json::parse(r.out)["map"] == 1.0);
    CHECK(read(dir / "r.run").rfind("vance Q0 n1 1 ", 0) == 0);
    CHECK(read(dir / "r.run").find("n3") == std::string::npos);  // lower case is no name
}

TEST_CASE("eval: errors name the file and line, the missing option or index") {
    TempDir dir;
    REQUIRE(run_graf({"index", "--db", (dir / "db").string(), "--quiet",
                      (kTiny / "corpus.jsonl").string()})
                .exit_code == 0);
    write_file(dir / "bad.qrels", "q1 0 A 1\nq1 0 B\n");
    RunResult bad =
        run_graf({"eval", "--db", (dir / "db").string(), "--queries",
                  (kTiny / "queries.tsv").string(), "--qrels", (dir / "bad.qrels").string()});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("bad.qrels:2: expected `qid 0 docid relevance`") != std::string::npos);

    write_file(dir / "bad.tsv", "q1\twalrus\nq2 without a tab\n");
    RunResult bad_q =
        run_graf({"eval", "--db", (dir / "db").string(), "--queries", (dir / "bad.tsv").string(),
                  "--qrels", (kTiny / "qrels.txt").string()});
    CHECK(bad_q.exit_code == 1);
    CHECK(bad_q.err.find("bad.tsv:2: expected `qid<TAB>query`") != std::string::npos);

    RunResult no_qrels = run_graf(
        {"eval", "--db", (dir / "db").string(), "--queries", (kTiny / "queries.tsv").string()});
    CHECK(no_qrels.exit_code == 1);
    CHECK(no_qrels.err.find("--qrels") != std::string::npos);

    auto args = eval_args(dir / "none");
    RunResult no_index = run_graf(args);
    CHECK(no_index.exit_code == 2);
    CHECK(no_index.err.find("graf index") != std::string::npos);
}
