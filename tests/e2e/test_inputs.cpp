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
