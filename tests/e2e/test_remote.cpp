// Shards served by Xapian's own xapian-tcpsrv (through graf serve-shard) on
// loopback, searched through a
// stub of `remote` lines: the same hits as the local sharded index; a shard
// that goes down is a clear one-line error naming it, and --allow-partial
// answers from the others, marked partial.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <xapian.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";
constexpr int kShards = 3;

// graf serve-shard checks the shard, then becomes xapian-tcpsrv (same pid).
pid_t serve(const fs::path& shard, int port) {
    return start_graf({"serve-shard", "--db", shard.string(), "--interface", "127.0.0.1", "--port",
                       std::to_string(port)});
}

// The sample corpus plus articles whose words share stems across shards:
// some say only "authority", others only "authorities", so a lower-case
// query finds every variant only if each shard's variants are consulted.
void write_corpus(const fs::path& dir) {
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(sample_corpus()))
        fs::copy_file(entry.path(), dir / entry.path().filename());
    for (int i = 0; i < 30; ++i)
        write_file(dir / ("report-" + std::to_string(i) + ".txt"),
                   "Report number " + std::to_string(i) + "\n\n" +
                       (i % 2 ? "The authorities said the elections were fair.\n\n"
                              : "One authority said the election was close.\n\n") +
                       (i % 3 ? "Steve Bannon was not mentioned by officials.\n"
                              : "Markets rallied on the news.\n"));
}

