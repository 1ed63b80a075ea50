// graf index on the bundled sample corpus, checked through the index itself.
#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <sstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {
constexpr const char* kSeed1 = "000_e09bedad7cb2df9b";  // title line, 6 paragraphs
constexpr const char* kSeed2 =
    "003_84c52f86285699e3";  // no title, inline date header, 3 paragraphs

json stats(const std::filesystem::path& db) {
    RunResult r = run_graf({"stats", "--db", db.string(), "--json"});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("index: the sample corpus, counted through the index") {
    TempDir tmp;
    auto db = tmp / "db";
    RunResult r = run_graf({"index", "--db", db.string(), sample_corpus().string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("indexed 2 articles (2 new") != std::string::npos);

    json s = stats(db);
    CHECK(s["articles"] == 2);
    CHECK(s["paragraphs"] == 9);
    CHECK(s["first_date"] == "2025-01-27");

    // Each seed's paragraph count.
    CHECK(
        search_json(db, {"--paragraphs", "--limit", "50", std::string("article:") + kSeed1})["hits"]
            .size() == 6);
    CHECK(
        search_json(db, {"--paragraphs", "--limit", "50", std::string("article:") + kSeed2})["hits"]
            .size() == 3);

    // The second seed: date from the inline header, first paragraph without it.
    json first = search_json(db, {"--paragraphs", "--snippet-chars", "100000", "fracas"});
    REQUIRE(first["hits"].size() == 1);
    CHECK(first["hits"][0]["article"] == kSeed2);
    CHECK(first["hits"][0]["paragraph"] == 1);
    CHECK(first["hits"][0]["date"] == "2025-01-27");
    CHECK(first["hits"][0]["title"] == "");
    std::string text = first["hits"][0]["snippet"];
    CHECK(text.rfind("That fracas", 0) == 0);
    CHECK(text.find("date 2025") == std::string::npos);

    // The first seed's title came from its first line.
    json titled = search_json(db, {"--paragraphs", "masayoshi"});
    REQUIRE(titled["hits"].size() == 1);
    CHECK(titled["hits"][0]["title"] == "Elon Musk’s little antics blow up in Trump’s face");
}

namespace {
// The paragraph record as ARCHITECTURE.md documents it: value slot 3, one
// line per field (article, title, date, source, url, paragraph, text).
std::vector<std::string> record_of(const Xapian::Document& d) {
    std::vector<std::string> fields;
    std::istringstream in(d.get_value(3));
    for (std::string line; std::getline(in, line);) fields.push_back(line);
    fields.resize(7);
    return fields;
}
}  // namespace

TEST_CASE("index: terms land in the right paragraphs (checked in Xapian directly)") {
    TempDir tmp;
    auto db = tmp / "db";
    index_sample(db);
    Xapian::Database x(db.string());
    auto paragraphs_with = [&](const std::string& term) {
        std::set<std::string> out;
        for (auto it = x.postlist_begin(term); it != x.postlist_end(term); ++it) {
            const auto fields = record_of(x.get_document(*it));
            out.insert(fields[0] + "#" + fields[5]);
        }
        return out;
    };
    // Musk’s / Musk both index as musk; the glued BannonTrump’s gives bannon.
    CHECK(paragraphs_with("musk").count(std::string(kSeed1) + "#1"));
    CHECK(paragraphs_with("musk").count(std::string(kSeed1) + "#5"));  // only "Musk’s" there
    CHECK(paragraphs_with("bannon") ==
          std::set<std::string>{std::string(kSeed1) + "#6", std::string(kSeed2) + "#1",
                                std::string(kSeed2) + "#2", std::string(kSeed2) + "#3"});
    CHECK(paragraphs_with("masayoshi") == std::set<std::string>{std::string(kSeed1) + "#2"});
    CHECK(paragraphs_with("bannontrump").size() == 1);
    CHECK(paragraphs_with("XNsteve bannon").size() == 4);
    CHECK(x.term_exists("altright"));
    CHECK(x.term_exists("500"));
    CHECK(x.term_exists("2021"));
    CHECK_FALSE(x.term_exists("musk's"));
    CHECK_FALSE(x.term_exists("musk’s"));
    // Since schema 4: stems live in metadata (stem → its words), not in the postings.
    const std::string author = x.get_metadata("graf:stem:author");
    CHECK(author.find("authority") != std::string::npos);
    CHECK_FALSE(x.term_exists("Zauthor"));
    // Name pairs: "Steve Bannon" as one term, for --name without positions.
    CHECK(paragraphs_with("XPsteve bannon").size() >= 1);
    // Title words: on the article document alone (schema 12), without positions.
    CHECK_FALSE(x.term_exists("Santics"));
    CHECK(x.term_exists("ASantics"));
    CHECK(x.get_termfreq("ASantics") == 1);
    // Schema 5: the display record is a value; the document data stays empty.
    CHECK(x.get_document(1).get_data().empty());
    CHECK(record_of(x.get_document(1))[5] == "1");
}

TEST_CASE("index: name pairs are kept for words that can be part of a name, and only those") {
    TempDir tmp;
    write_file(tmp / "c" / "pairs.txt",
               "Robert Holmes a Court met Kim Jong-il at the Bank of Japan. Baker said Ludwig van "
               "Beethoven was played. The company agreed.\n");
    RunResult r = run_graf({"index", "--db", (tmp / "db").string(), (tmp / "c").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Xapian::Database x((tmp / "db").string());
    struct Row {
        const char* term;
        bool indexed;
    };
    for (const Row& row :
         std::vector<Row>{{"XProbert holmes", true},  // both capitalised
                          {"XPholmes a", true},       // a function word
                          {"XPa court", true},
                          {"XPjong il", true},  // joined by a hyphen
                          {"XPbank of", true},  // a function word, in an organisation
                          {"XPof japan", true},
                          {"XPvan beethoven", true},  // a name particle
                          {"XPludwig van", true},
                          {"XPbaker said", false},  // an ordinary lower-case word: never in a name
                          {"XPthe company", false},
                          {"XPcourt met", false}}) {
        CAPTURE(row.term);
        CHECK(x.term_exists(row.term) == row.indexed);
    }
    // The names are found whole.
    for (const char* name : {"Robert Holmes a Court", "Kim Jong-il", "Bank of Japan"}) {
        CAPTURE(name);
        CHECK(search_json(tmp / "db", {"--name", name})["hits"].size() == 1);
    }
}

TEST_CASE(
    "index: a new index is compacted, stems added by a later run are searchable, graf compact") {
    TempDir tmp;
    auto db = tmp / "db";
    RunResult first = run_graf({"index", "--db", db.string(), "--json", sample_corpus().string()});
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    json j = json::parse(first.out);
    CHECK(j["compacted"] == true);
    CHECK(j["index_bytes"].get<std::uint64_t>() > 0);

    // An incremental run: not compacted; its new words' variants are found.
    write_file(tmp / "more" / "extra.txt",
               "Extra\n\nThe regulators weighed new authorisations on Monday.\n");
    RunResult second = run_graf({"index", "--db", db.string(), "--json", (tmp / "more").string()});
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    CHECK(json::parse(second.out)["compacted"] == false);
    json hits = search_json(db, {"--paragraphs", "authorisation"});
    REQUIRE(hits["hits"].size() == 1);
    CHECK(hits["hits"][0]["article"] == "extra");
    CHECK(search_json(db, {"--paragraphs", "regulator"})["hits"].size() == 1);

    RunResult compact = run_graf({"compact", "--db", db.string(), "--json"});
    REQUIRE_MESSAGE(compact.exit_code == 0, compact.err);
    json c = json::parse(compact.out);
    CHECK(c["bytes_after"].get<std::uint64_t>() > 0);
    CHECK(c["bytes_after"] <= c["bytes_before"]);
    // "How much faster": the sample's most-mentioned names, searched before and after.
    CHECK(c["probe_searches"].get<int>() >= 2);
    CHECK(c["probe_ms_before"].get<double>() > 0);
    CHECK(c["probe_ms_after"].get<double>() > 0);
    CHECK_FALSE(std::filesystem::exists(db.string() + ".compacting"));
    CHECK_FALSE(std::filesystem::exists(db.string() + ".precompact"));
    CHECK(search_json(db, {"--paragraphs", "authorisation"})["hits"].size() == 1);
    CHECK(search_json(db, {"--paragraphs", "Bannon"})["hits"].size() == 4);

    RunResult none = run_graf({"compact", "--db", (tmp / "none").string()});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("graf index") != std::string::npos);
}

TEST_CASE("index: running again changes nothing, a changed article is replaced, --prune deletes") {
    TempDir tmp;
    auto db = tmp / "db", corpus = tmp / "corpus";
    std::filesystem::copy(sample_corpus(), corpus);
    REQUIRE(run_graf({"index", "--db", db.string(), corpus.string()}).exit_code == 0);
    RunResult again = run_graf({"index", "--db", db.string(), corpus.string()});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("0 new, 0 changed, 2 unchanged") != std::string::npos);
    CHECK(stats(db)["paragraphs"] == 9);

    write_file(corpus / (std::string(kSeed2) + ".txt"),
               "date 2025-01-28 One paragraph now.\n\nAnd two.\n");
    RunResult changed = run_graf({"index", "--db", db.string(), corpus.string()});
    CHECK(changed.out.find("1 changed, 1 unchanged") != std::string::npos);
    CHECK(stats(db)["paragraphs"] == 8);
    CHECK(search_json(db, {"fracas"})["hits"].empty());

    std::filesystem::remove(corpus / (std::string(kSeed2) + ".txt"));
    RunResult pruned = run_graf({"index", "--db", db.string(), "--prune", corpus.string()});
    CHECK(pruned.out.find("1 pruned") != std::string::npos);
    CHECK(stats(db)["articles"] == 1);
    CHECK(stats(db)["paragraphs"] == 6);
}

TEST_CASE("index: a second writer fails fast with a clear message") {
    TempDir tmp;
    auto db = tmp / "db";
    index_sample(db);
    Xapian::WritableDatabase holder(db.string(), Xapian::DB_OPEN);  // holds the write lock
    RunResult r = run_graf({"index", "--db", db.string(), sample_corpus().string()});
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("another graf index is writing") != std::string::npos);
    // Readers are not blocked by the writer.
    CHECK(run_graf({"search", "--db", db.string(), "Bannon"}).exit_code == 0);
}

TEST_CASE("index: JSON Lines, plain and compressed, with --json summary") {
    TempDir tmp;
    auto db = tmp / "db";
    write_file(
        tmp / "in" / "a.jsonl",
        R"({"id": "r1", "title": "OIL PRICES", "date": "1987-03-01", "source": "reuters", "body": "Opec met in Vienna.\n\nSaudi Arabia agreed."})"
        "\n"
        R"({"id": "r2", "title": "COCOA", "date": "1987-04-01", "source": "reuters", "body": "Cocoa rose."})"
        "\n");
    RunResult r = run_graf({"index", "--db", db.string(), "--json", (tmp / "in").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    json summary = json::parse(r.out);
    CHECK(summary["added"] == 2);
    CHECK(summary["paragraphs"] == 3);
    json hits = search_json(db, {"source:reuters", "vienna"});
    REQUIRE(hits["hits"].size() == 1);
    CHECK(hits["hits"][0]["article"] == "r1");
    CHECK(hits["hits"][0]["date"] == "1987-03-01");
    CHECK(search_json(db, {"--sort", "date", "source:reuters"})["hits"][0]["article"] == "r2");
    CHECK(search_json(db, {"date:1987-04"})["hits"].size() == 1);
}

TEST_CASE("index: a --db with a trailing slash or a dot is the same folder") {
    TempDir tmp;
    const std::string db = (tmp / "db").string() + "/";
    // A new index (a parallel build, renamed into place) and a compaction both
    // work beside the folder; "db/" must not put them inside it.
    RunResult r = run_graf({"index", "--db", db, "--threads", "2", sample_corpus().string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.empty());
    CHECK(std::filesystem::exists(tmp / "db" / "iamglass"));
    RunResult c = run_graf({"compact", "--db", db});
    CHECK_MESSAGE(c.exit_code == 0, c.err);
    CHECK(search_json(tmp / "db", {"Bannon"})["hits"].size() == 2);
    CHECK(run_graf({"search", "--db", db, "Bannon"}).exit_code == 0);
    // And "." for a folder made for the index.
    std::filesystem::create_directory(tmp / "here");
    RunResult here = run_graf({"index", "--db", (tmp / "here" / ".").string(), "--threads", "2",
                               sample_corpus().string()});
    REQUIRE_MESSAGE(here.exit_code == 0, here.err);
    CHECK(here.err.empty());
    CHECK(std::filesystem::exists(tmp / "here" / "iamglass"));
}

TEST_CASE("index: a run that doubles the index suggests graf compact, and only then") {
    TempDir tmp;
    auto write_corpus = [&](const std::string& extra) {
        for (int i = 1; i <= 30; ++i)
            write_file(tmp / "src" / (std::to_string(i) + ".txt"),
                       "Title " + std::to_string(i) + "\n\nThe harbour board met on day " +
                           std::to_string(i) + " and talked about ferries.\n\nThe weather" + extra +
                           ".\n");
    };
    write_corpus("");
    const auto db = tmp / "db";
    RunResult first = index_into(db, {(tmp / "src").string()});
    REQUIRE(first.exit_code == 0);
    CHECK(first.err.find("graf compact") == std::string::npos);  // a new index is compacted
    // Every article replaced in place: Xapian's tables keep the old blocks.
    write_corpus(" changed");
    RunResult again = index_into(db, {(tmp / "src").string()});
    REQUIRE(again.exit_code == 0);
    CHECK(again.err.find("`graf compact --db " + db.string() + "` rewrites it compactly") !=
          std::string::npos);
    REQUIRE(run_graf({"compact", "--db", db.string()}).exit_code == 0);
    RunResult unchanged = index_into(db, {(tmp / "src").string()});
    CHECK(unchanged.err.find("graf compact") == std::string::npos);
}
