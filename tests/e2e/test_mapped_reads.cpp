// The `graf` executable reads a searched index's blocks from maps
// (app/mapped_reads.hpp): searches answer exactly as with pread, and the
// tables of a running server really are mapped (unless GRAF_MAPPED_READS=0).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "e2e/cli_runner.hpp"
#include "e2e/web_client.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

json answer(const std::filesystem::path& db, const std::vector<std::string>& args) {
    json j = search_json(db, args);
    j.erase("took_ms");
    return j;
}

// The index tables a running graf maps, from its /proc maps.
int mapped_tables(int pid) {
    const std::string maps = read_file("/proc/" + std::to_string(pid) + "/maps");
    int tables = 0;
    for (std::size_t at = maps.find(".glass\n"); at != std::string::npos;
         at = maps.find(".glass\n", at + 1))
        ++tables;
    return tables;
}

}  // namespace

TEST_CASE("mapped reads: every kind of search answers as it does with pread") {
    TempDir tmp;
    index_sample(tmp / "db");
    const std::vector<std::vector<std::string>> searches = {
        {"Musk"},
        {"stargate money"},
        {"\"Elon Musk\""},
        {"--name", "Steve Bannon"},
        {"--paragraphs", "Trump -Bannon"},
        {"--sort", "date", "Trump"},
        {"title:Musk"},
    };
    for (const auto& args : searches) {
        CAPTURE(args.front());
        const json mapped = answer(tmp / "db", args);
        PlainReads plain;
        CHECK(mapped == answer(tmp / "db", args));
    }
    CHECK_FALSE(answer(tmp / "db", {"Musk"})["hits"].empty());
}

TEST_CASE("mapped reads: a running graf serve maps its index's tables, with pread it maps none") {
    TempDir tmp;
    index_sample(tmp / "db");
    {
        WebServer server(tmp / "db");
        REQUIRE(http_get(server.port(), "/api/search?q=Musk").status == 200);
        CHECK(mapped_tables(server.pid()) >= 2);  // postlist, termlist (position when read)
    }
    PlainReads plain;
    WebServer server(tmp / "db");
    REQUIRE(http_get(server.port(), "/api/search?q=Musk").status == 200);
    CHECK(mapped_tables(server.pid()) == 0);
}
