// Ranking through `graf search`: free words rank articles as a whole (their
// article documents), each shown with its best paragraph; long questions are
// widened by pseudo-relevance feedback; article documents never show up as
// paragraphs or in counts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// Three articles as JSON Lines. "spread" has the query's words only in
// different paragraphs and its title; "one" has them all in one paragraph of
// a long unrelated article; "old" is "spread" dated years earlier, with one
// paragraph more (the same text would be shown once, as a duplicate).
std::string corpus() {
    std::string filler;
    for (int i = 0; i < 12; ++i)
        filler +=
            "\\n\\nThe council met again and discussed the harbour, the roads and the schools.";
    return "{\"id\": \"spread\", \"title\": \"Crude oil prices\", \"date\": \"2024-05-01\", "
           "\"body\": \"Markets were calm in the morning.\\n\\nCrude supplies from the north fell "
           "again.\\n\\nOil tankers waited.\\n\\nPrices at the pump rose sharply.\"}\n"
           "{\"id\": \"one\", \"title\": \"Council notes\", \"date\": \"2024-05-02\", "
           "\"body\": \"A member mentioned crude oil prices once." +
           filler +
           "\"}\n"
           "{\"id\": \"old\", \"title\": \"Crude oil prices\", \"date\": \"2019-05-01\", "
           "\"body\": \"Markets were calm in the morning.\\n\\nCrude supplies from the north fell "
           "again.\\n\\nOil tankers waited.\\n\\nPrices at the pump rose sharply.\\n\\nFrom "
           "the archive.\"}\n";
}

