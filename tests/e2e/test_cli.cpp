// The command line helps: a mistyped option gets the nearest one, `graf help
// COMMAND`, unknown query fields named, exact counts for filter queries.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

TEST_CASE("cli: a mistyped option suggests the nearest one") {
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const Case cases[] = {
        {{"search", "--limt", "5", "oil"},
         "graf: unknown option --limt; did you mean --limit? (see `graf search --help`)\n"},
        {{"index", "--prun", "x"},
         "graf: unknown option --prun; did you mean --prune? (see `graf index --help`)\n"},
        {{"search", "--snippet", "9", "oil"},
         "graf: unknown option --snippet; did you mean --snippet-chars? (see `graf search "
         "--help`)\n"},
        {{"timeline", "--db=x", "--bye", "day", "oil"},
         "graf: unknown option --bye; did you mean --by? (see `graf timeline --help`)\n"},
        {{"stats", "--qwertyuiop"},
         "graf: unknown option --qwertyuiop (see `graf stats --help`)\n"},
        {{"search", "-x", "oil"}, "graf: unknown option -x (see `graf search --help`)\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.message);
        RunResult r = run_graf(c.args);
        CHECK(r.exit_code == 1);
        CHECK(r.err == c.message);
    }
}

TEST_CASE("cli: graf help COMMAND is the command's --help") {
    RunResult help = run_graf({"help", "search"});
    RunResult direct = run_graf({"search", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out == direct.out);
    CHECK(help.out.find("--limit") != std::string::npos);
    RunResult unknown = run_graf({"help", "serch"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("unknown command 'serch' (commands: index, search,") !=
          std::string::npos);
    CHECK(run_graf({"help"}).out.find("graf help COMMAND") != std::string::npos);
}

TEST_CASE("cli: an unknown query field is an error naming it and the fields") {
    TempDir tmp;
    index_sample(tmp / "db");
    RunResult r = run_graf({"search", "--db", (tmp / "db").string(), "titel:antics"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("unknown field 'titel:' in \"titel:antics\" (fields: title, name, source, "
                     "date, article, said, saidby)") != std::string::npos);
    // Quoted, the same characters are words.
    RunResult quoted = run_graf({"search", "--db", (tmp / "db").string(), "\"titel:antics\""});
    CHECK(quoted.exit_code == 0);
}

TEST_CASE("cli: a query that starts with - goes after --, and the error says so") {
    TempDir tmp;
    const auto db = (tmp / "db").string();
    index_sample(tmp / "db");
    RunResult bare = run_graf({"search", "--db", db, "-fracas Bannon"});
    CHECK(bare.exit_code == 1);
    CHECK(bare.err ==
          "graf: unknown option -f in '-fracas Bannon'; an argument that starts with - goes "
          "after --, as in `graf search -- '-fracas Bannon'` (see `graf search --help`)\n");
    RunResult later = run_graf({"search", "--db", db, "Bannon", "-fracas"});
    CHECK(later.exit_code == 1);
    CHECK(later.err.find("an argument that starts with - goes after --") != std::string::npos);
    // After --, it is the query: Bannon's articles that never say "fracas".
    json hits = search_json(tmp / "db", {"--", "-fracas Bannon"})["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "sample:000_e09bedad7cb2df9b");
}

TEST_CASE("cli: a query of operators alone is an error, quoted they are words") {
    TempDir tmp;
    const auto db = (tmp / "db").string();
    index_sample(tmp / "db");
    RunResult ops = run_graf({"search", "--db", db, "AND OR NOT"});
    CHECK(ops.exit_code == 1);
    CHECK(
        ops.err ==
        "graf: search: query error: the query is only operators (AND OR NOT): give words to search "
        "for; to search for these words, put them in quotes: \"AND OR NOT\"\n");
    CHECK(ops.out.empty());
    CHECK(run_graf({"search", "--db", db, "NOT"}).exit_code == 1);
    CHECK(run_graf({"search", "--db", db, "\"AND OR NOT\""}).exit_code == 0);
    CHECK(run_graf({"search", "--db", db, "BANNON AND MUSK"}).exit_code == 0);  // shouted words
}

TEST_CASE("cli: filter queries count their articles exactly") {
    // 1,500 articles in January, 600 in February, two sources: more
    // paragraphs than the match checks before it may stop early.
    TempDir tmp;
    std::string feed;
    for (int i = 0; i < 2100; ++i)
        feed += fmt::format(
            "{{\"id\": \"{}\", \"date\": \"2020-{:02}-{:02}\", \"source\": \"{}\", \"body\": "
            "\"Harbour report {}.\\n\\nSecond paragraph {}.\"}}\n",
            i, i < 1500 ? 1 : 2, i % 28 + 1, i % 3 ? "wire" : "gazette", i, i);
    write_file(tmp / "feed.jsonl", feed);
    RunResult indexed = index_into(tmp / "db", {(tmp / "feed.jsonl").string()});
    REQUIRE(indexed.exit_code == 0);
    int mid_january = 0;  // --since 2020-01-15: days 15 to 28 of the 1,500
    for (int i = 0; i < 1500; ++i) mid_january += i % 28 + 1 >= 15;
    struct Case {
        std::vector<std::string> query;
        int articles;
    };
    const Case cases[] = {
        {{"date:2020-01"}, 1500},
        {{"date:2020-02.."}, 600},
        {{"source:gazette"}, 700},
        {{"source:wire"}, 1400},  // by article documents (AXSRC)
        {{"source:wire", "date:2020-01"}, 1000},
        {{"--since", "2020-01-15", "date:..2020-01"}, mid_january},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query.front());
        json j = search_json(tmp / "db", c.query);
        CHECK(j["total_exact"] == true);
        CHECK(j["total_estimate"] == c.articles);
        CHECK(j["total_lower"] == c.articles);
        CHECK(j["total_upper"] == c.articles);
    }
    // --paragraphs counts paragraphs: 3,000, too many to count cheaply; the
    // estimate stays honest.
    json paragraphs = search_json(tmp / "db", {"date:2020-01", "--paragraphs"});
    CHECK(paragraphs["total_exact"] == false);
    CHECK(paragraphs["total_lower"] <= 3000);
    CHECK(paragraphs["total_upper"] >= 3000);
    RunResult text =
        run_graf({"search", "--db", (tmp / "db").string(), "--limit", "0", "date:2020-01"});
    CHECK(text.out.find("1500 matching articles") != std::string::npos);
    CHECK(text.out.find("About") == std::string::npos);
}
