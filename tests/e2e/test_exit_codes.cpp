// Every command's exit code for the ordinary failures (README, Exit codes):
// a missing index, a folder that is no index, a corrupt index, a malformed
// query, a bad option. Exit 4 is for `index` and `compact` failing to write;
// a reading command never says it (it did for a corrupt index).
#include <doctest/doctest.h>

#include <fstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;

namespace {

struct Row {
    std::vector<std::string> args;  ///< after `graf`; DB stands for the index
    int exit_code;
    std::string message;  ///< how stderr starts
};

void check(const std::vector<Row>& rows, const std::filesystem::path& db) {
    for (Row row : rows) {
        for (std::string& a : row.args)
            if (a == "DB") a = db.string();
        CAPTURE(row.args);
        RunResult r = run_graf(row.args);
        CHECK(r.exit_code == row.exit_code);
        CHECK(r.err.substr(0, row.message.size()) == row.message);
    }
}

// Overwrites the first 4 KB of every 8 KB of the posting table, so every
// block's header is garbage whatever the block size (8 to 64 KB): Xapian
// reports DatabaseCorruptError when a command reads it.
void corrupt(const std::filesystem::path& db) {
    const std::filesystem::path table = db / "postlist.glass";
    const auto size = std::filesystem::file_size(table);
    std::fstream f(table, std::ios::in | std::ios::out | std::ios::binary);
    for (std::uintmax_t at = 0; at + 4096 <= size; at += 8192) {
        f.seekp(static_cast<std::streamoff>(at));
        f << std::string(4096, '\xab');
    }
}

}  // namespace

TEST_CASE("exit codes: no index at the path is 2 for every reading command") {
    TempDir tmp;
    write_file(tmp / "q.tsv", "q1\tharbour\n");
    write_file(tmp / "qrels", "q1 0 x 1\n");
    write_file(tmp / "bench.tsv", "word\tharbour\n");
    const std::vector<Row> rows = {
        {{"search", "--db", "DB", "oil"}, 2, "graf: search: no index at "},
        {{"search", "--db", "DB", "--explain", "oil"}, 2, "graf: search: no index at "},
        {{"show", "--db", "DB", "x:1"}, 2, "graf: show: no index at "},
        {{"quotes", "--db", "DB", "--name", "X Y"}, 2, "graf: quotes: no index at "},
        {{"names", "--db", "DB"}, 2, "graf: names: no index at "},
        {{"names", "--db", "DB", "--query", "oil"}, 2, "graf: names: no index at "},
        {{"timeline", "--db", "DB", "oil"}, 2, "graf: timeline: no index at "},
        {{"facets", "--db", "DB", "oil"}, 2, "graf: facets: no index at "},
        {{"stats", "--db", "DB"}, 2, "graf: stats: no index at "},
        {{"bench", "--db", "DB", "--queries", (tmp / "bench.tsv").string()},
         2,
         "graf: bench: no index at "},
        {{"eval", "--db", "DB", "--queries", (tmp / "q.tsv").string(), "--qrels",
          (tmp / "qrels").string()},
         2,
         "graf: eval: no index at "},
        {{"compact", "--db", "DB"}, 2, "graf: compact: no index at "},
        {{"serve-shard", "--db", "DB", "--port", "1"}, 2, "graf: serve-shard: no index at "},
        {{"serve", "--db", "DB", "--port", "0"}, 2, "graf: serve: no index at "},
    };
    check(rows, tmp / "none");
}

TEST_CASE("exit codes: a folder that is not a graf index") {
    // Readers: no usable index (2); index: not writable as an index (4).
    const std::vector<Row> rows = {
        {{"search", "--db", "DB", "oil"}, 2, "graf: search: "},
        {{"stats", "--db", "DB"}, 2, "graf: stats: "},
        {{"timeline", "--db", "DB", "oil"}, 2, "graf: timeline: "},
        {{"index", "--db", "DB", sample_corpus().string()}, 4, "graf: index: "},
    };
    check(rows, sample_corpus());
}

TEST_CASE("exit codes: a corrupt index is 2 (no usable index), not 4") {
    TempDir tmp;
    index_sample(tmp / "db");
    corrupt(tmp / "db");
    write_file(tmp / "bench.tsv", "word\tBannon\n");
    const std::string unreadable = "the index cannot be read (DatabaseCorruptError: ";
    const std::vector<Row> rows = {
        {{"search", "--db", "DB", "Bannon"}, 2, "graf: search: " + unreadable},
        {{"names", "--db", "DB"}, 2, "graf: names: " + unreadable},
        {{"names", "--db", "DB", "--query", "Bannon"}, 2, "graf: names: " + unreadable},
        {{"stats", "--db", "DB"}, 2, "graf: stats: " + unreadable},
        {{"timeline", "--db", "DB", "Bannon"}, 2, "graf: timeline: " + unreadable},
        {{"facets", "--db", "DB", "Bannon"}, 2, "graf: facets: " + unreadable},
        {{"bench", "--db", "DB", "--queries", (tmp / "bench.tsv").string(), "--runs", "1"},
         2,
         "graf: bench: " + unreadable},
        // compact reads the index before it rewrites it.
        {{"compact", "--db", "DB"}, 2, "graf: compact: " + unreadable},
    };
    check(rows, tmp / "db");
}

TEST_CASE("exit codes: a malformed query and a bad option are 1") {
    TempDir tmp;
    index_sample(tmp / "db");
    write_file(tmp / "bench.tsv", "word\tBannon\nword\tmusk AND\n");
    const std::string bad_query = "query error: AND needs a word on both sides";
    const std::vector<Row> rows = {
        {{"search", "--db", "DB", "musk AND"}, 1, "graf: search: " + bad_query},
        {{"search", "--db", "DB", "--explain", "musk AND"}, 1, "graf: search: " + bad_query},
        {{"quotes", "--db", "DB", "musk AND"}, 1, "graf: quotes: " + bad_query},
        {{"timeline", "--db", "DB", "musk AND"}, 1, "graf: timeline: " + bad_query},
        {{"facets", "--db", "DB", "musk AND"}, 1, "graf: facets: " + bad_query},
        {{"names", "--db", "DB", "--query", "musk AND"}, 1, "graf: names: " + bad_query},
        {{"bench", "--db", "DB", "--queries", (tmp / "bench.tsv").string(), "--runs", "1"},
         1,
         "graf: bench: " + (tmp / "bench.tsv").string() + ":2: " + bad_query},
        {{"search", "--db", "DB", "--sort", "size", "oil"}, 1, "graf: search: --sort takes "},
        {{"show", "--db", "DB", "sample:nope"}, 1, "graf: show: no article 'sample:nope'"},
        {{"stats", "--db", "DB", "--bogus"}, 1, "graf: unknown option --bogus"},
        {{"serve", "--db", "DB", "--port", "70000"}, 1, "graf: serve: --port must be "},
    };
    check(rows, tmp / "db");
}
