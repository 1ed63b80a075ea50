// `graf index --shards N`: N databases written in parallel behind a Xapian
// stub, searched as one, with the same hits and scores as a single database;
// and the default parallel build of a new index, merged into one at the end.
#include <doctest/doctest.h>
#include <xapian.h>

#include <fstream>
#include <set>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

std::filesystem::path write_corpus(const TempDir& dir) {
    const auto path = dir / "gen.jsonl";
    std::ofstream f(path);
    const char* topics[] = {"oil prices", "interest rates", "trade deficit", "election campaign",
                            "football cup"};
    for (int a = 0; a < 300; ++a) {
        std::string body;
        for (int p = 0; p < 4; ++p) {
            if (p) body += "\\n\\n";
            body += "Minister Jane Doe spoke about " + std::string(topics[(a + p) % 5]) +
                    " on day " + std::to_string(a * 4 + p) + ". Doe said " +
                    topics[(a * 3 + p) % 5] + " mattered.";
            if ((a + p) % 7 == 0) body += " The price was pricing them out.";
        }
        f << R"({"id": "g)" << a << R"(", "title": "Report on )" << topics[a % 5]
          << R"(", "body": ")" << body << "\"}\n";
    }
    return path;
}

// What must be identical: every hit's score, and which paragraphs score
// above the last one shown. Paragraphs tied with the last score may differ:
// document ids interleave across shards and break ties differently.
struct Ranking {
    std::vector<std::string> scores;
    std::multiset<std::string> above_cut;
    bool operator==(const Ranking& o) const {
        return scores == o.scores && above_cut == o.above_cut;
    }
};

Ranking ranking_of(const json& r) {
    Ranking out;
    const double cut = r["hits"].empty() ? 0 : r["hits"].back()["score"].get<double>();
    for (const json& h : r["hits"]) {
        const double score = h["score"].get<double>();
        out.scores.push_back(std::to_string(score).substr(0, 8));
        if (score > cut + 1e-9)
            out.above_cut.insert(h["article"].get<std::string>() + "#" +
                                 std::to_string(h["paragraph"].get<int>()) + " x" +
                                 std::to_string(h["matching_paragraphs"].get<int>()));
    }
    return out;
}

}  // namespace

