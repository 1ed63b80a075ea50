// The ranking peers (FTS5 one row per article, Xapian's stock stack) and the
// `make eval` driver end to end on tests/eval/tiny, whose figures are
// computed by hand (tests/eval/README.md).
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

}  // namespace

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
    // graf eval --expand on graf's index, with a ratio of its own.
    CHECK(r.out.find("                 graf+x         3 ") != std::string::npos);
    CHECK(r.out.find("                 ratio+x ") != std::string::npos);
    CHECK(!fs::exists(dir / "work" / "tiny" / "graf+x"));

    json j = json::parse(read(dir / "eval.json"));
    REQUIRE(j["collections"].size() == 1);
    const json& c = j["collections"][0];
    CHECK(c["collection"] == "tiny");
    check_figures(c["engines"]["graf"], kGrafFigures);
    check_figures(c["engines"]["fts5"], kPeerFigures);
    check_figures(c["engines"]["xapian"], kPeerFigures);
    CHECK(c["ratio"]["map"].get<double>() == doctest::Approx(7.0 / 25).epsilon(1e-9));
    REQUIRE(c["engines"]["graf+x"].contains("map"));
    CHECK(c["ratio_expand"]["map"].get<double>() ==
          doctest::Approx(c["engines"]["graf+x"]["map"].get<double>() / (25.0 / 54)));
    CHECK(j["skipped"][0]["collection"] == "reuters-topics");
    for (const char* run : {"graf.run", "graf+x.run", "fts5.run", "xapian.run"})
        CHECK(fs::file_size(dir / "work" / "tiny" / run) > 0);
}

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
