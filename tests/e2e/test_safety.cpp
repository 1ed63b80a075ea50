// Ordinary mistakes get a message that says what is wrong: an index the
// user cannot write, nonsense option values; and `graf show` opens a hit.
#include <doctest/doctest.h>
#include <unistd.h>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

TEST_CASE("safety: an index this user cannot write is named, not 'wait for another run'") {
    if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0) {
        MESSAGE("needs root and setpriv to run graf as another user: skipped");
        return;
    }
    TempDir tmp;
    const auto db = tmp / "db";
    index_sample(db);
    // The index belongs to root; graf runs as nobody, who may read it.
    std::filesystem::permissions(tmp.path(), std::filesystem::perms::all,
                                 std::filesystem::perm_options::replace);
    auto as_nobody = [](std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"--reuid=65534", "--regid=65534", "--clear-groups", GRAF_BINARY});
        return run_program("/usr/bin/setpriv", args);
    };
    RunResult idx = as_nobody({"index", "--db", db.string(), sample_corpus().string()});
    CHECK(idx.exit_code == 4);
    CHECK(idx.err.find(db.string() + " is not writable by this user") != std::string::npos);
    CHECK(idx.err.find("wait") == std::string::npos);
    RunResult compact = as_nobody({"compact", "--db", db.string()});
    CHECK(compact.exit_code == 4);
    CHECK(compact.err.find(db.string() + " is not writable by this user") != std::string::npos);
    // Reading still works for that user.
    CHECK(as_nobody({"search", "--db", db.string(), "Bannon"}).exit_code == 0);
}

TEST_CASE("safety: nonsense option values are refused with the option and its limits") {
    TempDir tmp;
    const auto db = tmp / "db";
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string corpus = sample_corpus().string();
    const std::vector<Case> cases = {
        {{"index", "--db", db.string(), "--shards", "1000", corpus},
         "--shards must be a whole number from 0 to 64, not '1000'"},
        {{"index", "--db", db.string(), "--commit-every", "0", corpus},
         "--commit-every must be a whole number from 1 to 100000, not '0'"},
        {{"index", "--db", db.string(), "--threads", "-2", corpus},
         "--threads must be a whole number from 0 to 256, not '-2'"},
        {{"search", "--db", db.string(), "--limit", "-1", "Bannon"},
         "--limit must be a whole number from 0 to 1000000, not '-1'"},
        {{"search", "--db", db.string(), "--offset", "x", "Bannon"},
         "--offset must be a whole number from 0 to 1000000, not 'x'"},
        {{"show", "--db", db.string(), "--paragraph", "0", "sample:x"},
         "--paragraph must be a whole number from 1 to 1000000, not '0'"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.message);
        RunResult r = run_graf(c.args);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(db));  // nothing was written
}

TEST_CASE("show: an article whole, its paragraphs numbered, the chosen one marked") {
    TempDir tmp;
    const auto db = tmp / "db";
    index_sample(db);
    json hit = search_json(db, {"fracas"})["hits"][0];
    const std::string id = hit["id"];
    CHECK(id == "sample:003_84c52f86285699e3");

    RunResult text = run_graf({"show", "--db", db.string(), id, "--paragraph", "2"});
    INFO(text.err);
    CHECK(text.exit_code == 0);
    CHECK(text.out.rfind("(no title)\nsample:003_84c52f86285699e3 · 2025-01-27 · sample\nfrom: " +
                             (sample_corpus() / "003_84c52f86285699e3.txt").string() +
                             "\n\n¶1 That fracas",
                         0) == 0);
    CHECK(text.out.find("\n\n▶ ¶2 Over the ensuing weeks") != std::string::npos);
    CHECK(text.out.find("\n\n¶3 The feud") != std::string::npos);

    // By the id its input gave it, as JSON.
    RunResult j = run_graf({"show", "--db", db.string(), "--json", "000_e09bedad7cb2df9b"});
    CHECK(j.exit_code == 0);
    json a = json::parse(j.out);
    CHECK(a["id"] == "sample:000_e09bedad7cb2df9b");
    CHECK(a["article"] == "000_e09bedad7cb2df9b");
    CHECK(a["title"] == "Elon Musk’s little antics blow up in Trump’s face");
    REQUIRE(a["paragraphs"].size() == 6);
    CHECK(a["paragraphs"][5]["paragraph"] == 6);
    CHECK(a["paragraph"].is_null());

    // Search output says how to open a hit.
    RunResult s = run_graf({"search", "--db", db.string(), "--color", "never", "fracas"});
    CHECK(s.out.find("sample:003_84c52f86285699e3 ¶1") != std::string::npos);
    CHECK(s.out.find("graf show ID --paragraph N") != std::string::npos);

    RunResult missing = run_graf({"show", "--db", db.string(), "sample:nope"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("no article 'sample:nope'") != std::string::npos);
    RunResult past = run_graf({"show", "--db", db.string(), id, "--paragraph", "4"});
    CHECK(past.exit_code == 1);
    CHECK(past.err.find("--paragraph 4: " + id + " has 3 paragraphs") != std::string::npos);

    // The same input id in two sources: show names both.
    write_file(tmp / "copy" / "000_e09bedad7cb2df9b.txt", "Copy\n\nA copy.\n");
    REQUIRE(run_graf({"index", "--db", db.string(), (tmp / "copy").string()}).exit_code == 0);
    RunResult both = run_graf({"show", "--db", db.string(), "000_e09bedad7cb2df9b"});
    CHECK(both.exit_code == 1);
    CHECK(both.err.find("copy:000_e09bedad7cb2df9b, sample:000_e09bedad7cb2df9b") !=
          std::string::npos);
}