struct Indexed {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    Indexed() {
        write_file(tmp / "news.jsonl", corpus());
        RunResult r = index_into(db, {"--quiet", (tmp / "news.jsonl").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
};

std::vector<std::string> articles(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["hits"]) out.push_back(h["article"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("ranking: an article whose words are spread over paragraphs and title ranks first") {
    Indexed s;
    json r = search_json(s.db, {"crude", "oil", "prices"});
    // No paragraph of "spread" has all three words; as a whole it is about them.
    REQUIRE(articles(r).size() == 3);
    CHECK(articles(r)[2] == "one");
    CHECK(r["total_estimate"] == 3);
    CHECK(r["total_exact"] == true);
    // The snippet is the article's best paragraph, not its first: paragraph
    // 1 has none of the words.
    CHECK(r["hits"][0]["paragraph"] != 1);
    CHECK(r["hits"][0]["matching_paragraphs"] == 3);
    // --since/--until apply to the article ranking too.
    json recent = search_json(s.db, {"--since", "2020-01-01", "crude", "oil", "prices"});
    CHECK(articles(recent) == std::vector<std::string>{"spread", "one"});
}

TEST_CASE("ranking: article documents are never paragraphs") {
    Indexed s;
    json st = stats_json(s.db);
    CHECK(st["articles"] == 3);
    CHECK(st["paragraphs"] == 4 + 13 + 5);
    // "-word" alone lists every paragraph without the word, none of them empty.
    json without = search_json(s.db, {"--paragraphs", "--limit", "100", "--", "-council"});
    CHECK(without["hits"].size() == 9);
    for (const auto& h : without["hits"]) CHECK_FALSE(h["snippet"].get<std::string>().empty());
    // --paragraphs ranks paragraphs: the one paragraph with all three words first.
    json paragraphs = search_json(s.db, {"--paragraphs", "crude", "oil", "prices"});
    CHECK(paragraphs["hits"][0]["article"] == "one");
    CHECK(paragraphs["hits"][0]["paragraph"] == 1);
}

TEST_CASE("ranking: a long question is widened by feedback, unless --no-feedback") {
    Indexed s;
    const std::string question = "why did crude oil prices rise at the pump in the north";
    json widened = search_json(s.db, {question});
    CHECK(widened["expanded"] == true);
    // A few articles match: counted exactly beyond the page, the expansion's
    // words included.
    REQUIRE(widened["total_estimate"].get<int>() > 1);
    json first = search_json(s.db, {"--limit", "1", question});
    CHECK(first["expanded"] == true);
    CHECK(first["total_exact"] == true);
    CHECK(first["total_estimate"] == widened["total_estimate"]);
    CHECK(search_json(s.db, {"--no-feedback", question})["expanded"] == false);
    // Short queries are one match: no feedback.
    CHECK(search_json(s.db, {"crude", "oil"})["expanded"] == false);
}

TEST_CASE("ranking: --expand widens a short query with the words of its best hits") {
    TempDir tmp;
    // Three cocoa stories (not identical: those would show once) share the
    // vocabulary of the buffer stock talks; "talks" is one of them without
    // the word "cocoa"; "roads" shares none.
    std::string lines;
    for (const char* id : {"c1", "c2", "c3"})
        lines += std::string("{\"id\": \"") + id + "\", \"title\": \"Cocoa " + id +
                 "\", \"body\": \"Cocoa producers and the ICCO delegates argued over buffer "
                 "stock rules.\"}\n";
    lines +=
        "{\"id\": \"talks\", \"title\": \"Council agrees\", \"body\": \"ICCO delegates "
        "agreed buffer stock rules in London.\"}\n"
        "{\"id\": \"roads\", \"title\": \"Council notes\", \"body\": \"The council "
        "discussed the roads and the schools.\"}\n";
    write_file(tmp / "news.jsonl", lines);
    const auto db = tmp / "db";
    REQUIRE(index_into(db, {"--quiet", (tmp / "news.jsonl").string()}).exit_code == 0);

    json plain = search_json(db, {"cocoa"});
    CHECK(plain["expanded"] == false);
    std::vector<std::string> found = articles(plain);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"c1", "c2", "c3"});
    json widened = search_json(db, {"--expand", "cocoa"});
    CHECK(widened["expanded"] == true);
    // The story without the word is found by its words, after the three.
    REQUIRE(articles(widened).size() == 4);
    CHECK(articles(widened)[3] == "talks");
    const auto& added = widened["expansion"];
    CHECK(std::find(added.begin(), added.end(), "icco") != added.end());
    CHECK(std::find(added.begin(), added.end(), "delegates") != added.end());
    // The text output says which words were added.
    RunResult text = run_graf({"search", "--db", db.string(), "--expand", "cocoa"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Widened with words of its best hits: ") != std::string::npos);
    RunResult both =
        run_graf({"search", "--db", db.string(), "--expand", "--no-feedback", "cocoa"});
    CHECK(both.exit_code == 1);
    CHECK(both.err == "graf: search: --expand and --no-feedback contradict: give one\n");
}

TEST_CASE("ranking: --name ranks articles by how often they name the person") {
    TempDir tmp;
    std::string passing_filler;
    for (int i = 0; i < 6; ++i)
        passing_filler += "\\n\\nThe harbour board met and discussed the roads and the schools.";
    write_file(tmp / "people.jsonl",
               "{\"id\": \"passing\", \"title\": \"Harbour board\", \"date\": \"2024-05-02\", "
               "\"body\": \"The board met on Monday." +
                   passing_filler +
                   "\\n\\nClara Voss attended briefly.\"}\n"
                   "{\"id\": \"profile\", \"title\": \"A new chair\", \"date\": \"2024-05-01\", "
                   "\"body\": \"Clara Voss was elected chair on Monday.\\n\\nVoss said the vote "
                   "was close.\\n\\nThe board thanked Voss for her work.\"}\n"
                   "{\"id\": \"other\", \"title\": \"Sport\", \"date\": \"2024-05-03\", "
                   "\"body\": \"Howard Voss won the race.\\n\\nVoss said he was tired.\"}\n");
    const std::filesystem::path db = tmp / "db";
    RunResult r = index_into(db, {"--quiet", (tmp / "people.jsonl").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    json named = search_json(db, {"--name", "Clara Voss"});
    // Three mentions (two by surname alone, resolved to her) outrank one;
    // Howard Voss's "Voss said" is not hers.
    CHECK(articles(named) == std::vector<std::string>{"profile", "passing"});
    CHECK(named["total_estimate"] == 2);
    CHECK(named["total_exact"] == true);
    CHECK(named["hits"][0]["matching_paragraphs"] == 3);
    CHECK(named["hits"][1]["paragraph"] == 8);
    CHECK(articles(search_json(db, {"--name", "Clara Voss", "--until", "2024-05-01"})) ==
          std::vector<std::string>{"profile"});
    // --paragraphs still lists every paragraph naming her.
    CHECK(search_json(db, {"--name", "Clara Voss", "--paragraphs"})["hits"].size() == 4);
}

TEST_CASE("ranking: identical articles under other ids show once, naming the others") {
    TempDir tmp;
    const std::string story =
        "\"title\": \"Ferry timetable\", \"date\": \"2024-05-01\", \"body\": \"The ferry "
        "timetable changes in winter.\\n\\nThe harbour board agreed.\"";
    write_file(tmp / "wire.jsonl", "{\"id\": \"a1\", " + story + "}\n{\"id\": \"b7\", " + story +
                                       "}\n{\"id\": \"c3\", \"title\": \"Ferry fares\", "
                                       "\"body\": \"Ferry fares rise in winter.\"}\n");
    const std::filesystem::path db = tmp / "db";
    RunResult r = index_into(db, {"--quiet", (tmp / "wire.jsonl").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    json found = search_json(db, {"ferry", "winter"});
    REQUIRE(found["hits"].size() == 2);
    CHECK(found["total_estimate"] == 2);  // two stories, not three articles
    std::vector<std::string> all;
    for (const auto& h : found["hits"]) {
        if (h["article"] == "c3") {
            CHECK(h["duplicates"].empty());
            continue;
        }
        // Which of the two is shown is Xapian's tie-break; the other is named.
        const std::string other = h["article"] == "a1" ? "wire:b7" : "wire:a1";
        CHECK(h["duplicates"] == json::array({other}));
    }
    // The text output names it too; --paragraphs lists every paragraph as it is.
    RunResult text = run_graf({"search", "--db", db.string(), "ferry", "timetable"});
    CHECK(text.out.find("also: wire:") != std::string::npos);
    CHECK(search_json(db, {"--paragraphs", "\"ferry timetable\""})["hits"].size() == 2);
}
