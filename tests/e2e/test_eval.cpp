// `graf eval` and `make eval`'s driver end to end on tests/eval/tiny, a
// judged collection small enough that every figure is computed by hand
// (tests/eval/README.md shows the arithmetic).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kTiny = fs::path(GRAF_SOURCE_DIR) / "tests" / "eval" / "tiny";

// Means over q1-q3 when q2 is rejected (graf) or finds its one relevant
// article first (the peers).
struct Figures {
    double map, ndcg_10, p_10, r_100;
};
const Figures kGraf = {7.0 / 54, 0.5209090851403014 / 3, 0.2 / 3, 2.0 / 9};
const Figures kPeers = {25.0 / 54, 1.5209090851403014 / 3, 0.1, 5.0 / 9};

void check_figures(const json& j, const Figures& f) {
    CHECK(j["queries"] == 3);
    CHECK(j["map"].get<double>() == doctest::Approx(f.map).epsilon(1e-9));
    CHECK(j["ndcg_10"].get<double>() == doctest::Approx(f.ndcg_10).epsilon(1e-9));
    CHECK(j["p_10"].get<double>() == doctest::Approx(f.p_10).epsilon(1e-9));
    CHECK(j["r_100"].get<double>() == doctest::Approx(f.r_100).epsilon(1e-9));
}

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
    check_figures(j, kGraf);
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

#ifdef GRAF_EVAL_COMPARE_BINARY
TEST_CASE("eval: the make eval driver prints one table of all three engines") {
    TempDir dir;
    fs::create_directories(dir / "judged" / "tiny");
    for (const char* f : {"corpus.jsonl", "queries.tsv", "qrels.txt"})
        fs::copy_file(kTiny / f, dir / "judged" / "tiny" / f);
    // Judgments of the Reuters corpus, which is not beside this folder.
    fs::create_directories(dir / "judged" / "reuters-topics");
    write_file(dir / "judged" / "reuters-topics" / "queries.tsv", "crude\tcrude oil\n");
    write_file(dir / "judged" / "reuters-topics" / "qrels.txt", "crude 0 1 1\n");

    RunResult r =
        run_program(GRAF_EVAL_COMPARE_BINARY,
                    {"--judged", (dir / "judged").string(), "--work", (dir / "work").string(),
                     "--json", (dir / "eval.json").string(), "--graf", GRAF_BINARY, "--fts5",
                     GRAF_PEER_BINARY, "--xapian", GRAF_XAPIAN_PEER_BINARY});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("reuters-topics: skipped: ") != std::string::npos);
    CHECK(r.err.find("reuters21578.jsonl is missing") != std::string::npos);
    CHECK(r.out.find("tiny             graf           3   0.1296   0.1736   0.0667   0.2222") !=
          std::string::npos);
    CHECK(r.out.find("                 fts5           3   0.4630   0.5070   0.1000   0.5556") !=
          std::string::npos);
    CHECK(r.out.find("                 xapian         3   0.4630   0.5070   0.1000   0.5556") !=
          std::string::npos);
    CHECK(r.out.find("                 ratio                0.28     0.34     0.67     0.40") !=
          std::string::npos);

    json j = json::parse(read(dir / "eval.json"));
    REQUIRE(j["collections"].size() == 1);
    const json& c = j["collections"][0];
    CHECK(c["collection"] == "tiny");
    check_figures(c["engines"]["graf"], kGraf);
    check_figures(c["engines"]["fts5"], kPeers);
    check_figures(c["engines"]["xapian"], kPeers);
    CHECK(c["ratio"]["map"].get<double>() == doctest::Approx(7.0 / 25).epsilon(1e-9));
    CHECK(j["skipped"][0]["collection"] == "reuters-topics");
    for (const char* run : {"graf.run", "fts5.run", "xapian.run"})
        CHECK(fs::file_size(dir / "work" / "tiny" / run) > 0);
}
#endif

#ifdef GRAF_XAPIAN_PEER_BINARY
TEST_CASE("eval: the peers take any pasted text as words") {
    TempDir dir;
    const std::string corpus = (kTiny / "corpus.jsonl").string();
    write_file(dir / "q.tsv", "q1\t\"walrus) (* ^:-+ {\n");
    const std::vector<std::pair<std::string, std::vector<std::string>>> peers = {
        {GRAF_PEER_BINARY, {"index", "--articles", "--db", (dir / "f.db").string(), corpus}},
        {GRAF_XAPIAN_PEER_BINARY, {"index", "--db", (dir / "x").string(), corpus}}};
    for (const auto& [binary, index] : peers) {
        CAPTURE(binary);
        REQUIRE(run_program(binary, index).exit_code == 0);
        RunResult r = run_program(
            binary, {"eval", "--db", index[index.size() - 2], "--queries", (dir / "q.tsv").string(),
                     "--qrels", (kTiny / "qrels.txt").string(), "--json"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        json j = json::parse(r.out);
        CHECK(j["rejected"].empty());
        CHECK(j["map"].get<double>() == doctest::Approx((7.0 / 18) / 3).epsilon(1e-9));
    }
}
#endif
