// Paragraph records compressed with a dictionary of the index's own
// (schema 11, schema/record_codec.hpp): written so, shown as they were, and
// readable wherever shards or indexes built apart end up together.
#include <doctest/doctest.h>
#include <xapian.h>

#include <fmt/format.h>

#include <fstream>
#include <set>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

const std::string kDictKey = "graf:record-dict";

// 300 articles of 4 paragraphs: enough text to train a dictionary on. Two
// corpora with other words train other dictionaries.
std::filesystem::path write_corpus(const TempDir& dir, const std::string& name,
                                   const std::vector<std::string>& topics,
                                   const std::string& changed = "",
                                   const std::set<std::size_t>& changed_at = {7}) {
    const auto path = dir / (name + ".jsonl");
    std::ofstream f(path);
    for (std::size_t a = 0; a < 300; ++a) {
        std::string body;
        for (std::size_t p = 0; p < 4; ++p) {
            if (p) body += "\\n\\n";
            body += "Minister Jane Doe spoke about " + topics[(a + p) % topics.size()] +
                    " on day " + std::to_string(a * 4 + p) + ". Doe said " +
                    topics[(a * 3 + p) % topics.size()] + " mattered.";
        }
        if (changed_at.count(a) && !changed.empty()) body = changed;
        f << R"({"id": ")" << name << a << R"(", "title": "Report on )" << topics[a % topics.size()]
          << R"(", "source": "wire", "body": ")" << body << "\"}\n";
    }
    return path;
}

const std::vector<std::string> kEconomy = {"oil prices", "interest rates", "trade deficit",
                                           "grain exports", "bank lending"};
const std::vector<std::string> kSport = {"football cup", "tennis final", "rugby league",
                                         "cricket series", "golf open"};

// Every paragraph's stored record, by whether it is packed (starts with
// the marker byte), and the dictionaries the database holds.
struct Stored {
    std::size_t packed = 0, plain = 0;
    std::set<std::string> dictionaries;
    std::set<std::string> named;  ///< the dictionaries packed records name
};

Stored stored(const std::filesystem::path& db) {
    Xapian::Database x(db.string());
    Stored s;
    for (auto it = x.postlist_begin(""); it != x.postlist_end(""); ++it) {
        const std::string record = x.get_document(*it).get_value(3);
        if (record.empty()) continue;  // an article document
        (record[0] == '\0' ? s.packed : s.plain)++;
        if (record[0] == '\0' && record.size() > 5)
            s.named.insert(fmt::format("{:02x}{:02x}{:02x}{:02x}", record[1] & 0xff,
                                       record[2] & 0xff, record[3] & 0xff, record[4] & 0xff));
    }
    const std::string prefix = kDictKey + ":";
    for (auto k = x.metadata_keys_begin(prefix); k != x.metadata_keys_end(prefix); ++k)
        if (!x.get_metadata(*k).empty()) s.dictionaries.insert((*k).substr(prefix.size()));
    return s;
}

// The first hit's title and snippet for a query.
std::string first_hit(const std::filesystem::path& db, const std::string& query) {
    const json r = search_json(db, {query});
    if (r["hits"].empty()) return "(no hit)";
    return r["hits"][0]["title"].get<std::string>() + " | " +
           r["hits"][0]["snippet"].get<std::string>();
}

}  // namespace

