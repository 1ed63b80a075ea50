// graf search / names / stats through the binary, on the sample corpus.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {
constexpr const char* kSeed1 = "000_e09bedad7cb2df9b";
constexpr const char* kSeed2 = "003_84c52f86285699e3";

struct SampleIndex {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    SampleIndex() { index_sample(db); }
    json search(std::vector<std::string> args) { return search_json(db, std::move(args)); }
};

std::set<std::string> found(const json& result) {
    std::set<std::string> out;
    for (const auto& h : result["hits"])
        out.insert(h["article"].get<std::string>() + "#" +
                   std::to_string(h["paragraph"].get<int>()));
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Every highlight of every hit, as the text it covers.
std::vector<std::string> highlighted(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["hits"]) {
        std::string snippet = h["snippet"];
        for (const auto& span : h["highlights"]) {
            std::size_t b = span[0], len = span[1];
            REQUIRE(b + len <= snippet.size());
            out.push_back(snippet.substr(b, len));
        }
    }
    return out;
}

std::string p(const char* article, int n) {
    return std::string(article) + "#" + std::to_string(n);
}
}  // namespace

TEST_CASE("search: a name finds the glued word and both seeds") {
    SampleIndex s;
    json r = s.search({"--paragraphs", "Bannon"});
    CHECK(found(r) ==
          std::set<std::string>{p(kSeed1, 6), p(kSeed2, 1), p(kSeed2, 2), p(kSeed2, 3)});
    for (const std::string& h : highlighted(r)) CHECK(h == "Bannon");
    // Collapsed by article (the default): one hit per article, with a count.
    json collapsed = s.search({"Bannon"});
    REQUIRE(collapsed["hits"].size() == 2);
    CHECK(collapsed["total_estimate"] == 2);
    for (const auto& h : collapsed["hits"])
        CHECK(h["matching_paragraphs"] == (h["article"] == kSeed2 ? 3 : 1));
}

TEST_CASE("search: possessive and exact names") {
    SampleIndex s;
    CHECK(found(s.search({"--paragraphs", "Masayoshi"})) == std::set<std::string>{p(kSeed1, 2)});
    // Musk’s-only paragraph is found by Musk.
    CHECK(found(s.search({"--paragraphs", "--limit", "20", "Musk"})).count(p(kSeed1, 5)));
}

TEST_CASE("search: a phrase is highlighted as one span, curly quotes too") {
    SampleIndex s;
    for (const char* q : {"\"good authority\"", "“good authority”"}) {
        CAPTURE(q);
        json r = s.search({"--paragraphs", q});
        CHECK(found(r) == std::set<std::string>{p(kSeed1, 1), p(kSeed2, 2)});
        CHECK(highlighted(r) == std::vector<std::string>{"good authority", "good authority"});
    }
}

TEST_CASE("search: stemming finds variants and highlights them") {
    SampleIndex s;
    json r = s.search({"--paragraphs", "authorities"});
    CHECK(found(r) == std::set<std::string>{p(kSeed1, 1), p(kSeed2, 2)});
    for (const std::string& h : highlighted(r)) CHECK(lower(h) == "authority");
}

TEST_CASE("search: --name includes surname-only paragraphs") {
    SampleIndex s;
    json r = s.search(
        {"--paragraphs", "--limit", "20", "--snippet-chars", "100000", "--name", "Sam Altman"});
    std::set<std::string> hits = found(r);
    CHECK(hits.count(p(kSeed1, 2)));  // "Sam Altman" in full
    CHECK(hits.count(p(kSeed1, 3)));  // only "Altman"
    CHECK(hits.count(p(kSeed2, 2)));  // "OpenAI’s Sam Altman"
    bool surname_only_seen = false;
    for (const auto& h : r["hits"]) {
        std::string text = h["snippet"];
        if (text.find("Sam Altman") == std::string::npos) {
            surname_only_seen = true;
            CHECK(text.find("Altman") != std::string::npos);
        }
    }
    CHECK(surname_only_seen);
    // name: in the query language is the same search.
    CHECK(found(s.search({"--paragraphs", "--limit", "20", "name:\"Sam Altman\""})) == hits);
    // Nobody else is called Steve Bannon; "Steve Bannon" finds all his paragraphs.
    CHECK(found(s.search({"--paragraphs", "--limit", "20", "--name", "Steve Bannon"})).size() == 4);
}

TEST_CASE("search: JSON output has the documented fields and offsets") {
    SampleIndex s;
    json r = s.search({"Musk", "feud"});
    for (const char* key : {"query", "total_estimate", "took_ms", "hits"}) CHECK(r.contains(key));
    REQUIRE_FALSE(r["hits"].empty());
    for (const char* key : {"rank", "article", "paragraph", "title", "date", "source", "score",
                            "matching_paragraphs", "snippet", "highlights"})
        CHECK(r["hits"][0].contains(key));
    CHECK(r["hits"][0]["rank"] == 1);
    for (const std::string& h : highlighted(r)) CHECK((lower(h) == "musk" || lower(h) == "feud"));
}