TEST_CASE("shards: a sharded index and a parallel build answer like a single database") {
    TempDir dir;
    const auto corpus = write_corpus(dir);
    const std::string sample = sample_corpus().string();
    // One writer: the reference.
    RunResult one = run_graf({"index", "--db", (dir / "one").string(), "--threads", "1", "--json",
                              sample, corpus.string()});
    REQUIRE_MESSAGE(one.exit_code == 0, one.err);
    // The default for a new index: one writer per thread, merged at the end.
    RunResult parallel = run_graf({"index", "--db", (dir / "parallel").string(), "--threads", "3",
                                   "--json", sample, corpus.string()});
    REQUIRE_MESSAGE(parallel.exit_code == 0, parallel.err);
    CHECK(json::parse(parallel.out)["shards"] == 1);
    CHECK(json::parse(parallel.out)["compacted"] == true);
    CHECK(std::filesystem::exists(dir / "parallel" / "iamglass"));
    CHECK_FALSE(std::filesystem::exists(dir / "parallel" / "XAPIANDB"));
    RunResult three = run_graf({"index", "--db", (dir / "three").string(), "--shards", "3",
                                "--json", sample, corpus.string()});
    REQUIRE_MESSAGE(three.exit_code == 0, three.err);
    CHECK(json::parse(three.out)["shards"] == 3);
    CHECK(std::filesystem::exists(dir / "three" / "XAPIANDB"));
    CHECK(json::parse(three.out)["paragraphs"] == json::parse(one.out)["paragraphs"]);

    for (std::vector<std::string> q :
         std::vector<std::vector<std::string>>{{"Bannon"},
                                               {"\"good authority\""},
                                               {"authorities"},
                                               {"--name", "Sam Altman"},
                                               {"--name", "Jane Doe"},
                                               {"oil"},
                                               {"\"interest rates\""},
                                               {"title:football"},
                                               {"prices OR rates"},
                                               {"--paragraphs", "deficit"}}) {
        CAPTURE(q.back());
        q.insert(q.begin(), {"--limit", "20"});
        json a = search_json(dir / "one", q), b = search_json(dir / "three", q);
        CHECK(ranking_of(a) == ranking_of(b));
        CHECK(ranking_of(a) == ranking_of(search_json(dir / "parallel", q)));
        CHECK(a["hits"].size() > 0);
        // Counted totals are the same; estimates may differ.
        CHECK(a["total_exact"] == b["total_exact"]);
        if (a["total_exact"] == true) CHECK(a["total_estimate"] == b["total_estimate"]);
    }
    RunResult s1 = run_graf({"stats", "--db", (dir / "one").string(), "--json"});
    RunResult s3 = run_graf({"stats", "--db", (dir / "three").string(), "--json"});
    CHECK(json::parse(s1.out)["articles"] == json::parse(s3.out)["articles"]);
    CHECK(json::parse(s1.out)["paragraphs"] == json::parse(s3.out)["paragraphs"]);

    // graf compact merges the shards into one database: same answers.
    std::filesystem::copy(dir / "three", dir / "merged", std::filesystem::copy_options::recursive);
    RunResult merged = run_graf({"compact", "--db", (dir / "merged").string()});
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    CHECK_FALSE(std::filesystem::exists(dir / "merged" / "XAPIANDB"));
    CHECK(ranking_of(search_json(dir / "merged", {"--limit", "20", "oil"})) ==
          ranking_of(search_json(dir / "one", {"--limit", "20", "oil"})));
    // Each shard lists the variants of its own words; merged, the lists unite
    // (tests/unit/test_compactor.cpp checks lists that differ).
    std::set<std::string> per_shard, in_merged;
    auto words = [](const std::string& list, std::set<std::string>& out) {
        std::istringstream in(list);
        for (std::string w; in >> w;) out.insert(w);
    };
    for (const char* shard : {"shard-00", "shard-01", "shard-02"}) {
        std::set<std::string> own;
        words(Xapian::Database((dir / "three" / shard).string()).get_metadata("graf:stem:price"),
              own);
        CHECK(own == std::set<std::string>{"price", "prices", "pricing"});  // searchable alone
        per_shard.insert(own.begin(), own.end());
    }
    words(Xapian::Database((dir / "merged").string()).get_metadata("graf:stem:price"), in_merged);
    CHECK(in_merged == per_shard);
    CHECK(ranking_of(search_json(dir / "merged", {"--limit", "20", "pricing"})) ==
          ranking_of(search_json(dir / "one", {"--limit", "20", "pricing"})));

    // Incremental: a second run changes nothing; the shard count is kept.
    RunResult again =
        run_graf({"index", "--db", (dir / "three").string(), "--json", sample, corpus.string()});
    REQUIRE(again.exit_code == 0);
    CHECK(json::parse(again.out)["unchanged"] == 302);
    CHECK(json::parse(again.out)["shards"] == 3);
    RunResult other =
        run_graf({"index", "--db", (dir / "three").string(), "--shards", "2", sample});
    CHECK(other.exit_code == 4);
    CHECK(other.err.find("3 shards") != std::string::npos);
    RunResult plain = run_graf({"index", "--db", (dir / "one").string(), "--shards", "2", sample});
    CHECK(plain.exit_code == 4);
    CHECK(plain.err.find("single-database") != std::string::npos);
}

TEST_CASE(
    "shards: an unmerged parallel build is merged by the next complete run, or kept with "
    "--shards") {
    TempDir dir;
    const std::string sample = sample_corpus().string();
    // What a parallel build killed before its merge leaves: shards behind a
    // stub whose first line marks the merge as pending (indexer/shards.cpp).
    for (const char* name : {"resumed", "kept"}) {
        RunResult r = run_graf({"index", "--db", (dir / name).string(), "--shards", "2", sample});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto stub = dir / name / "XAPIANDB";
        std::ifstream in(stub);
        const std::string lines((std::istreambuf_iterator<char>(in)), {});
        in.close();
        std::ofstream(stub) << "# graf: a parallel build, merged into one database when a graf "
                               "index run completes\n"
                            << lines;
        json st = json::parse(run_graf({"stats", "--db", (dir / name).string(), "--json"}).out);
        CHECK(st["merge_pending"] == true);
        CHECK(st["shards"] == 2);
    }
    // A complete run (nothing changed) merges it into one database.
    RunResult resumed = run_graf({"index", "--db", (dir / "resumed").string(), "--json", sample});
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(json::parse(resumed.out)["compacted"] == true);
    CHECK(std::filesystem::exists(dir / "resumed" / "iamglass"));
    CHECK_FALSE(std::filesystem::exists(dir / "resumed" / "XAPIANDB"));
    CHECK(search_json(dir / "resumed", {"Bannon"})["hits"].size() == 2);
    // --shards 2 says the shards are wanted: kept, no longer pending.
    RunResult kept =
        run_graf({"index", "--db", (dir / "kept").string(), "--shards", "2", "--json", sample});
    REQUIRE_MESSAGE(kept.exit_code == 0, kept.err);
    CHECK(json::parse(kept.out)["shards"] == 2);
    json st = json::parse(run_graf({"stats", "--db", (dir / "kept").string(), "--json"}).out);
    CHECK(st["merge_pending"] == false);
    CHECK(search_json(dir / "kept", {"Bannon"})["hits"].size() == 2);
}