std::set<std::string> articles(const json& result) {
    std::set<std::string> out;
    for (const auto& h : result["hits"]) out.insert(h["article"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE(
    "remote: shards served by xapian-tcpsrv answer like the local index and a dead one is named") {
    if (!fs::exists(kTcpsrv)) {
        MESSAGE("xapian-tcpsrv not installed (xapian-tools): skipped");
        return;
    }
    TempDir tmp;
    write_corpus(tmp / "corpus");
    const fs::path local = tmp / "local";
    RunResult idx = run_graf({"index", "--db", local.string(), "--shards", std::to_string(kShards),
                              (tmp / "corpus").string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    const int base = 17000 + static_cast<int>(getpid() % 20000);
    std::vector<pid_t> servers;
    const fs::path remote = tmp / "remote";
    fs::create_directories(remote);
    {
        std::ofstream stub(remote / "XAPIANDB");
        for (int i = 0; i < kShards; ++i) {
            servers.push_back(serve(local / ("shard-0" + std::to_string(i)), base + i));
            stub << "remote 127.0.0.1:" << base + i << "\n";
        }
    }
    // Wait until every server listens.
    RunResult probe;
    for (int i = 0; i < 50; ++i) {
        probe = run_graf({"search", "--db", remote.string(), "--json", "Bannon"});
        if (probe.exit_code == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE_MESSAGE(probe.exit_code == 0, probe.err);

    for (std::vector<std::string> q : std::vector<std::vector<std::string>>{
             {"Bannon"},
             {"\"good authority\""},
             {"--name", "Sam Altman"},
             {"--name", "Steve Bannon"},
             {"--paragraphs", "Musk"},
             {"--limit", "50", "authority"},     // variants from every shard
             {"--limit", "50", "elections"}}) {  // (Xapian's synonyms are not remote)
        CAPTURE(q.back());
        json l = search_json(local, q), r = search_json(remote, q);
        CHECK(l["total_estimate"] == r["total_estimate"]);
        REQUIRE(l["hits"].size() == r["hits"].size());
        for (std::size_t i = 0; i < l["hits"].size(); ++i) {
            CHECK(l["hits"][i]["article"] == r["hits"][i]["article"]);
            CHECK(l["hits"][i]["paragraph"] == r["hits"][i]["paragraph"]);
            CHECK(l["hits"][i]["score"].get<double>() ==
                  doctest::Approx(r["hits"][i]["score"].get<double>()));
            CHECK(l["hits"][i]["snippet"] == r["hits"][i]["snippet"]);
        }
        CHECK(r["partial"] == false);
    }
    CHECK(search_json(remote, {"--limit", "50", "authority"})["hits"].size() >= 30);

    // Shard 1 goes down.
    kill(servers[1], SIGKILL);
    waitpid(servers[1], nullptr, 0);
    const std::string dead = "127.0.0.1:" + std::to_string(base + 1);
    RunResult down = run_graf({"search", "--db", remote.string(), "Bannon"});
    CHECK(down.exit_code == 2);
    CHECK(down.err.find(dead) != std::string::npos);               // which shard
    CHECK(down.err.find("xapian-tcpsrv") != std::string::npos);    // what to do
    CHECK(down.err.find("--allow-partial") != std::string::npos);  // or go on without it
    CHECK(std::count(down.err.begin(), down.err.end(), '\n') == 1);

    // --allow-partial: the other shards' hits, exactly, marked partial.
    RunResult part = run_graf({"search", "--db", remote.string(), "--allow-partial", "--json",
                               "--limit", "50", "authority"});
    CHECK(part.exit_code == 3);
    CHECK(part.err.find(dead) != std::string::npos);
    json p = json::parse(part.out);
    CHECK(p["partial"] == true);
    REQUIRE(p["missing_shards"].size() == 1);
    CHECK(p["missing_shards"][0]["shard"] == "remote " + dead);
    std::set<std::string> expected = articles(search_json(local, {"--limit", "50", "authority"}));
    for (const std::string& a :
         articles(search_json(local / "shard-01", {"--limit", "50", "authority"})))
        expected.erase(a);
    CHECK(!expected.empty());
    CHECK(articles(p) == expected);
    // Human output says it too, and stats counts what answered.
    RunResult text = run_graf({"search", "--db", remote.string(), "--allow-partial", "authority"});
    CHECK(text.exit_code == 3);
    CHECK(text.err.find("partial results") != std::string::npos);
    RunResult stats = run_graf({"stats", "--db", remote.string(), "--allow-partial", "--json"});
    CHECK(stats.exit_code == 3);
    CHECK(json::parse(stats.out)["shards"] == kShards - 1);
    CHECK(run_graf({"stats", "--db", remote.string()}).exit_code == 2);

    // Every shard down: nothing to answer from, even with --allow-partial.
    for (int i : {0, 2}) {
        kill(servers[i], SIGKILL);
        waitpid(servers[i], nullptr, 0);
    }
    RunResult none = run_graf({"search", "--db", remote.string(), "--allow-partial", "Bannon"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no other shard answered") != std::string::npos);
}

TEST_CASE("stubs: a bad line names the stub file and line and nested stubs with comments work") {
    TempDir tmp;
    const fs::path sharded = tmp / "sharded";
    RunResult idx =
        run_graf({"index", "--db", sharded.string(), "--shards", "2", sample_corpus().string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    // A stub file elsewhere that lists the sharded index's stub, with a comment.
    write_file(tmp / "all.stub", "# every archive\n\nauto sharded\n");
    json direct = search_json(sharded, {"Bannon"}),
         nested = search_json(tmp / "all.stub", {"Bannon"});
    CHECK(direct["hits"] == nested["hits"]);

    write_file(tmp / "bad.stub", "auto sharded\nremote example.org\n");
    RunResult bad = run_graf({"search", "--db", (tmp / "bad.stub").string(), "Bannon"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("bad.stub:2") != std::string::npos);
    CHECK(bad.err.find("HOST:PORT") != std::string::npos);

    write_file(tmp / "loop.stub", "auto loop.stub\n");
    RunResult loop = run_graf({"search", "--db", (tmp / "loop.stub").string(), "Bannon"});
    CHECK(loop.exit_code == 2);
    CHECK(loop.err.find("loop") != std::string::npos);

    // A local shard folder that is gone: named, and --allow-partial goes on.
    fs::remove_all(sharded / "shard-01");
    RunResult gone = run_graf({"search", "--db", sharded.string(), "Bannon"});
    CHECK(gone.exit_code == 2);
    CHECK(gone.err.find("shard-01") != std::string::npos);
    RunResult rest = run_graf({"search", "--db", sharded.string(), "--allow-partial", "Bannon"});
    CHECK(rest.exit_code == 3);
}

TEST_CASE("serve-shard: refuses what is not a graf index of this schema, before serving") {
    TempDir tmp;
    {
        Xapian::WritableDatabase other((tmp / "other").string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_term("hello");
        other.add_document(doc);
        other.commit();
    }
    RunResult r = run_graf({"serve-shard", "--db", (tmp / "other").string(), "--port", "1"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("schema") != std::string::npos);
    CHECK(run_graf({"serve-shard", "--db", (tmp / "none").string(), "--port", "1"}).exit_code == 2);
    CHECK(run_graf({"serve-shard", "--db", (tmp / "other").string()}).exit_code == 1);  // no port
}

TEST_CASE("serve-shard: listens on loopback unless --interface says otherwise, with a warning") {
    TempDir tmp;
    index_sample(tmp / "db");
    // /bin/echo in xapian-tcpsrv's place prints the arguments it would get.
    RunResult plain = run_graf(
        {"serve-shard", "--db", (tmp / "db").string(), "--port", "8100", "--tcpsrv", "/bin/echo"});
    CHECK(plain.exit_code == 0);
    CHECK(plain.out == "--port 8100 --interface 127.0.0.1 " + (tmp / "db").string() + "\n");
    CHECK(plain.err.empty());
    RunResult open = run_graf({"serve-shard", "--db", (tmp / "db").string(), "--port", "8100",
                               "--interface", "0.0.0.0", "--tcpsrv", "/bin/echo"});
    CHECK(open.out.find("--interface 0.0.0.0 ") != std::string::npos);
    CHECK(open.err.find("warning: serving on 0.0.0.0, not loopback") == 6);
}

namespace {

// A loopback port whose connects hang like a blackholed machine's: a
// listening socket that never accepts, its backlog filled, so the kernel
// drops further SYNs (tcp_abort_on_overflow is off by default).
struct HangingPort {
    int listener = -1;
    std::vector<int> queued;
    int port = 0;
    HangingPort() {
        listener = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(listen(listener, 0) == 0);
        socklen_t len = sizeof addr;
        getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        for (int i = 0; i < 3; ++i) {  // fill the accept queue; later ones just wait
            int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
            queued.push_back(c);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ~HangingPort() {
        for (int c : queued) close(c);
        close(listener);
    }
};

}  // namespace

TEST_CASE("remote: --connect-timeout bounds the wait for a shard that does not accept") {
    TempDir tmp;
    HangingPort hanging;
    write_file(tmp / "hang.stub", "remote 127.0.0.1:" + std::to_string(hanging.port) + "\n");
    const std::string stub = (tmp / "hang.stub").string();
    // Timed against a run with 3 s, so a slow start (a loaded machine,
    // sanitizers) cannot fail it: the two differ by the timeouts' 2.7 s.
    const auto timed = [&](const char* timeout) {
        const auto start = std::chrono::steady_clock::now();
        RunResult r = run_graf({"search", "--db", stub, "--connect-timeout", timeout, "Bannon"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("remote 127.0.0.1:" + std::to_string(hanging.port)) != std::string::npos);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const double short_wait = timed("0.3");
    const double long_wait = timed("3");
    CAPTURE(short_wait);
    CAPTURE(long_wait);
    CHECK(long_wait - short_wait > 2.0);  // graf's default is 2 s, Xapian's 10 s

    for (const std::string bad : {"0", "x", "-1", "601", "1s"}) {
        RunResult b = run_graf({"stats", "--db", stub, "--connect-timeout", bad});
        CHECK(b.exit_code == 1);
        CHECK(b.err.find("--connect-timeout takes seconds from 0.001 to 600, not '" + bad + "'") !=
              std::string::npos);
    }
    // Commands that never open a remote shard do not take it.
    CHECK(run_graf({"index", "--db", (tmp / "db").string(), "--connect-timeout", "1",
                    sample_corpus().string()})
              .exit_code == 1);
}
