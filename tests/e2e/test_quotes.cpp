// graf quotes, said:/saidby: and graf show's quote lines through the binary,
// on the sample corpus: the "Done when" of issue 18.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

struct Sample {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    Sample() { index_sample(db); }
    json quotes(std::vector<std::string> args) {
        args.insert(args.begin(), {"quotes", "--db", db.string(), "--json"});
        RunResult r = run_graf(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
};

// "speaker|pattern|¶N|text" for each hit, in rank order.
std::vector<std::string> lines(const json& r) {
    std::vector<std::string> out;
    for (const auto& h : r["hits"])
        out.push_back(h["speaker"].get<std::string>() + "|" + h["pattern"].get<std::string>() +
                      "|" + h["id"].get<std::string>() + " ¶" +
                      std::to_string(h["paragraph"].get<int>()) + "|" +
                      h["text"].get<std::string>());
    return out;
}

const std::string kSeed1 = "sample:000_e09bedad7cb2df9b";
const std::string kSeed2 = "sample:003_84c52f86285699e3";

}  // namespace

TEST_CASE("quotes: the sample's quotations and their speakers") {
    Sample s;
    CHECK(lines(s.quotes({"--name", "Elon Musk"})) ==
          std::vector<std::string>{
              "elon musk|x-said|" + kSeed1 + " ¶1|They don’t actually have the money,",
              "elon musk|continued|" + kSeed1 +
                  " ¶1|SoftBank has well under $10B secured. I have that on good authority.",
              "elon musk|pronoun|" + kSeed1 + " ¶3|What a liar,",
          });
    CHECK(lines(s.quotes({"--name", "Steve Bannon"})) ==
          std::vector<std::string>{
              "steve bannon|x-said|" + kSeed2 +
                  " ¶2|There’s something fundamentally wrong here about the structure and about "
                  "his understanding of the structure.",
              "steve bannon|continued|" + kSeed2 +
                  " ¶2|This is not Silicon Valley. This is not tech bros.",
              "steve bannon|x-said|" + kSeed2 + " ¶3|He broke them, and they surrendered,",
              "steve bannon|pronoun|" + kSeed1 + " ¶6|There is something fundamentally wrong here,",
          });
    const std::vector<std::string> altman = lines(s.quotes({"--name", "Sam Altman"}));
    REQUIRE(altman.size() == 1);
    CHECK(altman[0].rfind("sam altman|x-said|" + kSeed1 + " ¶3|I realize that what’s good", 0) ==
          0);
    const std::vector<std::string> leavitt = lines(s.quotes({"--name", "Caroline Leavitt"}));
    REQUIRE(leavitt.size() == 1);
    CHECK(leavitt[0].rfind("caroline leavitt|x-said|" + kSeed1 + " ¶4|the American people", 0) ==
          0);
    // A surname finds the speakers with it; nobody said anything as "Trump".
    CHECK(s.quotes({"--name", "Musk"})["hits"].size() == 3);
    CHECK(s.quotes({"--name", "Donald Trump"})["hits"].empty());
}

TEST_CASE("quotes: words match inside quotations, highlighted") {
    Sample s;
    const json r = s.quotes({"\"good authority\""});
    REQUIRE(r["hits"].size() == 1);  // seed 2 has “good authority” only as a fragment
    const json& h = r["hits"][0];
    CHECK(h["speaker"] == "elon musk");
    const std::string text = h["text"];
    REQUIRE(h["highlights"].size() == 1);
    CHECK(text.substr(h["highlights"][0][0], h["highlights"][0][1]) == "good authority");
    // The words and the speaker together; words outside the quotation do not count.
    CHECK(s.quotes({"money", "--name", "Elon Musk"})["hits"].size() == 1);
    CHECK(s.quotes({"stargate", "--name", "Elon Musk"})["hits"].empty());
    CHECK(s.quotes({"--limit", "1", "--name", "Elon Musk"})["more"] == true);
    CHECK(lines(s.quotes({"--offset", "2", "--name", "Elon Musk"})).size() == 1);
}

TEST_CASE("quotes: said: and saidby: in graf search") {
    Sample s;
    json said = search_json(s.db, {"said:\"good authority\"", "--paragraphs"});
    REQUIRE(said["hits"].size() == 1);
    CHECK(said["hits"][0]["paragraph"] == 1);
    CHECK(said["hits"][0]["id"] == kSeed1);
    // Plain "good authority" also finds seed 2's fragment.
    CHECK(search_json(s.db, {"\"good authority\"", "--paragraphs"})["hits"].size() == 2);
    json by = search_json(s.db, {"saidby:\"Elon Musk\" stargate", "--paragraphs"});
    REQUIRE(by["hits"].size() == 2);         // ¶1 and ¶3 hold Musk's quotations
    CHECK(by["hits"][0]["paragraph"] == 1);  // the one that also says Stargate ranks first
    RunResult explain = run_graf(
        {"search", "--db", s.db.string(), "--explain", "said:authority saidby:\"Steve Bannon\""});
    CHECK(explain.out.find("(group +said:(authority~) +saidby:\"steve bannon\")") !=
          std::string::npos);
    CHECK(explain.out.find("XQSsteve bannon") != std::string::npos);
}

TEST_CASE("quotes: saidby: with a surname is every speaker with it, as --name is") {
    Sample s;
    // graf quotes: saidby:Musk is --name Musk: Elon Musk's three quotations.
    const std::vector<std::string> by_name = lines(s.quotes({"--name", "Musk"}));
    CHECK(by_name.size() == 3);
    CHECK(lines(s.quotes({"saidby:Musk"})) == by_name);
    CHECK(lines(s.quotes({"saidby:Bannon"})) == lines(s.quotes({"--name", "Steve Bannon"})));
    CHECK(s.quotes({"saidby:Trump"})["hits"].empty());  // nobody is quoted as Trump
    // graf search: the same paragraphs as the full name.
    const json full = search_json(s.db, {"saidby:\"Elon Musk\" stargate", "--paragraphs"});
    const json surname = search_json(s.db, {"saidby:Musk stargate", "--paragraphs"});
    REQUIRE(surname["hits"].size() == 2);
    CHECK(surname["hits"][0]["paragraph"] == full["hits"][0]["paragraph"]);
    CHECK(surname["hits"][1]["paragraph"] == full["hits"][1]["paragraph"]);
    RunResult explain = run_graf({"search", "--db", s.db.string(), "--explain", "saidby:Musk"});
    CHECK(explain.out.find("XQSelon musk") != std::string::npos);
}

// A quotation over three paragraphs, and one whose paragraphs the text ran
// together, in a feed written here.
TEST_CASE("quotes: a quotation over several paragraphs is one quotation") {
    TempDir tmp;
    const std::filesystem::path feed = tmp / "feed.jsonl";
    write_file(feed,
               R"({"id": "harbour-1", "title": "Pier plan", "date": "2025-03-01", "body": )"
               R"("Harbour master Morag Fraser spoke on Tuesday.\n\nMorag Fraser said: \"We will )"
               R"(build the new pier before the winter storms\n\n\"and the ferry will run )"
               R"(every day of the year,\n\n\"whatever the council decides.\""})"
               "\n"
               R"({"id": "harbour-2", "title": "Budget", "date": "2025-03-02", "body": "The )"
               R"(council met on Monday.\n\n\"We have doubled the budget already. \"We will )"
               R"(finish the pier in May,\" Ewan Tait said."})"
               "\n");
    const std::filesystem::path db = tmp / "db";
    REQUIRE(index_into(db, {"--quiet", feed.string()}).exit_code == 0);
    RunResult r = run_graf({"quotes", "--db", db.string(), "--json", "--name", "Morag Fraser"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const json j = json::parse(r.out);
    REQUIRE(j["hits"].size() == 1);
    const json& h = j["hits"][0];
    CHECK(h["text"] ==
          "We will build the new pier before the winter storms\nand the ferry will run every day "
          "of the year,\nwhatever the council decides.");
    CHECK(h["paragraph"] == 2);
    CHECK(h["paragraphs"] == json::array({2, 3, 4}));
    REQUIRE(h["pieces"].size() == 3);
    CHECK(h["pieces"][2]["paragraph"] == 4);
    CHECK(h["open"] == false);
    // Found through a word of its last piece, it is still shown whole, once.
    const json w = json::parse(
        run_graf({"quotes", "--db", db.string(), "--json", "council OR pier OR ferry"}).out);
    std::vector<std::string> texts;
    for (const auto& hit : w["hits"]) texts.push_back(hit["text"]);
    CHECK(std::count(texts.begin(), texts.end(), h["text"].get<std::string>()) == 1);
    // A word of a piece is highlighted at its place in the whole.
    const json c = json::parse(run_graf({"quotes", "--db", db.string(), "--json", "whatever"}).out);
    REQUIRE(c["hits"].size() == 1);
    const std::string text = c["hits"][0]["text"];
    REQUIRE(c["hits"][0]["highlights"].size() == 1);
    CHECK(text.substr(c["hits"][0]["highlights"][0][0], c["hits"][0]["highlights"][0][1]) ==
          "whatever");
    // Run together in one paragraph: one quotation, its pieces joined by a space.
    const json t =
        json::parse(run_graf({"quotes", "--db", db.string(), "--json", "--name", "Tait"}).out);
    REQUIRE(t["hits"].size() == 1);
    CHECK(t["hits"][0]["text"] ==
          "We have doubled the budget already. We will finish the pier in May,");
    CHECK(t["hits"][0]["paragraphs"] == json::array({2}));
    // The text output names the paragraphs and puts each on its line.
    RunResult text_out =
        run_graf({"quotes", "--db", db.string(), "--color", "never", "--name", "Morag Fraser"});
    CHECK(text_out.out.find("feed:harbour-1 ¶2–4 · 2025-03-01") != std::string::npos);
    CHECK(text_out.out.find("     “We will build the new pier before the winter storms\n      and "
                            "the ferry will run every day of the year,\n      whatever the "
                            "council decides.”\n") != std::string::npos);
}

TEST_CASE("quotes: graf show lists quotations under their paragraphs") {
    Sample s;
    RunResult r = run_graf({"show", "--db", s.db.string(), kSeed1});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("   ❝ They don’t actually have the money, — Elon Musk (x-said)\n") !=
          std::string::npos);
    CHECK(r.out.find("   ❝ What a liar, — Elon Musk (pronoun)\n") != std::string::npos);
    const json j = json::parse(run_graf({"show", "--db", s.db.string(), "--json", kSeed1}).out);
    const json& q = j["paragraphs"][0]["quotes"][0];
    CHECK(q["speaker"] == "elon musk");
    const std::string text = j["paragraphs"][0]["text"];
    CHECK(text.substr(q["begin"], q["end"].get<int>() - q["begin"].get<int>()) ==
          "They don’t actually have the money,");
}

TEST_CASE("quotes: errors name what is wrong") {
    Sample s;
    RunResult none = run_graf({"quotes", "--db", s.db.string()});
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("give a query or --name") != std::string::npos);
    TempDir empty;
    RunResult missing = run_graf({"quotes", "--db", (empty / "nothing").string(), "--name", "X Y"});
    CHECK(missing.exit_code == 2);
    RunResult bad = run_graf({"quotes", "--db", s.db.string(), "saidby:"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("saidby: needs a word") != std::string::npos);
}
