// Shards served by Xapian's own xapian-tcpsrv on loopback, searched through a
// stub of `remote` lines: the same hits as the local sharded index; a shard
// that goes down is a clear one-line error naming it.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";

pid_t serve(const fs::path& shard, int port) {
    return start_program(
        kTcpsrv, {"--interface", "127.0.0.1", "--port", std::to_string(port), shard.string()});
}

}  // namespace

TEST_CASE(
    "remote: shards served by xapian-tcpsrv answer like the local index; a dead one is named") {
    if (!fs::exists(kTcpsrv)) {
        MESSAGE("xapian-tcpsrv not installed (xapian-tools): skipped");
        return;
    }
    TempDir tmp;
    const fs::path local = tmp / "local";
    RunResult idx =
        run_graf({"index", "--db", local.string(), "--shards", "2", sample_corpus().string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    const int base = 17000 + static_cast<int>(getpid() % 20000);
    pid_t a = serve(local / "shard-00", base), b = serve(local / "shard-01", base + 1);
    const fs::path remote = tmp / "remote";
    fs::create_directories(remote);
    std::ofstream(remote / "XAPIANDB")
        << "remote 127.0.0.1:" << base << "\nremote 127.0.0.1:" << base + 1 << "\n";
    // Wait until both servers listen.
    RunResult probe;
    for (int i = 0; i < 50; ++i) {
        probe = run_graf({"search", "--db", remote.string(), "--json", "Bannon"});
        if (probe.exit_code == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE_MESSAGE(probe.exit_code == 0, probe.err);
    for (std::vector<std::string> q :
         std::vector<std::vector<std::string>>{{"Bannon"},
                                               {"\"good authority\""},
                                               {"--name", "Sam Altman"},
                                               {"--paragraphs", "Musk"}}) {
        CAPTURE(q.back());
        json l = search_json(local, q), r = search_json(remote, q);
        REQUIRE(l["hits"].size() == r["hits"].size());
        for (std::size_t i = 0; i < l["hits"].size(); ++i) {
            CHECK(l["hits"][i]["article"] == r["hits"][i]["article"]);
            CHECK(l["hits"][i]["paragraph"] == r["hits"][i]["paragraph"]);
            CHECK(l["hits"][i]["score"].get<double>() ==
                  doctest::Approx(r["hits"][i]["score"].get<double>()));
            CHECK(l["hits"][i]["snippet"] == r["hits"][i]["snippet"]);
        }
    }
    kill(b, SIGKILL);
    waitpid(b, nullptr, 0);
    RunResult down = run_graf({"search", "--db", remote.string(), "Bannon"});
    CHECK(down.exit_code == 2);
    CHECK(down.err.find(std::to_string(base + 1)) != std::string::npos);  // which shard
    CHECK(down.err.find("xapian-tcpsrv") != std::string::npos);           // what to do
    CHECK(std::count(down.err.begin(), down.err.end(), '\n') == 1);
    kill(a, SIGKILL);
    waitpid(a, nullptr, 0);
}
