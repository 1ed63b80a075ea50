// --prune loses nothing by mistake: never after an input that could not be
// read or yielded nothing, only within the run's sources, --dry-run first,
// --yes past half of the index; the pruned index is compacted.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

// A folder `news` of `n` articles 000 … and an index of it.
void make_news(const TempDir& tmp, int n) {
    for (int i = 0; i < n; ++i)
        write_file(tmp / "news" / (fmt::format("{:03}.txt", i)),
                   fmt::format("Story {}\n\nParagraph one of story {} about harbours.\n\nAnd "
                               "paragraph two.\n",
                               i, i));
    RunResult r = index_into(tmp / "db", {(tmp / "news").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("prune: an empty or unreadable input never empties the index") {
    TempDir tmp;
    make_news(tmp, 4);
    const auto db = tmp / "db";
    // The folder emptied (a wrong mount, a typo'd subfolder): nothing goes.
    std::filesystem::create_directories(tmp / "empty" / "news");
    RunResult empty =
        index_into(db, {"--prune", "--source", "news", (tmp / "empty" / "news").string()});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("not pruning: " + (tmp / "empty" / "news").string() +
                         " yielded no articles") != std::string::npos);
    CHECK(stats_json(db)["articles"] == 4);

    // One file of the folder cannot be read: its article would be pruned.
    write_file(tmp / "news" / "003.txt", std::string("\0\0binary", 8));
    RunResult skipped = index_into(db, {"--prune", (tmp / "news").string()});
    CHECK(skipped.exit_code == 1);
    CHECK(skipped.err.find("not pruning: 1 input could not be read") != std::string::npos);
    CHECK(stats_json(db)["articles"] == 4);
}

TEST_CASE("prune: --dry-run lists, more than half needs --yes, other sources are kept") {
    TempDir tmp;
    make_news(tmp, 6);
    const auto db = tmp / "db";
    write_file(tmp / "other" / "000.txt", "Other\n\nA story from elsewhere about harbours.\n");
    REQUIRE(index_into(db, {(tmp / "other").string()}).exit_code == 0);
    for (int i = 1; i < 6; ++i) std::filesystem::remove(tmp / "news" / fmt::format("{:03}.txt", i));

    RunResult dry = index_into(db, {"--prune", "--dry-run", (tmp / "news").string()});
    INFO(dry.err);
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("1 are unchanged; nothing was written") != std::string::npos);
    CHECK(dry.out.find("--prune would delete 5 articles:\n  news:001\n  news:002\n") !=
          std::string::npos);
    CHECK(dry.out.find("other:000") == std::string::npos);
    CHECK(stats_json(db)["articles"] == 7);

    // 5 of 7 is more than half: refused without --yes.
    RunResult refused = index_into(db, {"--prune", (tmp / "news").string()});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("would delete 5 of the index's 7 articles; run again with --yes") !=
          std::string::npos);
    CHECK(stats_json(db)["articles"] == 7);

    const std::uint64_t before = stats_json(db)["bytes_on_disk"];
    RunResult yes = index_into(db, {"--prune", "--yes", "--json", (tmp / "news").string()});
    CHECK(yes.exit_code == 0);
    json summary = json::parse(yes.out);
    CHECK(summary["pruned"] == 5);
    CHECK(summary["compacted"] == true);
    CHECK(summary["index_bytes"].get<std::uint64_t>() <= before);
    CHECK(stats_json(db)["articles"] == 2);  // news:000 and other:000
    CHECK(search_json(db, {"harbours"})["hits"].size() == 2);
    // The kept articles were copied whole (positions too): phrases still match.
    CHECK(search_json(db, {"\"about harbours\""})["hits"].size() == 2);
    CHECK(search_json(db, {"\"story 0 about\""})["hits"].size() == 1);
    // Pruning a few keeps the rest in place (deleted, not rebuilt).
    std::filesystem::remove(tmp / "news" / "000.txt");
    write_file(tmp / "news" / "007.txt", "Seven\n\nAbout harbours again.\n");
    RunResult few = index_into(db, {"--prune", "--json", (tmp / "news").string()});
    CHECK(few.exit_code == 0);
    CHECK(json::parse(few.out)["pruned"] == 1);
    CHECK(stats_json(db)["articles"] == 2);  // news:007 and other:000
}
