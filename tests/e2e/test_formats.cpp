// Index what people have: HTML pages, CSV dumps, JSON Lines on standard input.
#include <doctest/doctest.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

const char* const kHarbourPage = R"(<!DOCTYPE html><html><head>
<title>Harbour dues rise | The Gazette</title>
<meta property="og:title" content="Harbour dues rise">
<meta property="article:published_time" content="2024-06-01T09:30:00+01:00">
<meta property="og:url" content="https://gazette.invalid/harbour">
<script>window.cookieConsent = "accept all cookies";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour dues rise</h1>
<p>The harbour board raised its dues by a tenth on Monday.</p>
<div class="social-share"><p>Share on Facebook</p></div>
<p>Fishermen said the rise would cost them dearly.</p>
</article>
<aside><p>Most read: lighthouse keeper retires</p></aside>
<footer><p>Copyright The Gazette</p></footer>
</body></html>)";

}  // namespace

TEST_CASE("formats: HTML pages give the story's paragraphs, title, date and url") {
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "pages" / "harbour.html", kHarbourPage);
    write_file(tmp / "pages" / "old" / "tides.htm",
               "<title>Tides</title><p>The tides were high at the harbour.</p>");
    write_file(tmp / "pages" / "empty.html", "<nav><p>Home</p></nav>");
    RunResult r = index_into(db, {(tmp / "pages").string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);  // empty.html is skipped, and named
    CHECK(r.err.find("empty.html: no article text found") != std::string::npos);

    json hits = search_json(db, {"harbour", "--sort", "oldest"})["hits"];
    REQUIRE(hits.size() == 2);
    CHECK(hits[0]["id"] == "pages:old/tides");
    CHECK(hits[0]["title"] == "Tides");
    CHECK(hits[1]["id"] == "pages:harbour");
    CHECK(hits[1]["title"] == "Harbour dues rise");
    CHECK(hits[1]["date"] == "2024-06-01");
    CHECK(hits[1]["url"] == "https://gazette.invalid/harbour");

    RunResult show = run_graf({"show", "--db", db.string(), "pages:harbour"});
    INFO(show.err);
    REQUIRE(show.exit_code == 0);
    CHECK(show.out.find("¶1 The harbour board raised its dues by a tenth on Monday.") !=
          std::string::npos);
    CHECK(show.out.find("¶2 Fishermen said the rise would cost them dearly.") != std::string::npos);
    CHECK(show.out.find("¶3") == std::string::npos);
    // Scripts, navigation, sharing, asides and footers are not indexed.
    for (const char* furniture : {"cookies", "Sport", "Facebook", "lighthouse", "Copyright"})
        CHECK(search_json(db, {furniture})["hits"].empty());
}

TEST_CASE("formats: CSV dumps by header name, multi-line fields, bad rows named") {
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "dump.csv",
               "id,title,publication,author,date,url,content\n"
               "a1,Harbour dues rise,Gazette,Ann,2024-06-01,https://g.invalid/a1,\"The harbour "
               "board raised its dues.\n\nFishermen said \"\"no\"\".\"\n"
               "a2,Tides,Gazette,Bob,2024-06-02,,\"The tides, high\"\n"
               "a3,Broken,Gazette,Cy,2024-06-03,,too,many,fields\n");
    RunResult r = index_into(db, {(tmp / "dump.csv").string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("dump.csv:6: row has 9 fields, the header 7") != std::string::npos);
    json hits = search_json(db, {"harbour"})["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "dump:a1");
    CHECK(hits[0]["source"] == "Gazette");
    CHECK(hits[0]["date"] == "2024-06-01");
    RunResult show = run_graf({"show", "--db", db.string(), "--json", "dump:a1"});
    REQUIRE(show.exit_code == 0);
    json article = json::parse(show.out);
    CHECK(article["paragraphs"].size() == 2);
    CHECK(article["paragraphs"][1]["text"] == "Fishermen said \"no\".");
    CHECK(article["location"].get<std::string>().find("dump.csv:2") != std::string::npos);

    // Other column names: chosen with --csv-columns; a wrong choice names the columns.
    write_file(tmp / "other.csv", "headline,story\nLighthouse,The keeper retired.\n");
    RunResult other = index_into(
        db, {"--csv-columns", "title=headline,body=story", (tmp / "other.csv").string()});
    INFO(other.err);
    CHECK(other.exit_code == 0);
    CHECK(search_json(db, {"title:lighthouse"})["hits"].size() == 1);
    RunResult wrong = index_into(db, {"--csv-columns", "body=text", (tmp / "other.csv").string()});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("other.csv:1: --csv-columns body=text: the header has no column 'text' "
                         "(columns: headline, story)") != std::string::npos);
    RunResult bad = index_into(db, {"--csv-columns", "writer=by", (tmp / "other.csv").string()});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("unknown field 'writer' (fields: id, title, date, source, url, body)") !=
          std::string::npos);
}