TEST_CASE("records: an index compresses its records with a dictionary of its own") {
    TempDir dir;
    const auto corpus = write_corpus(dir, "e", kEconomy);
    RunResult r = run_graf({"index", "--db", (dir / "db").string(), corpus.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Stored s = stored(dir / "db");
    CHECK(s.packed == 1200);
    CHECK(s.plain == 0);
    REQUIRE(s.dictionaries.size() == 1);
    CHECK(Xapian::Database((dir / "db").string()).get_metadata(kDictKey) ==
          *s.dictionaries.begin());
    // Shown as written: search, show, export.
    CHECK(first_hit(dir / "db", "\"day 29\"") ==
          "Report on trade deficit | Minister Jane Doe spoke about grain exports on day 29. Doe "
          "said trade deficit mattered.");
    RunResult show = run_graf({"show", "--db", (dir / "db").string(), "e:e7"});
    REQUIRE_MESSAGE(show.exit_code == 0, show.err);
    CHECK(show.out.find("Report on trade deficit") != std::string::npos);
    CHECK(show.out.find("spoke about grain exports on day 29.") != std::string::npos);
}

TEST_CASE("records: too little text for a dictionary stays plain, and reads as before") {
    TempDir dir;
    index_sample(dir / "db");
    const Stored s = stored(dir / "db");
    CHECK(s.packed == 0);
    CHECK(s.plain > 0);
    CHECK(s.dictionaries.empty());
    CHECK(search_json(dir / "db", {"Bannon"})["hits"].size() == 2);
}

TEST_CASE(
    "records: shards built apart keep every record readable, side by side, merged and "
    "re-indexed") {
    TempDir dir;
    const auto economy = write_corpus(dir, "e", kEconomy);
    const auto sport = write_corpus(dir, "s", kSport);
    const auto db = dir / "both";
    for (const auto& [shard, corpus] :
         {std::pair{"shard-e", economy}, std::pair{"shard-s", sport}}) {
        RunResult r = run_graf({"index", "--db", (db / shard).string(), corpus.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    write_file(db / "XAPIANDB", "auto shard-e\nauto shard-s\n");
    // Paragraph 2 of article 7 in each.
    const std::string e_hit =
        "Report on trade deficit | Minister Jane Doe spoke about grain exports on day 29. Doe "
        "said trade deficit mattered.";
    const std::string s_hit =
        "Report on rugby league | Minister Jane Doe spoke about cricket series on day 29. Doe "
        "said rugby league mattered.";
    // Two dictionaries, each in its own shard: searched as one index.
    const std::set<std::string> e_dict = stored(db / "shard-e").dictionaries;
    const std::set<std::string> s_dict = stored(db / "shard-s").dictionaries;
    REQUIRE(e_dict.size() == 1);
    REQUIRE(s_dict.size() == 1);
    CHECK(e_dict != s_dict);
    CHECK(first_hit(db, "\"grain exports on day 29\"") == e_hit);
    CHECK(first_hit(db, "\"cricket series on day 29\"") == s_hit);
    // Written to as one index: the run compresses with one dictionary (the
    // first shard's), and each shard keeps the ones its records name, so it
    // is readable alone. (Articles 3 and 5 of each go to shard-s.)
    const std::string resigned = "Minister Jane Doe resigned on day 8888.";
    RunResult sharded = run_graf({"index", "--db", db.string(),
                                  write_corpus(dir, "e", kEconomy, resigned, {3, 4, 5, 6}).string(),
                                  write_corpus(dir, "s", kSport, resigned, {3, 4, 5, 6}).string()});
    REQUIRE_MESSAGE(sharded.exit_code == 0, sharded.err);
    for (const char* shard : {"shard-e", "shard-s"}) {
        CAPTURE(shard);
        const Stored alone = stored(db / shard);
        CHECK(alone.plain == 0);
        for (const std::string& id : alone.named) CHECK(alone.dictionaries.count(id) == 1);
        RunResult r = run_graf({"search", "--db", (db / shard).string(), "\"day 8888\""});
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
    // Merged into one database: both dictionaries kept.
    RunResult c = run_graf({"compact", "--db", db.string()});
    REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    const Stored merged = stored(db);
    // (Not 2400 - 8 * 3: a changed article goes to the shard its id hashes
    // to, not always the one built with it, whose old version then stays:
    // shards built apart do not follow graf's placement.)
    CHECK(merged.plain == 0);
    CHECK(merged.dictionaries.size() == 2);
    CHECK(first_hit(db, "\"grain exports on day 29\"") == e_hit);
    CHECK(first_hit(db, "\"cricket series on day 29\"") == s_hit);
    // A changed article re-indexed into the merged index.
    const auto changed =
        write_corpus(dir, "e", kEconomy, "Minister Jane Doe resigned on day 9999.");
    RunResult again = run_graf({"index", "--db", db.string(), changed.string()});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(first_hit(db, "\"day 9999\"") ==
          "Report on trade deficit | Minister Jane Doe resigned on day 9999.");
    CHECK(first_hit(db, "\"cricket series on day 29\"") == s_hit);
    CHECK(stored(db).plain == 0);
}