TEST_CASE("search: text output, limit and offset") {
    SampleIndex s;
    RunResult r =
        run_graf({"search", "--db", s.db.string(), "--color", "never", "--limit", "1", "Bannon"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("  1. ") != std::string::npos);
    CHECK(r.out.find("  2. ") == std::string::npos);
    CHECK(r.out.find("\n2 matching articles") != std::string::npos);  // counted, not "About"
    json name = s.search({"--name", "Steve Bannon"});
    CHECK(name["total_estimate"] == 2);
    CHECK(name["total_exact"] == true);
    CHECK(r.out.find("\x1b[") == std::string::npos);
    RunResult colored = run_graf({"search", "--db", s.db.string(), "--color", "always", "Bannon"});
    CHECK(colored.out.find("\x1b[1;33mBannon\x1b[0m") != std::string::npos);
    json second = s.search({"--limit", "1", "--offset", "1", "Bannon"});
    REQUIRE(second["hits"].size() == 1);
    CHECK(second["hits"][0]["rank"] == 2);
}

TEST_CASE("search: boolean operators, wildcard, NEAR, dates") {
    SampleIndex s;
    CHECK(found(s.search({"--paragraphs", "Bannon NOT Musk"})) == std::set<std::string>{});
    CHECK(found(s.search({"--paragraphs", "Masayoshi OR fracas"})) ==
          std::set<std::string>{p(kSeed1, 2), p(kSeed2, 1)});
    CHECK(found(s.search({"--paragraphs", "fracas", "date:2025-01-27"})).size() == 1);
    CHECK(found(s.search({"--paragraphs", "Bannon", "--since", "2025-02-01"})).empty());
    CHECK(found(s.search({"--paragraphs", "Masayo*"})) == std::set<std::string>{p(kSeed1, 2)});
    CHECK(found(s.search({"--paragraphs", "Musk NEAR/3 Altman"})).count(p(kSeed1, 3)));
    CHECK(found(s.search({"--paragraphs", "alt-right"})) == std::set<std::string>{p(kSeed2, 1)});
    CHECK(found(s.search({"--paragraphs", "title:antics"})).size() == 6);
}

TEST_CASE("search: a long question ranks without demanding every word") {
    SampleIndex s;
    json r = s.search({"who", "said", "they", "had", "it", "on", "good", "authority", "that", "the",
                       "money", "was", "missing"});
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["article"] == kSeed1);  // "…don’t actually have the money … good authority"
    json shout = s.search({"WHO", "BROKE", "THEM", "AND", "MADE", "THEM", "SURRENDER"});
    REQUIRE_FALSE(shout["hits"].empty());
    CHECK(shout["hits"][0]["article"] == kSeed2);
}

TEST_CASE("search: did you mean") {
    SampleIndex s;
    json r = s.search({"Bannnon"});
    CHECK(r["hits"].empty());
    CHECK(r["suggestion"] == "Bannon");
    CHECK_FALSE(s.search({"Bannon"}).contains("suggestion"));
    RunResult text = run_graf({"search", "--db", s.db.string(), "stargte"});
    CHECK(text.out.find("Did you mean: stargate") != std::string::npos);
}

TEST_CASE("search: malformed queries and missing indexes exit with one clear line") {
    SampleIndex s;
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        const char* message;
    };
    const Case cases[] = {
        {{"date:2025-13-99.."}, 1, "not a valid date"},
        {{"bannon AND"}, 1, "AND needs a word"},
        {{"bannon NEAR"}, 1, "the query ends"},
        {{"--since", "2025-99"}, 1, "not a valid date"},
        {{"--sort", "nonsense", "x"}, 1, "--sort"},
        {{"--limit", "many", "x"}, 1, "many"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = {"search", "--db", s.db.string()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        if (c.args[0] == "--since") args.push_back("Bannon");
        RunResult r = run_graf(args);
        CAPTURE(c.message);
        CHECK(r.exit_code == c.exit_code);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find("terminate") == std::string::npos);
    }
    TempDir empty;
    RunResult missing = run_graf({"search", "--db", (empty / "nope").string(), "x"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("graf index") != std::string::npos);
    RunResult stats = run_graf({"stats", "--db", (empty / "nope").string()});
    CHECK(stats.exit_code == 2);
}

TEST_CASE("names and stats") {
    SampleIndex s;
    RunResult r = run_graf({"names", "--db", s.db.string(), "--json", "--top", "50"});
    REQUIRE(r.exit_code == 0);
    json names = json::parse(r.out);
    std::map<std::string, json> by_name;
    for (const auto& n : names) by_name[n["name"]] = n;
    for (const char* who : {"Steve Bannon", "Sam Altman", "Caroline Leavitt", "Elon Musk"}) {
        CAPTURE(who);
        CHECK(by_name.count(who));
    }
    CHECK(by_name["Steve Bannon"]["articles"] == 2);
    CHECK(by_name["Steve Bannon"]["paragraphs"] == 4);
    json prefixed = json::parse(run_graf({"names", "--db", s.db.string(), "--json", "ste"}).out);
    REQUIRE(prefixed.size() == 1);
    CHECK(prefixed[0]["name"] == "Steve Bannon");

    RunResult st = run_graf({"stats", "--db", s.db.string()});
    CHECK(st.out.find("articles:       2") != std::string::npos);
    CHECK(st.out.find("2025-01-27") != std::string::npos);
}

TEST_CASE("search: an index from another graf version answers, with a warning to re-index") {
    SampleIndex s;
    {
        Xapian::WritableDatabase db(s.db.string(), Xapian::DB_OPEN);
        db.set_metadata("graf:schema", "3");
        db.commit();
    }
    RunResult r = run_graf({"search", "--db", s.db.string(), "Bannon"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Bannon") != std::string::npos);
    CHECK(r.err.find("index schema 3") != std::string::npos);
    CHECK(r.err.find("run `graf index`") != std::string::npos);
    CHECK(run_graf({"stats", "--db", s.db.string()}).err.find("schema 3") != std::string::npos);
    // graf index brings it up to date: the warning goes.
    index_sample(s.db);
    CHECK(run_graf({"search", "--db", s.db.string(), "Bannon"}).err.empty());
}