TEST_CASE("formats: - reads JSON Lines from standard input, --prune refuses it") {
    TempDir tmp;
    const auto db = tmp / "db";
    const std::string feed =
        "{\"id\": \"h1\", \"title\": \"Harbour\", \"body\": \"The harbour board met.\"}\n"
        "{\"id\": \"h2\", \"body\": \"The tides were high.\"}\n";
    // Through a pipe, as a user would.
    write_file(tmp / "feed.jsonl", feed);
    RunResult piped =
        run_program("/bin/sh", {"-c", "cat \"$1\" | \"$2\" index --db \"$3\" --json -", "sh",
                                (tmp / "feed.jsonl").string(), GRAF_BINARY, db.string()});
    INFO(piped.err);
    REQUIRE(piped.exit_code == 0);
    CHECK(json::parse(piped.out)["added"] == 2);
    json hits = search_json(db, {"harbour"})["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "stdin:h1");
    RunResult show = run_graf({"show", "--db", db.string(), "--json", "stdin:h1"});
    CHECK(json::parse(show.out)["location"] == "stdin:1");

    // Again: incremental; --source names it.
    RunResult again = run_graf_with_stdin({"index", "--db", db.string(), "--json", "-"}, feed);
    CHECK(json::parse(again.out)["unchanged"] == 2);
    RunResult named =
        run_graf_with_stdin({"index", "--db", db.string(), "--source", "wire", "-"}, feed);
    CHECK(named.exit_code == 0);
    // The same feed under a second source: the same stories, shown once with the other named.
    json shown_once = search_json(db, {"harbour"});
    REQUIRE(shown_once["hits"].size() == 1);
    CHECK(shown_once["hits"][0]["duplicates"].size() == 1);

    // CSV on standard input.
    RunResult csv = run_graf_with_stdin(
        {"index", "--db", db.string(), "--stdin-format", "csv", "--source", "dump", "-"},
        "id,title,text\nc1,Quay,\"The harbour quay,\n\nrebuilt.\"\n");
    INFO(csv.err);
    CHECK(csv.exit_code == 0);
    json quay = search_json(db, {"title:quay"})["hits"];
    REQUIRE(quay.size() == 1);
    CHECK(quay[0]["id"] == "dump:c1");
    CHECK(run_graf_with_stdin({"index", "--db", db.string(), "--stdin-format", "xml", "-"}, "")
              .err.find("--stdin-format takes jsonl or csv, not 'xml'") != std::string::npos);

    // A stream cut short looks complete: --prune refuses before writing.
    const json before = stats_json(db);
    RunResult prune = run_graf_with_stdin({"index", "--db", db.string(), "--prune", "-"}, "");
    CHECK(prune.exit_code == 1);
    CHECK(prune.err.find("--prune cannot read - (standard input)") != std::string::npos);
    CHECK(stats_json(db)["articles"] == before["articles"]);
    RunResult twice = run_graf_with_stdin({"index", "--db", db.string(), "-", "-"}, feed);
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.find("- (standard input) can be given once") != std::string::npos);
    // Nothing on stdin: nothing indexed (exit 2), said so.
    RunResult empty = run_graf_with_stdin({"index", "--db", (tmp / "db2").string(), "-"}, "");
    CHECK(empty.exit_code == 2);
}
