// Bad input never crashes graf and never loses what was indexed.
#include <doctest/doctest.h>
#include <unistd.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("bad input: skipped with a message naming it, the rest indexed, exit 3") {
    TempDir tmp;
    fs::path in = tmp / "in";
    write_file(in / "good.txt", "Good title\n\nA good paragraph about Vienna.\n");
    write_file(in / "latin1.txt",
               "Pounds\n\nIt cost \xA3"
               "5 in the caf\xE9.\n");                                    // Windows-1252
    write_file(in / "damaged.txt", "Broken\n\nMusk’s \xFF\xFE text.\n");  // UTF-8 with bad bytes
    write_file(in / "empty.txt", "");
    write_file(in / "binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    write_file(in / "crlf.txt", "Windows\r\n\r\nLine one\r\nline two.\r\n");
    write_file(in / "bom.txt", "\xEF\xBB\xBFTitle with BOM\n\nBody after a BOM.\n");
    write_file(in / "ignored.pdf", "not a corpus file");
    write_file(in / "feed.jsonl",
               "{\"id\": \"j1\", \"body\": \"Fine line.\"}\n"
               "{\"id\": \"j2\", \"body\": \"truncated\n"
               "{\"id\": \"j3\", \"body\": 42}\n"
               "[1, 2]\n"
               "\n"
               "{\"id\": \"j4\", \"body\": \"Also fine.\"}\n");
    RunResult r = run_graf({"index", "--db", (tmp / "db").string(), in.string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("empty.txt: empty file") != std::string::npos);
    CHECK(r.err.find("binary.txt: binary file") != std::string::npos);
    CHECK(r.err.find(
              "latin1.txt: not valid UTF-8 (first bad byte at offset 16); read as Windows-1252") !=
          std::string::npos);
    CHECK(r.err.find("damaged.txt: invalid UTF-8 at byte offset") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:2: malformed JSON") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:3: field \"body\" must be a string") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:4: expected a JSON object") != std::string::npos);
    // Other files in a folder are not corpus files, and are named, not skipped silently.
    CHECK(r.err.find("in: 1 file of unknown type not read: ignored.pdf") != std::string::npos);

    json s = json::parse(run_graf({"stats", "--db", (tmp / "db").string(), "--json"}).out);
    CHECK(s["articles"] == 7);  // good, latin1, damaged, crlf, bom, j1, j4
    auto db = tmp / "db";
    json pound = search_json(db, {"--snippet-chars", "1000", "cafe"});
    REQUIRE(pound["hits"].size() == 1);
    CHECK(pound["hits"][0]["snippet"] == "It cost £5 in the café.");
    CHECK(search_json(db, {"line", "two"})["hits"][0]["snippet"] == "Line one line two.");
    CHECK(search_json(db, {"title:bom"})["hits"][0]["title"] == "Title with BOM");
}

TEST_CASE("bad input: a missing path is an error before anything is written") {
    TempDir tmp;
    RunResult r = run_graf({"index", "--db", (tmp / "db").string(), sample_corpus().string(),
                            (tmp / "nope").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nope: no such file or folder") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "db"));
}

TEST_CASE("bad input: nothing indexable is exit 2, usage errors are exit 1") {
    TempDir tmp;
    write_file(tmp / "in" / "empty.txt", "");
    RunResult r = run_graf({"index", "--db", (tmp / "db").string(), (tmp / "in").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("nothing could be indexed") != std::string::npos);
    CHECK(run_graf({"index"}).exit_code == 1);
    CHECK(run_graf({"index", "--bogus", "x"}).exit_code == 1);
    CHECK(run_graf({"frobnicate"}).exit_code == 1);
    RunResult not_index =
        run_graf({"index", "--db", sample_corpus().string(), sample_corpus().string()});
    CHECK(not_index.exit_code == 4);
    CHECK(not_index.err.find("not a graf index") != std::string::npos);
}

TEST_CASE("bad input: an unreadable file and a symlink loop") {
    if (geteuid() == 0) {
        // root reads everything; the loop is still worth checking
    }
    TempDir tmp;
    fs::path in = tmp / "in";
    write_file(in / "a" / "ok.txt", "T\n\nReadable text.\n");
    write_file(in / "secret.txt", "T\n\nUnreadable.\n");
    fs::permissions(in / "secret.txt", fs::perms::none);
    fs::create_directory_symlink(in, in / "a" / "loop");
    RunResult r = run_graf({"index", "--db", (tmp / "db").string(), in.string()});
    INFO(r.err);
    if (geteuid() != 0) {
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("secret.txt: cannot read") != std::string::npos);
    } else {
        CHECK(r.exit_code == 0);
    }
    CHECK(search_json(tmp / "db", {"readable"})["hits"].size() == 1);
}
