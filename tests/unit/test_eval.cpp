// eval/: trec_eval's measures on rankings small enough to compute by hand,
// the order trec_eval reads a run in, averaging as `trec_eval -c`, and the
// input files' errors naming file:line.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/evaluation.hpp"
#include "eval/judgments.hpp"
#include "eval/measures.hpp"
#include "eval/run_file.hpp"

using namespace graf::eval;
namespace fs = std::filesystem;

namespace {

Ranking ranking(const std::vector<std::string>& docids) {
    Ranking r;
    double score = 100;
    for (const std::string& d : docids) r.push_back({d, score--});
    return r;
}

// n documents that no query judges, then `tail`.
std::vector<std::string> after_filler(std::size_t n, const std::string& tail) {
    std::vector<std::string> docs;
    for (std::size_t i = 0; i < n; ++i) docs.push_back("filler" + std::to_string(i));
    docs.push_back(tail);
    return docs;
}

fs::path temp_file(const std::string& name, const std::string& bytes) {
    fs::path p =
        fs::temp_directory_path() / ("graf-eval-test-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

}  // namespace

TEST_CASE("eval: measures of a ranking, computed by hand") {
    struct Row {
        const char* what;
        std::vector<std::string> ranked;
        Judged judged;
        double ap, ndcg_10, p_10, r_100;
        QueryCounts counts;
    };
    const std::vector<Row> rows = {
        // AP (1/2 + 2/3) / 3; DCG 1/log2(3) + 2/log2(4), ideal 2 + 1/log2(3) + 1/log2(4).
        {"two of three relevant found, at 2 and 3",
         {"A", "B", "C"},
         {{"A", 0}, {"B", 1}, {"C", 2}, {"D", 1}, {"E", -1}},
         7.0 / 18,
         0.5209090851403014,
         0.2,
         2.0 / 3,
         {3, 3, 2}},
        // AP (1/1 + 2/3) / 3; DCG 2 + 1/log2(4), ideal 3 + 2/log2(3) + 1/log2(4).
        {"graded: the ideal order puts grade 3 first",
         {"x", "y", "z"},
         {{"x", 2}, {"z", 1}, {"w", 3}},
         5.0 / 9,
         0.5250049893849101,
         0.2,
         2.0 / 3,
         {3, 3, 2}},
        {"nothing retrieved scores 0", {}, {{"A", 1}}, 0, 0, 0, 0, {1, 0, 0}},
        {"relevant at rank 11: outside P@10 and nDCG@10, inside R@100",
         after_filler(10, "R"),
         {{"R", 1}},
         1.0 / 11,
         0,
         0,
         1,
         {1, 11, 1}},
        {"relevant at rank 101: outside R@100, inside AP",
         after_filler(100, "R"),
         {{"R", 1}},
         1.0 / 101,
         0,
         0,
         0,
         {1, 101, 1}},
        {"relevant at rank 1001: beyond the depth of 1,000",
         after_filler(1000, "R"),
         {{"R", 1}},
         0,
         0,
         0,
         0,
         {1, 1000, 0}},
        {"every relevant first: all 1",
         {"a", "b", "c"},
         {{"a", 1}, {"b", 1}},
         1,
         1,
         0.2,
         1,
         {2, 3, 2}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        QueryCounts counts;
        Measures m = measure(ranking(row.ranked), row.judged, &counts);
        CHECK(m.ap == doctest::Approx(row.ap).epsilon(1e-12));
        CHECK(m.ndcg_10 == doctest::Approx(row.ndcg_10).epsilon(1e-12));
        CHECK(m.p_10 == doctest::Approx(row.p_10).epsilon(1e-12));
        CHECK(m.r_100 == doctest::Approx(row.r_100).epsilon(1e-12));
        CHECK(counts.relevant == row.counts.relevant);
        CHECK(counts.retrieved == row.counts.retrieved);
        CHECK(counts.relevant_retrieved == row.counts.relevant_retrieved);
    }
}

TEST_CASE("eval: a run is read as trec_eval reads it") {
    struct Row {
        const char* what;
        Ranking in;
        std::vector<std::string> out;
    };
    const std::vector<Row> rows = {
        {"by score, highest first", {{"a", 1}, {"b", 3}, {"c", 2}}, {"b", "c", "a"}},
        {"equal scores: docid descending", {{"a", 2}, {"c", 2}, {"b", 2}}, {"c", "b", "a"}},
        {"scores equal as floats are a tie", {{"a", 1.0 + 1e-9}, {"b", 1.0}}, {"b", "a"}},
        {"a repeated docid keeps its first entry", {{"a", 1}, {"b", 2}, {"a", 5}}, {"b", "a"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        std::vector<std::string> got;
        for (const RankedDoc& d : trec_order(row.in)) got.push_back(d.docid);
        CHECK(got == row.out);
    }
    CHECK(trec_order(ranking(after_filler(1200, "x"))).size() == kDepth);
}

TEST_CASE("eval: the run file is trec_eval's format") {
    std::ostringstream out;
    write_run(out, "q7", {{"doc-2", 12.5}, {"doc-1", 0.1}}, "graf");
    CHECK(out.str() == "q7 Q0 doc-2 1 12.5 graf\nq7 Q0 doc-1 2 0.1 graf\n");
    CHECK_THROWS_AS(write_run(out, "q7", {{"two words", 1}}, "graf"), RunFileError);
    CHECK_THROWS_AS(write_run(out, "q 7", {}, "graf"), RunFileError);
}

TEST_CASE("eval: means over the judged queries, as trec_eval -c") {
    const Qrels qrels = {{"1", {{"a", 1}, {"b", 1}}},  // AP (1/1 + 2/3) / 2 = 5/6
                         {"2", {{"c", 1}}},            // rejected: 0
                         {"3", {{"d", 0}}},            // no relevant document: left out
                         {"4", {{"e", 1}}}};           // not in the query file: 0
    std::vector<QueryRun> runs = {
        {{"1", "q one", 1}, trec_order(ranking({"a", "x", "b"})), {}},
        {{"2", "q two", 2}, {}, "unexpected ')'"},
        {{"3", "q three", 3}, trec_order(ranking({"d"})), {}},
        {{"5", "q five", 4}, trec_order(ranking({"a"})), {}},  // not judged at all
    };
    Evaluation e = evaluate(runs, qrels);
    REQUIRE(e.scored.size() == 3);
    CHECK(e.scored[0].qid == "1");
    CHECK(e.scored[1].qid == "2");
    CHECK(e.scored[1].error == "unexpected ')'");
    CHECK(e.scored[2].qid == "4");
    CHECK(e.scored[2].not_in_queries);
    CHECK(e.queries_in_file == 4);
    CHECK(e.unjudged == 2);
    CHECK(e.mean.ap == doctest::Approx(5.0 / 6 / 3).epsilon(1e-12));
    CHECK(e.mean.p_10 == doctest::Approx(0.2 / 3).epsilon(1e-12));
    CHECK(e.mean.r_100 == doctest::Approx(1.0 / 3).epsilon(1e-12));
    CHECK_THROWS_AS(evaluate({runs[2]}, {{"3", {{"d", 0}}}}), JudgmentsError);
}

TEST_CASE("eval: a rejected query is recorded, other errors stop the run") {
    const std::vector<EvalQuery> queries = {{"1", "fine", 1}, {"2", "bad (", 2}};
    auto runs = run_queries(queries, [](const EvalQuery& q) -> Ranking {
        if (q.qid == "2") throw QueryRejected("missing ')'");
        return {{"b", 1}, {"a", 1}};
    });
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].ranked.front().docid == "b");
    CHECK(runs[1].error == "missing ')'");
    CHECK_THROWS_AS(
        run_queries(queries, [](const EvalQuery&) -> Ranking { throw std::runtime_error("db"); }),
        std::runtime_error);
}

TEST_CASE("eval: queries and qrels files, and their errors naming file:line") {
    fs::path q = temp_file("q.tsv", "# comment\n1\tcrude oil\r\n\nearn\tquarterly earnings\n");
    auto queries = read_queries(q);
    REQUIRE(queries.size() == 2);
    CHECK(queries[0].qid == "1");
    CHECK(queries[0].text == "crude oil");
    CHECK(queries[1].line == 4);
    fs::path r = temp_file("qrels", "1 0 d1 1\n1 0 d2 0\n\n2 Q0 d3 -1\n1 0 d2 2\n");
    Qrels qrels = read_qrels(r);
    CHECK(qrels.at("1").at("d2") == 2);  // the last judgment of a pair counts
    CHECK(qrels.at("2").at("d3") == -1);
    CHECK(relevant_count(qrels.at("1")) == 2);

    struct Bad {
        std::string file, bytes, message;
    };
    const std::vector<Bad> bad = {
        {"q1.tsv", "1\tfine\nno tab here\n", "q1.tsv:2: expected `qid<TAB>query`"},
        {"q2.tsv", "1\tfine\n1\tagain\n", "q2.tsv:2: query id 1 appears twice"},
        {"q3.tsv", "\n# only a comment\n", "holds no queries"},
        {"r1", "1 0 d1 1\n1 0 d2\n", "r1:2: expected `qid 0 docid relevance`"},
        {"r2", "1 0 d1 yes\n", "r2:1: expected `qid 0 docid relevance`"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.file);
        fs::path p = temp_file(b.file, b.bytes);
        std::string message;
        try {
            if (b.file[0] == 'q')
                read_queries(p);
            else
                read_qrels(p);
        } catch (const JudgmentsError& e) {
            message = e.what();
        }
        CHECK(message.find(b.message) != std::string::npos);
        fs::remove(p);
    }
    CHECK_THROWS_AS(read_queries("/nonexistent/q.tsv"), JudgmentsError);
    fs::remove(q);
    fs::remove(r);
}
