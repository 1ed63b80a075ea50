// The totals graf prints: exact when it can count cheaply, whatever --limit
// is, the same in text and JSON; otherwise an estimate with bounds that hold
// the true count.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// 300 articles with the phrase "oil prices" in two paragraphs each, 1,500
// with both words but not the phrase, and 2,000 more naming the harbour
// twice (and in their titles): the phrase matches 600 of the 2,100 paragraphs holding both words
// (like Reuters' "oil prices": 422 paragraphs, 288 articles, which graf
// printed as "About 200"), the harbour 4,000 paragraphs.
struct Corpus {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    Corpus() {
        std::string feed;
        for (int i = 0; i < 300; ++i)
            feed += fmt::format(
                "{{\"id\": \"p{0}\", \"body\": \"Oil prices rose on day {0}.\\n\\nTraders said "
                "oil prices would fall again.\"}}\n",
                i);
        for (int i = 0; i < 1500; ++i)
            feed += fmt::format(
                "{{\"id\": \"w{0}\", \"body\": \"Oil output rose; prices of gas fell on day "
                "{0}.\"}}\n",
                i);
        for (int i = 0; i < 2000; ++i)
            feed += fmt::format(
                "{{\"id\": \"h{0}\", \"title\": \"Harbour day {0}\", \"body\": \"The harbour "
                "opened on day {0}.\\n\\nThe harbour closed at night.\"}}\n",
                i);
        write_file(tmp / "feed.jsonl", feed);
        RunResult r = index_into(db, {(tmp / "feed.jsonl").string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    // The last line of the text output: the total.
    std::string total_line(std::vector<std::string> args) const {
        args.insert(args.begin(), {"search", "--db", db.string(), "--color", "never"});
        RunResult r = run_graf(args);
        REQUIRE(r.exit_code == 0);
        std::string out = r.out;
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out.substr(out.rfind('\n') + 1);
    }
};

}  // namespace

TEST_CASE("counts: a phrase in a few hundred articles is counted exactly at every --limit") {
    Corpus c;
    for (const char* limit : {"0", "1", "10", "100", "500"}) {
        CAPTURE(limit);
        json j = search_json(c.db, {"--limit", limit, "\"oil prices\""});
        CHECK(j["total_exact"] == true);
        CHECK(j["total_estimate"] == 300);
        CHECK(j["total_lower"] == 300);
        CHECK(j["total_upper"] == 300);
        // The text says what JSON says, --limit 0 included.
        CHECK(
            c.total_line({"--limit", limit, "\"oil prices\""}).rfind("300 matching articles", 0) ==
            0);
    }
    json paragraphs = search_json(c.db, {"--paragraphs", "--limit", "0", "\"oil prices\""});
    CHECK(paragraphs["total_exact"] == true);
    CHECK(paragraphs["total_estimate"] == 600);
}

TEST_CASE("counts: title: alone is counted exactly, from the article documents") {
    Corpus c;
    for (const char* limit : {"0", "10"}) {
        CAPTURE(limit);
        json j = search_json(c.db, {"--limit", limit, "title:harbour"});
        CHECK(j["total_exact"] == true);
        CHECK(j["total_estimate"] == 2000);
        CHECK(search_json(c.db, {"--limit", limit, "title:harbour title:day"})["total_estimate"] ==
              2000);
    }
    // With words beside it, it filters: the paragraphs still count.
    CHECK(search_json(c.db, {"--limit", "0", "title:harbour", "night"})["total_estimate"] > 0);
}

TEST_CASE("counts: beyond what is cheap to count, the bounds hold the true count") {
    Corpus c;
    struct Case {
        std::vector<std::string> args;
        int truth;
        const char* unit;
    };
    const Case cases[] = {
        {{"harbour"}, 2000, "articles"},
        {{"--paragraphs", "harbour"}, 4000, "paragraphs"},
    };
    for (const Case& k : cases)
        for (const char* limit : {"0", "10", "100"}) {
            std::vector<std::string> args = k.args;
            args.insert(args.begin(), {"--limit", limit});
            CAPTURE(limit);
            CAPTURE(k.truth);
            json j = search_json(c.db, args);
            const std::string line = c.total_line(args);
            CAPTURE(line);
            const int estimate = j["total_estimate"], lower = j["total_lower"],
                      upper = j["total_upper"];
            if (j["total_exact"] == true) {
                CHECK(estimate == k.truth);
                CHECK(line.rfind(fmt::format("{} matching {}", k.truth, k.unit), 0) == 0);
                continue;
            }
            CHECK(lower <= k.truth);
            CHECK(upper >= k.truth);
            CHECK(line.rfind(fmt::format("About {} matching {} (at least {}, at most {})", estimate,
                                         k.unit, lower, upper),
                             0) == 0);
        }
}
