// Article identity (schema 6): SOURCE:ID, unique across inputs, stable
// across runs, and an index of schema 5 brought up to date in place.
#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <sstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// `graf show --json ID`, parsed.
json shown(const std::filesystem::path& db, const std::string& id) {
    RunResult r = run_graf({"show", "--db", db.string(), "--json", id});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

std::set<std::string> ids_of(const json& result) {
    std::set<std::string> out;
    for (const auto& h : result["hits"]) out.insert(h["id"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("ids: the same file name in two folders is two articles, each re-indexed in place") {
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "srcA" / "001.txt", "Alpha title\n\nThe walrus spoke first.\n");
    write_file(tmp / "srcB" / "001.txt", "Beta title\n\nThe walrus spoke second.\n");
    REQUIRE(index_into(db, {(tmp / "srcA").string()}).exit_code == 0);
    RunResult b = index_into(db, {(tmp / "srcB").string()});
    INFO(b.err);
    CHECK(b.out.find("1 new, 0 changed") != std::string::npos);  // was "1 changed": A lost
    CHECK(stats_json(db)["articles"] == 2);

    json hits = search_json(db, {"walrus"});
    CHECK(ids_of(hits) == std::set<std::string>{"srcA:001", "srcB:001"});
    for (const auto& h : hits["hits"]) {
        CHECK(h["article"] == "001");  // the id the input gives it, for judgments
        const std::string folder = h["id"] == "srcA:001" ? "srcA" : "srcB";
        CHECK(shown(db, h["id"])["location"] == (tmp / folder / "001.txt").string());
        CHECK(h["source"] == folder);  // a folder without source labels: its name
    }
    CHECK(search_json(db, {"walrus", "source:srcB"})["hits"].size() == 1);
    CHECK(search_json(db, {"article:srcA:001"})["hits"].size() == 1);
    CHECK(search_json(db, {"article:001"})["hits"].size() == 2);  // the input's id: both

    // Re-indexing an input is incremental; --source names it explicitly.
    CHECK(index_into(db, {(tmp / "srcA").string()}).out.find("0 new, 0 changed, 1 unchanged") !=
          std::string::npos);
    RunResult named = index_into(db, {"--source", "archive", (tmp / "srcA").string()});
    CHECK(named.out.find("1 new") != std::string::npos);
    // The same file under a second source is the same story: shown once,
    // the other named as its duplicate.
    json first = search_json(db, {"walrus", "first"});
    std::set<std::string> seen = ids_of(first);
    for (const auto& h : first["hits"])
        for (const auto& d : h["duplicates"]) seen.insert(d.get<std::string>());
    CHECK(seen.count("archive:001") == 1);
    CHECK(seen.count("srcA:001") == 1);
    RunResult bad = index_into(db, {"--source", "a b", (tmp / "srcA").string()});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("--source must not contain spaces") != std::string::npos);
}

TEST_CASE(
    "ids: two JSON Lines feeds numbered alike stay apart, a line with a source keeps it as label") {
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "wire.jsonl",
               R"({"id": "1", "source": "reuters", "body": "Cocoa rains in Bahia."})"
               "\n");
    write_file(tmp / "local.jsonl",
               "\n"
               R"({"id": "1", "body": "Cocoa prices in Ghana."})"
               "\n");
    RunResult r = index_into(db, {(tmp / "wire.jsonl").string(), (tmp / "local.jsonl").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("duplicate article id") == std::string::npos);
    json hits = search_json(db, {"cocoa"});
    CHECK(ids_of(hits) == std::set<std::string>{"wire:1", "local:1"});
    for (const auto& h : hits["hits"]) {
        CHECK(h["article"] == "1");
        if (h["id"] == "wire:1") {
            CHECK(h["source"] == "reuters");
            CHECK(shown(db, "wire:1")["location"] == (tmp / "wire.jsonl").string() + ":1");
        } else {
            CHECK(h["source"] == "local");
            CHECK(shown(db, "local:1")["location"] == (tmp / "local.jsonl").string() + ":2");
        }
    }
    // source: matches the label: the line's own, else the feed's source name.
    CHECK(search_json(db, {"cocoa", "source:reuters"})["hits"].size() == 1);
    CHECK(search_json(db, {"cocoa", "source:local"})["hits"].size() == 1);
    CHECK(search_json(db, {"cocoa", "source:wire"})["hits"].empty());
}

TEST_CASE("ids: a second folder or feed that only shares the name is refused, not merged") {
    // 2023/news and 2024/news both hold 001.txt; a/feed.jsonl and
    // b/feed.jsonl both number their lines from 1. Same source name by
    // default, so without a check the second replaces the first's articles.
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "2023" / "news" / "001.txt", "One\n\nThe walrus spoke in 2023.\n");
    write_file(tmp / "2024" / "news" / "001.txt", "Two\n\nThe walrus spoke in 2024.\n");
    REQUIRE(index_into(db, {(tmp / "2023" / "news").string()}).exit_code == 0);
    RunResult second = index_into(db, {(tmp / "2024" / "news").string()});
    CHECK(second.exit_code == 1);
    CHECK(second.err ==
          "graf: index: " + (tmp / "2024" / "news").string() +
              ": the source name 'news' already stands for " + (tmp / "2023" / "news").string() +
              " in this index, and articles with the same id would replace its articles; give "
              "this input a name of its own with --source NAME (or --source news if it is the "
              "same source, moved here); nothing was indexed\n");
    CHECK(index_into(db, {"--dry-run", (tmp / "2024" / "news").string()}).exit_code == 1);
    CHECK(stats_json(db)["articles"] == 1);
    CHECK(search_json(db, {"2023"})["hits"].size() == 1);  // not replaced
    // The same folder, however it is written, is the same source.
    RunResult again = index_into(db, {(tmp / "2023" / "news").string() + "/"});
    INFO(again.err);
    CHECK(again.out.find("0 new, 0 changed, 1 unchanged") != std::string::npos);
    // Named explicitly, the second folder is a source of its own.
    RunResult named = index_into(db, {"--source", "news-2024", (tmp / "2024" / "news").string()});
    CHECK(named.out.find("1 new, 0 changed") != std::string::npos);
    CHECK(ids_of(search_json(db, {"walrus"})) ==
          std::set<std::string>{"news:001", "news-2024:001"});

    // Both in one run: refused before an index is made.
    RunResult both = index_into(
        tmp / "db2", {(tmp / "2023" / "news").string(), (tmp / "2024" / "news").string()});
    CHECK(both.exit_code == 1);
    CHECK(both.err.find("both have the source name 'news'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "db2"));

    // Two feeds of one name in two folders.
    write_file(tmp / "a" / "feed.jsonl", R"({"id": "1", "body": "Cocoa rains in Bahia."})"
                                         "\n");
    write_file(tmp / "b" / "feed.jsonl", R"({"id": "1", "body": "Cocoa prices in Ghana."})"
                                         "\n");
    const auto feeds = tmp / "feeds";
    REQUIRE(index_into(feeds, {(tmp / "a" / "feed.jsonl").string()}).exit_code == 0);
    RunResult feed = index_into(feeds, {(tmp / "b" / "feed.jsonl").string()});
    CHECK(feed.exit_code == 1);
    CHECK(feed.err.find("the source name 'feed' already stands for " +
                        (tmp / "a" / "feed.jsonl").string()) != std::string::npos);
    CHECK(search_json(feeds, {"bahia"})["hits"].size() == 1);
}

TEST_CASE("ids: a folder inside an indexed folder says what to run, one holding it is named") {
    // bbc/politics indexed into an index of bbc would add its articles again
    // as politics:NNN beside bbc:politics/NNN.
    TempDir tmp;
    const auto db = tmp / "db";
    write_file(tmp / "bbc" / "politics" / "223.txt", "Vote\n\nThe vote was close.\n");
    write_file(tmp / "bbc" / "tech" / "001.txt", "Chips\n\nThe chips were fast.\n");
    REQUIRE(index_into(db, {(tmp / "bbc").string()}).exit_code == 0);
    const std::string politics = (tmp / "bbc" / "politics").string();
    RunResult sub = index_into(db, {politics});
    CHECK(sub.exit_code == 1);
    CHECK(sub.err == "graf: index: " + politics + " is inside " + (tmp / "bbc").string() +
                         ", indexed as source 'bbc': its articles are in the index already, as "
                         "bbc:politics/…; index " +
                         (tmp / "bbc").string() +
                         " again to update them (unchanged articles are skipped), or give "
                         "--source NAME to index them a second time under that name; nothing "
                         "was indexed\n");
    // A file of it alone, likewise.
    CHECK(index_into(db, {politics + "/223.txt"}).exit_code == 1);
    CHECK(stats_json(db)["articles"] == 2);

    // The other way round: the folder holding one indexed before is indexed,
    // and the repeated articles are named.
    const auto db2 = tmp / "db2";
    REQUIRE(index_into(db2, {politics}).exit_code == 0);
    RunResult whole = index_into(db2, {(tmp / "bbc").string()});
    CHECK(whole.exit_code == 0);
    CHECK(whole.err.find(politics +
                         " was indexed before as source 'politics': its articles are now in the "
                         "index twice, as politics:… and bbc:politics/…") != std::string::npos);
    json vote = search_json(db2, {"vote"});
    REQUIRE(vote["hits"].size() == 1);  // shown once, the other named
    CHECK(vote["hits"][0]["duplicates"].size() == 1);
}

namespace {

// Rewrites a schema 6 index as schema 5 wrote it: articles keyed by the
// input's id alone (XA term, slot 0, hash metadata), records of 7 lines, no
// XL terms, graf:schema 5.
void make_schema5(const std::filesystem::path& db) {
    Xapian::WritableDatabase x(db.string(), Xapian::DB_OPEN);
    std::vector<std::pair<std::string, std::string>> hashes;
    for (auto it = x.metadata_keys_begin("graf:hash:"); it != x.metadata_keys_end("graf:hash:");
         ++it)
        hashes.emplace_back(*it, x.get_metadata(*it));
    for (Xapian::docid id = 1; id <= x.get_lastdocid(); ++id) {
        Xapian::Document d;
        try {
            d = x.get_document(id);
        } catch (const Xapian::DocNotFoundError&) {
            continue;
        }
        if (d.get_value(3).empty()) {  // an article document: schema 5 had none
            x.delete_document(id);
            continue;
        }
        std::vector<std::string> lines;
        std::istringstream in(d.get_value(3));
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        REQUIRE(lines.size() == 9);
        const std::string local = lines[0], full = lines[7];
        d.remove_term("XA" + full);
        d.remove_term("XL" + local);
        d.add_boolean_term("XA" + local);
        d.add_value(0, local);
        std::string record;
        for (std::size_t i = 0; i < 7; ++i) record += lines[i] + "\n";
        d.add_value(3, record);
        x.replace_document(id, d);
    }
    for (const auto& [key, hash] : hashes) {
        x.set_metadata(key, "");
        const std::string full = key.substr(10);
        x.set_metadata("graf:hash:" + full.substr(full.find(':') + 1), hash);
    }
    x.set_metadata("graf:schema", "5");
    x.commit();
}

}  // namespace

TEST_CASE("ids: an index of schema 5 answers, and graf index replaces its articles in place") {
    TempDir tmp;
    const auto db = tmp / "db";
    index_sample(db);
    make_schema5(db);
    RunResult old = run_graf({"search", "--db", db.string(), "--json", "Bannon"});
    CHECK(old.exit_code == 0);
    CHECK(old.err.find("index schema 5") != std::string::npos);
    CHECK(old.err.find("graf index") != std::string::npos);
    json hits = json::parse(old.out);
    REQUIRE(hits["hits"].size() == 2);
    CHECK(hits["hits"][0]["id"] == hits["hits"][0]["article"]);  // the old id, still shown
    CHECK(search_json(db, {"article:000_e09bedad7cb2df9b"})["hits"].size() == 1);

    RunResult again = run_graf({"index", "--db", db.string(), sample_corpus().string()});
    INFO(again.err);
    CHECK(again.out.find("0 new, 2 changed") != std::string::npos);
    CHECK(stats_json(db)["articles"] == 2);  // replaced, not duplicated
    CHECK(stats_json(db)["paragraphs"] == 9);
    RunResult now = run_graf({"search", "--db", db.string(), "--json", "Bannon"});
    CHECK(now.err.empty());
    CHECK(ids_of(json::parse(now.out)) ==
          std::set<std::string>{"sample:000_e09bedad7cb2df9b", "sample:003_84c52f86285699e3"});
    Xapian::Database x(db.string());
    CHECK(x.get_metadata("graf:hash:000_e09bedad7cb2df9b").empty());
    CHECK_FALSE(x.get_metadata("graf:hash:sample:000_e09bedad7cb2df9b").empty());
}
