// Index what people have: Markdown and text with front matter, UTF-16 files,
// unknown files named, GRAF_DB as the default --db.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
using namespace std::string_literals;

TEST_CASE("inputs: front matter, UTF-16, unknown files named, GRAF_DB") {
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "notes" / "a.md",
               "---\ntitle: Harbour dues rise\ndate: 2024-06-01\nsource: Gazette\n"
               "url: https://x.invalid/a\n---\nThe harbour board raised its dues.\n");
    // "Tides" then a paragraph, saved by a Windows editor as "Unicode".
    std::string utf16 = "\xFF\xFE"s;
    for (char c : "Tides\r\n\r\nThe harbour tides were high."s) utf16 += std::string{c, '\0'};
    write_file(tmp / "notes" / "b.txt", utf16);
    write_file(tmp / "notes" / "c.doc", "binary word file");
    write_file(tmp / "notes" / "d.pdf", "%PDF");
    write_file(tmp / "notes" / "e.json", "[{\"id\": 1}]");

    ::setenv("GRAF_DB", db.c_str(), 1);
    RunResult r = run_graf({"index", (tmp / "notes").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("indexed 2 articles") != std::string::npos);
    CHECK(r.err.find("3 files of unknown type not read: c.doc, d.pdf, e.json") !=
          std::string::npos);
    CHECK(r.err.find("`jq -c '.[]' FILE.json > FILE.jsonl`") != std::string::npos);

    RunResult s = run_graf({"search", "--json", "harbour"});  // --db from GRAF_DB
    ::unsetenv("GRAF_DB");
    REQUIRE(s.exit_code == 0);
    json hits = json::parse(s.out)["hits"];
    REQUIRE(hits.size() == 2);
    for (const auto& h : hits) {
        if (h["id"] == "notes:a") {
            CHECK(h["title"] == "Harbour dues rise");
            CHECK(h["date"] == "2024-06-01");
            CHECK(h["source"] == "Gazette");
            CHECK(h["url"] == "https://x.invalid/a");
        } else {
            CHECK(h["id"] == "notes:b");
            CHECK(h["title"] == "Tides");
            CHECK(h["snippet"] == "The harbour tides were high.");
        }
    }
    CHECK(search_json(db, {"harbour", "source:gazette"})["hits"].size() == 1);
}

TEST_CASE("inputs: a JSON array or a UTF-16 feed is skipped with what to run, Latin-1 is read") {
    TempDir tmp;
    const auto db = tmp / "db";
    // What many tools export: an array, pretty-printed or on one line. Read
    // line by line it would give an article from its one-line element.
    write_file(tmp / "feeds" / "pretty.jsonl",
               "[\n  {\"id\": \"1\", \"body\": \"Harbour one.\"},\n"
               "  {\"id\": \"2\", \"body\": \"Harbour two.\"}\n]\n");
    write_file(tmp / "feeds" / "oneline.jsonl",
               "[{\"id\": \"3\", \"body\": \"Harbour three.\"}]\n");
    std::string utf16 = "\xFF\xFE"s;
    for (char c : "id,content\n4,Harbour four.\n"s) utf16 += std::string{c, '\0'};
    write_file(tmp / "feeds" / "excel.csv", utf16);
    // JSON must be UTF-8; an older tool's Latin-1 feed is read as the text files are.
    write_file(tmp / "feeds" / "latin1.jsonl",
               "{\"id\": \"5\", \"title\": \"Caf\xE9\", \"body\": \"Harbour caf\xE9.\"}\n");
    RunResult r = index_into(db, {(tmp / "feeds").string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("pretty.jsonl: a JSON array, not JSON Lines (one article object per line); "
                     "convert it with `jq -c '.[]' pretty.jsonl > pretty-lines.jsonl`") !=
          std::string::npos);
    CHECK(r.err.find("oneline.jsonl: a JSON array") != std::string::npos);
    CHECK(r.err.find("excel.csv: UTF-16 text (it starts with a byte order mark); graf reads "
                     "feeds as UTF-8: convert it with `iconv -f UTF-16 -t UTF-8 excel.csv > "
                     "utf8-excel.csv`") != std::string::npos);
    CHECK(r.err.find("latin1.jsonl:1: not UTF-8: lines read as Windows-1252") != std::string::npos);
    CHECK(r.err.find("malformed JSON") == std::string::npos);
    json hits = search_json(db, {"harbour"})["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "feeds:5");
    CHECK(hits[0]["title"] == "Café");

    // On standard input the hint is a pipe.
    RunResult piped = run_graf_with_stdin({"index", "--db", (tmp / "db2").string(), "-"},
                                          "[{\"id\": \"1\", \"body\": \"Harbour.\"}]\n");
    CHECK(piped.exit_code == 2);
    CHECK(piped.err.find("graf: skipped: stdin: a JSON array, not JSON Lines (one article object "
                         "per line); pipe it through `jq -c '.[]'` first") != std::string::npos);
}
