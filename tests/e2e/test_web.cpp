// graf serve through the binary and a raw HTTP client: every endpoint, the
// same JSON as the CLI for the same query, exact timeline counts, and every
// error status (400 naming the parameter, 404, 405, 414, 431).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "e2e/cli_runner.hpp"
#include "e2e/web_client.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path harbour_fixture() {
    return fs::path(GRAF_SOURCE_DIR) / "tests" / "web" / "fixtures" / "harbour.jsonl";
}

// corpus/sample and the harbour fixture (16 dated articles, 2 sources, a hostile one).
struct Served {
    TempDir tmp;
    fs::path db = tmp / "db";
    std::unique_ptr<WebServer> server;
    Served() {
        RunResult r = run_graf(
            {"index", "--db", db.string(), sample_corpus().string(), harbour_fixture().string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        server = std::make_unique<WebServer>(db);
    }
    json get(const std::string& target, int status = 200) {
        HttpReply r = http_get(server->port(), target);
        INFO(target << " -> " << r.status << " " << r.body);
        REQUIRE(r.status == status);
        REQUIRE(r.headers["content-type"] == "application/json; charset=utf-8");
        return json::parse(r.body);
    }
    json cli(std::vector<std::string> args) {
        const std::string command = args.front();
        args.erase(args.begin());
        args.insert(args.begin(), {command, "--db", db.string(), "--json"});
        RunResult r = run_graf(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out);
    }
};

json without_time(json j) {
    j.erase("took_ms");
    return j;
}

}  // namespace

TEST_CASE("web: /api/search answers with graf search --json's object") {
    Served s;
    struct Row {
        std::string target;
        std::vector<std::string> cli;
    };
    const std::vector<Row> rows = {
        {"/api/search?q=Bannon", {"search", "Bannon"}},
        {"/api/search?q=%22good+authority%22", {"search", "\"good authority\""}},
        {"/api/search?name=Steve+Bannon", {"search", "--name", "Steve Bannon"}},
        {"/api/search?q=harbour&paragraphs=1&limit=5&offset=3",
         {"search", "harbour", "--paragraphs", "--limit", "5", "--offset", "3"}},
        {"/api/search?q=harbour&sort=date&since=2025-02&until=2025-02-15",
         {"search", "harbour", "--sort", "date", "--since", "2025-02", "--until", "2025-02-15"}},
        {"/api/search?q=harbour+OR+lighthouse&source=island-post",
         {"search", "(harbour OR lighthouse) source:\"island-post\""}},
        {"/api/search?q=harbor", {"search", "harbor"}},  // a suggestion
        {"/api/search?q=harbour&sort=oldest&limit=3",
         {"search", "harbour", "--sort", "oldest", "--limit", "3"}},
        {"/api/search?q=harbour&limit=0", {"search", "harbour", "--limit", "0"}},
        {"/api/search?q=harbour+ferry&snippet_chars=40",
         {"search", "harbour ferry", "--snippet-chars", "40"}},
        {"/api/search?q=harbour&snippets=0", {"search", "harbour", "--no-snippets"}},
        {"/api/search?q=why+did+the+harbour+board+discuss+the+ferry+timetable&feedback=false",
         {"search", "why did the harbour board discuss the ferry timetable", "--no-feedback"}},
        {"/api/search?q=ferry&expand=1", {"search", "ferry", "--expand"}},
    };
    for (const Row& row : rows) {
        INFO(row.target);
        CHECK(without_time(s.get(row.target)) == without_time(s.cli(row.cli)));
    }
    const std::string question =
        "/api/search?q=why+did+the+harbour+board+discuss+the+ferry+timetable";
    CHECK(s.get(question)["expanded"] == true);
    CHECK(s.get(question + "&feedback=0")["expanded"] == false);
    CHECK(s.get("/api/search?q=ferry")["expanded"] == false);
    CHECK(s.get("/api/search?q=ferry&expand=1")["expanded"] == true);
    json r = s.get("/api/search?q=harbour&source=island-post&limit=100");
    CHECK(r["hits"].size() == 8);
    for (const auto& h : r["hits"]) CHECK(h["source"] == "island-post");
}

TEST_CASE("web: /api/timeline counts articles and paragraphs per period exactly") {
    Served s;
    json t = s.get("/api/timeline?q=harbour");
    CHECK(t == s.cli({"timeline", "harbour"}));
    CHECK(t["by"] == "month");
    CHECK(t["articles"] == 16);
    CHECK(t["paragraphs"] == 48);
    json expected = json::array();
    for (auto [month, last, articles] :
         std::vector<std::tuple<const char*, const char*, int>>{{"2024-11", "30", 2},
                                                                {"2024-12", "31", 2},
                                                                {"2025-01", "31", 2},
                                                                {"2025-02", "28", 8},
                                                                {"2025-03", "31", 2}})
        expected.push_back({{"period", month},
                            {"since", std::string(month) + "-01"},
                            {"until", std::string(month) + "-" + last},
                            {"articles", articles},
                            {"paragraphs", 3 * articles}});
    CHECK(t["periods"] == expected);

    json years = s.get("/api/timeline?q=harbour&by=year");
    CHECK(years["periods"] == json::parse(R"([
        {"period":"2024","since":"2024-01-01","until":"2024-12-31","articles":4,"paragraphs":12},
        {"period":"2025","since":"2025-01-01","until":"2025-12-31","articles":12,"paragraphs":36}])"));
    // ISO weeks: 2024-11-03 is a Sunday (week 44, from Monday 10-28); gaps are zero.
    json weeks = s.get("/api/timeline?q=harbour&by=week");
    CHECK(weeks["periods"][0] == json::parse(R"({"period":"2024-W44","since":"2024-10-28",
        "until":"2024-11-03","articles":1,"paragraphs":3})"));
    CHECK(weeks["periods"][1]["period"] == "2024-W45");  // 2024-11-08
    CHECK(weeks["periods"][2] == json::parse(R"({"period":"2024-W46","since":"2024-11-11",
        "until":"2024-11-17","articles":0,"paragraphs":0})"));
    json days = s.get("/api/timeline?name=Steve+Bannon&by=day");
    CHECK(days == s.cli({"timeline", "--name", "Steve Bannon", "--by", "day"}));
    CHECK(days["undated"]["articles"] == 1);  // a sample article has no date
    CHECK(days["periods"].size() == 1);
    CHECK(days["periods"][0]["period"] == "2025-01-27");
    json filtered = s.get("/api/timeline?q=harbour&since=2025-02&until=2025-02-28&by=day");
    CHECK(filtered["articles"] == 8);
    CHECK(filtered["periods"][0]["period"] == "2025-02-06");
}

TEST_CASE("web: graf timeline draws the months as a bar chart") {
    Served s;
    RunResult r = run_graf({"timeline", "--db", s.db.string(), "--width", "8", "harbour"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out ==
          "2024-11          2         6  ██\n"
          "2024-12          2         6  ██\n"
          "2025-01          2         6  ██\n"
          "2025-02          8        24  ████████\n"
          "2025-03          2         6  ██\n"
          "16 matching articles, 48 paragraphs, per month\n");
    RunResult bad = run_graf({"timeline", "--db", s.db.string(), "--by", "hour", "harbour"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == "graf: timeline: --by takes day, week, month or year\n");
    RunResult query = run_graf({"timeline", "--db", s.db.string(), "musk AND"});
    CHECK(query.exit_code == 1);
    CHECK(query.err.find("graf: timeline: query error: AND needs a word") == 0);
}

TEST_CASE("web: /api/facets, /api/names, /api/stats and /api/article") {
    Served s;
    json f = s.get("/api/facets?q=harbour");
    CHECK(f["articles"] == 16);
    CHECK(f["paragraphs"] == 48);
    CHECK(f["first_date"] == "2024-11-03");
    CHECK(f["last_date"] == "2025-03-12");
    CHECK(f["sources"] == json::parse(R"([{"source":"harbour-gazette","articles":8,"paragraphs":24},
                                          {"source":"island-post","articles":8,"paragraphs":24}])"));
    CHECK(f["names"][0] ==
          json::parse(R"({"name":"Morag Fraser","kind":"person","articles":16,"paragraphs":16})"));
    CHECK(f["names_exact"] == true);
    // graf facets is the same count from the command line.
    CHECK(s.cli({"facets", "harbour"}) == f);
    RunResult printed = run_graf({"facets", "--db", s.db.string(), "--top", "1", "harbour"});
    CHECK(printed.exit_code == 0);
    CHECK(printed.out.find("16 matching articles, 48 paragraphs, dated 2024-11-03 to 2025-03-12") ==
          0);
    CHECK(printed.out.find("Morag Fraser") != std::string::npos);
    CHECK(run_graf({"facets", "--db", s.db.string()}).exit_code == 1);

    // /api/names is graf names --json: people and organisations unless
    // `kind` says otherwise.
    CHECK(s.get("/api/names?prefix=morag&top=5") == s.cli({"names", "--top", "5", "morag"}));
    CHECK(s.get("/api/names") == s.cli({"names"}));
    CHECK(s.get("/api/names?kind=all") == s.cli({"names", "--kind", "all"}));
    CHECK(s.get("/api/names?kind=place")[0]["name"] == "Silicon Valley");
    // With a query: the names of its matches, as the facets count them.
    CHECK(s.get("/api/names?q=harbour&top=3") == json::parse(R"([{"name":"Morag Fraser",
        "kind":"person","paragraphs":16,"articles":16}])"));
    CHECK(s.get("/api/names?q=Musk&prefix=steve") ==
          json::parse(R"([{"name":"Steve Bannon","kind":"person","paragraphs":4,"articles":2}])"));
    json stats = s.cli({"stats"});
    stats.erase("db");
    CHECK(s.get("/api/stats") == stats);

    json a = s.get("/api/article/harbour/003?p=2&q=%22new+pier%22");
    CHECK(a["id"] == "harbour:harbour/003");
    CHECK(a["article"] == "harbour/003");
    CHECK(a["title"] == "Stromness harbour board meets on ferry timetable");
    CHECK(a["date"] == "2025-01-05");
    CHECK(a["source"] == "harbour-gazette");
    CHECK(a["url"] == "https://example.org/harbour/003");
    CHECK(a["paragraph"] == 2);
    REQUIRE(a["paragraphs"].size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(a["paragraphs"][i]["paragraph"] == i + 1);
        CHECK(a["paragraphs"][i]["chosen"] == (i == 1));
    }
    // graf show --json's object, without where the server read the file, plus highlights.
    json shown = s.cli({"show", "harbour/003", "--paragraph", "2"});
    shown.erase("location");
    json plain = s.get("/api/article/harbour:harbour/003?p=2");
    for (json& p : plain["paragraphs"]) {
        CHECK(p["highlights"].empty());
        p.erase("highlights");
    }
    CHECK(plain == shown);
    const std::string text = a["paragraphs"][1]["text"];
    REQUIRE(a["paragraphs"][1]["highlights"].size() == 1);
    const std::size_t at = a["paragraphs"][1]["highlights"][0][0];
    const std::size_t len = a["paragraphs"][1]["highlights"][0][1];
    CHECK(text.substr(at, len) == "new pier");
    CHECK(a["paragraphs"][0]["highlights"].empty());
    // An encoded slash is the same id; no p marks nothing.
    json same = s.get("/api/article/harbour%2F003");
    CHECK(same["paragraph"].is_null());
    CHECK(same["paragraphs"].size() == 3);
    json hostile = s.get("/api/article/hostile/001");
    CHECK(hostile["title"] == "\"><img src=x onerror=alert(1)>");
}

TEST_CASE("web: bad parameters are 400s naming the parameter, never a 500") {
    Served s;
    struct Row {
        std::string target;
        int status;
        std::string error;
    };
    const std::string long_q(2001, 'a');
    const std::vector<Row> rows = {
        {"/api/search", 400, "give parameter 'q' (a query) or 'name'"},
        {"/api/search?q=a&limit=101", 400,
         "parameter 'limit' takes a whole number from 0 to 100, not '101'"},
        {"/api/search?q=a&limit=ten", 400,
         "parameter 'limit' takes a whole number from 0 to 100, not 'ten'"},
        {"/api/search?q=a&snippet_chars=5", 400,
         "parameter 'snippet_chars' takes a whole number from 20 to 1000000, not '5'"},
        {"/api/search?q=a&snippets=no", 400,
         "parameter 'snippets' takes 1, true, 0 or false, not 'no'"},
        {"/api/search?q=a&offset=-1", 400,
         "parameter 'offset' takes a whole number from 0 to 100000, not '-1'"},
        {"/api/search?q=a&sort=random", 400,
         "parameter 'sort' takes date, oldest, relevance, not 'random'"},
        {"/api/search?q=a&paragraphs=maybe", 400,
         "parameter 'paragraphs' takes 1, true, 0 or false, not 'maybe'"},
        {"/api/search?q=a&since=2025-13", 400,
         "parameter 'since': date:2025-13..: \"2025-13\" is not a valid date (use YYYY, YYYY-MM "
         "or YYYY-MM-DD)"},
        {"/api/search?q=a&colour=red", 400,
         "unknown parameter 'colour' (this endpoint takes: expand, feedback, limit, name, "
         "offset, paragraphs, q, since, snippet_chars, snippets, sort, source, until)"},
        {"/api/search?q=a&expand=1&feedback=0", 400,
         "parameters 'expand' and 'feedback=0' contradict: give one"},
        {"/api/search?q=a&q=b", 400, "parameter 'q' is given more than once"},
        {"/api/search?q=" + long_q, 400, "parameter 'q' is longer than 2000 bytes"},
        {"/api/search?q=a&source=%22", 400, "parameter 'source' may not contain '\"'"},
        {"/api/timeline?q=a&by=hour", 400,
         "parameter 'by' takes day, month, week, year, not 'hour'"},
        {"/api/facets?q=a&top=0", 400,
         "parameter 'top' takes a whole number from 1 to 100, not '0'"},
        {"/api/names?q=a&colour=red", 400,
         "unknown parameter 'colour' (this endpoint takes: kind, name, prefix, q, since, source, "
         "top, until)"},
        {"/api/names?kind=planet", 400,
         "parameter 'kind': 'planet' is not person, organisation, place, event, fragment, other "
         "or all"},
        {"/api/names?top=100000", 400,
         "parameter 'top' takes a whole number from 1 to 1000, not '100000'"},
        {"/api/stats?x=1", 400, "unknown parameter 'x' (this endpoint takes none)"},
        {"/api/article/harbour/003?p=4", 400,
         "parameter 'p': article 'harbour/003' has no paragraph 4 (it has 3)"},
        {"/api/article/harbour/999", 404, "no article 'harbour/999' in this index"},
        {"/api/article/", 404, "no such endpoint: /api/article/"},
        {"/api/nothing", 404, "no such endpoint: /api/nothing"},
        {"/nothing.html", 404, "no such path: /nothing.html"},
    };
    for (const Row& row : rows) {
        json j = s.get(row.target, row.status);
        CHECK(j == json{{"error", row.error}});
    }
}

TEST_CASE("web: a malformed query is a 400 with the message graf search prints") {
    Served s;
    for (const std::string q :
         {"date:2025-13", "a NEAR/x b", "date:2025-01-01..2024-01-01", "title:", "musk AND"}) {
        INFO(q);
        RunResult cli = run_graf({"search", "--db", s.db.string(), q});
        REQUIRE(cli.exit_code == 1);
        const std::string prefix = "graf: search: ";
        REQUIRE(cli.err.rfind(prefix, 0) == 0);
        const std::string message =
            cli.err.substr(prefix.size(), cli.err.size() - prefix.size() - 1);
        CHECK(s.get("/api/search?q=" + url_encode(q), 400) == json{{"error", message}});
        CHECK(s.get("/api/timeline?q=" + url_encode(q), 400) == json{{"error", message}});
        CHECK(s.get("/api/facets?q=" + url_encode(q), 400) == json{{"error", message}});
    }
}

TEST_CASE("web: the page, its headers, path traversal and request limits") {
    Served s;
    const int port = s.server->port();
    HttpReply page = http_get(port, "/");
    CHECK(page.status == 200);
    CHECK(page.headers["content-type"] == "text/html; charset=utf-8");
    const std::string csp = page.headers["content-security-policy"];
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(page.headers["x-content-type-options"] == "nosniff");
    CHECK(page.body.find("<script src=\"/app.js\" defer></script>") != std::string::npos);
    CHECK(page.body.find("<script>") == std::string::npos);  // no inline script
    CHECK(page.body.find("<style") == std::string::npos);
    CHECK(page.body.find("http") == std::string::npos);  // nothing from another origin
    HttpReply js = http_get(port, "/app.js");
    CHECK(js.status == 200);
    CHECK(js.headers["content-type"] == "text/javascript; charset=utf-8");
    CHECK(js.body.find("innerHTML") == std::string::npos);
    CHECK(http_get(port, "/app.css").headers["content-type"] == "text/css; charset=utf-8");
    CHECK(http_get(port, "/api/stats").headers["content-security-policy"] == csp);

    for (const std::string target :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
          "//etc/passwd", "/etc/passwd", "/app.js/../../etc/passwd", "/..%2f..%2fetc%2fpasswd",
          "/static/..%5c..%5cetc%5cpasswd", "/index.html%00.js", "/appXjs", "/indexXhtml"}) {
        INFO(target);
        HttpReply r = http_get(port, target);
        CHECK(r.status == 404);
        CHECK(r.body.find("root:") == std::string::npos);
    }

    // Read-only: no method but GET and HEAD.
    for (const std::string method : {"POST", "PUT", "DELETE", "PATCH"}) {
        HttpReply r = http_raw(port, method +
                                         " /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                         "0\r\nConnection: close\r\n\r\n");
        CHECK(r.status == 405);
        CHECK(r.headers["allow"] == "GET, HEAD");
    }
    CHECK(http_raw(port, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status == 200);

    // Limits: a target over 4 KB (and a request line over httplib's 8 KB) is 414;
    // headers over 8 KB in all are 431, one header line over 8 KB a 400.
    CHECK(http_get(port, "/api/search?q=" + std::string(5000, 'a')).status == 414);
    CHECK(http_get(port, "/api/search?q=" + std::string(10000, 'a')).status == 414);
    const std::string half(5000, 'h');
    CHECK(http_get(port, "/api/stats", {"X-One: " + half, "X-Two: " + half}).status == 431);
    std::vector<std::string> many;
    for (int i = 0; i < 70; ++i) many.push_back("X-H" + std::to_string(i) + ": 1");
    CHECK(http_get(port, "/api/stats", many).status == 431);
    CHECK(http_get(port, "/api/stats", {"X-Big: " + std::string(9000, 'h')}).status == 400);
    CHECK(http_raw(port, "NONSENSE\r\n\r\n").status == 400);
    // The server still answers after all that.
    CHECK(http_get(port, "/api/stats").status == 200);
}

TEST_CASE("web: a kept-alive connection is not slowed by Nagle's algorithm") {
    Served s;
    // httplib writes a reply's head and body separately; without TCP_NODELAY
    // the body waited for the client's delayed ACK: 40 ms a request.
    const std::vector<std::string> targets(25, "/api/search?q=harbour&limit=1");
    const auto start = std::chrono::steady_clock::now();
    const std::vector<int> statuses = http_keep_alive(s.server->port(), targets);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    CHECK(statuses == std::vector<int>(25, 200));
    CHECK_MESSAGE(ms < 500, "25 requests on one connection took " << ms << " ms");
}

TEST_CASE("web: concurrent clients each get their own answers") {
    Served s;
    const int port = s.server->port();
    const json want = without_time(s.get("/api/search?q=harbour&limit=3"));
    std::vector<std::thread> clients;
    std::atomic<int> wrong{0};
    for (int c = 0; c < 6; ++c)
        clients.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                HttpReply r = http_get(port, "/api/search?q=harbour&limit=3");
                if (r.status != 200 || without_time(json::parse(r.body)) != want) ++wrong;
            }
        });
    for (auto& t : clients) t.join();
    CHECK(wrong == 0);
}

TEST_CASE("web: articles indexed while the server runs are found") {
    Served s;
    CHECK(s.get("/api/search?q=puffin")["hits"].empty());
    TempDir more;
    write_file(more / "birds.txt",
               "Puffins return\n\ndate 2025-04-02\n\nThe puffin colony came back.\n");
    RunResult r = run_graf({"index", "--db", s.db.string(), more.path().string()});
    REQUIRE(r.exit_code == 0);
    json found = s.get("/api/search?q=puffin");
    REQUIRE(found["hits"].size() == 1);
    CHECK(found["hits"][0]["article"] == "birds");
    CHECK(s.get("/api/timeline?q=puffin")["periods"][0]["period"] == "2025-04");
}

TEST_CASE("web: requests during a graf index that commits many times all answer") {
    Served s;
    TempDir more;
    for (int i = 0; i < 300; ++i)
        write_file(more / ("gull-" + std::to_string(i) + ".txt"),
                   "Gulls at the harbour " + std::to_string(i) + "\n\ndate 2025-05-0" +
                       std::to_string(1 + i % 9) + "\n\nThe gull colony " + std::to_string(i) +
                       " nested by the harbour wall.\n");
    // Commits every 50 paragraphs, so the server meets a new revision every
    // few requests (and Xapian's DatabaseModifiedError mid-read). Not every
    // paragraph: a read that outlasts two commits cannot succeed (archive.hpp).
    const int indexer = start_graf({"index", "--db", s.db.string(), "--commit-every", "50",
                                    "--threads", "1", more.path().string()});
    std::vector<int> statuses;
    std::vector<std::string> failures;
    int status = 0;
    while (waitpid(indexer, &status, WNOHANG) == 0)
        for (const char* target : {"/api/search?q=gull+harbour", "/api/timeline?q=gull",
                                   "/api/facets?q=harbour", "/api/names?q=gull", "/api/stats"}) {
            HttpReply r = http_get(s.server->port(), target);
            statuses.push_back(r.status);
            if (r.status != 200) failures.push_back(std::string(target) + " -> " + r.body);
        }
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(statuses.size() >= 5);
    for (const std::string& f : failures) FAIL_CHECK(f);
    CHECK(std::count(statuses.begin(), statuses.end(), 200) == static_cast<long>(statuses.size()));
    CHECK(s.get("/api/timeline?q=gull")["articles"] == 300);
}

TEST_CASE("web: on remote shards every endpoint answers as on the local index") {
    if (!fs::exists("/usr/bin/xapian-tcpsrv")) {
        MESSAGE("xapian-tcpsrv not installed (xapian-tools): skipped");
        return;
    }
    Served s;
    const int port = 19000 + static_cast<int>(getpid() % 20000);
    // Killed with SIGKILL: xapian-tcpsrv answers SIGTERM by signalling its whole group.
    struct Killed {
        pid_t pid;
        ~Killed() {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    };
    const Killed tcpsrv{
        start_graf({"serve-shard", "--db", s.db.string(), "--port", std::to_string(port)})};
    const fs::path stub = s.tmp / "remote.stub";
    std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
    RunResult probe;
    for (int i = 0; i < 50; ++i) {
        probe = run_graf({"search", "--db", stub.string(), "--json", "harbour"});
        if (probe.exit_code == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE_MESSAGE(probe.exit_code == 0, probe.err);
    {
        WebServer remote(stub);
        HttpReply r = http_get(remote.port(), "/api/search?q=harbour");
        CHECK(r.status == 200);
        CHECK(without_time(json::parse(r.body)) == without_time(json::parse(probe.out)));
        // Timelines and facets count with Xapian's own match spies there: the same answers.
        for (const std::string target :
             {"/api/timeline?q=harbour", "/api/timeline?q=harbour&by=week&source=island-post",
              "/api/timeline?name=Morag+Fraser&by=year", "/api/timeline?q=Bannon",
              "/api/facets?q=harbour", "/api/facets?q=harbour+OR+Bannon&top=3",
              "/api/facets?q=pier&since=2025-01", "/api/names?q=harbour&top=5",
              "/api/article/harbour/003?p=2&q=pier"}) {
            INFO(target);
            HttpReply far = http_get(remote.port(), target);
            CHECK(far.status == 200);
            CHECK(json::parse(far.body) == s.get(target));
        }
    }
    RunResult t = run_graf({"timeline", "--db", stub.string(), "--json", "harbour"});
    CHECK(t.exit_code == 0);
    CHECK(json::parse(t.out) == s.cli({"timeline", "harbour"}));
    RunResult f = run_graf({"facets", "--db", stub.string(), "--json", "harbour"});
    CHECK(f.exit_code == 0);
    CHECK(json::parse(f.out) == s.cli({"facets", "harbour"}));
}

TEST_CASE("web: graf serve fails clearly without an index and warns off loopback") {
    TempDir tmp;
    RunResult none = run_graf({"serve", "--db", (tmp / "nothing").string(), "--port", "0"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("graf index") != std::string::npos);
    index_sample(tmp / "db");
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the warning, then a bind error.
    RunResult away =
        run_graf({"serve", "--db", (tmp / "db").string(), "--host", "192.0.2.1", "--port", "0"});
    CHECK(away.exit_code == 1);
    CHECK(away.err.find("graf: warning: listening on 192.0.2.1, not loopback") == 0);
    CHECK(away.err.find("cannot listen on 192.0.2.1") != std::string::npos);
    RunResult port = run_graf({"serve", "--db", (tmp / "db").string(), "--port", "70000"});
    CHECK(port.exit_code == 1);
    CHECK(port.err == "graf: serve: --port must be a whole number from 0 to 65535, not '70000'\n");
}

TEST_CASE("web: on BBC the API answers like the CLI (when ../shared exists)") {
    auto shared = shared_dir();
    if (!shared) return;
    TempDir tmp;
    const fs::path db = tmp / "db";
    RunResult r =
        run_graf({"index", "--db", db.string(), "--quiet", (*shared / "corpus" / "bbc").string()});
    REQUIRE(r.exit_code == 0);
    WebServer server(db);
    for (const std::string q : {"Blair", "\"interest rates\"", "film OR award"}) {
        INFO(q);
        HttpReply api = http_get(server.port(), "/api/search?q=" + url_encode(q));
        REQUIRE(api.status == 200);
        CHECK(without_time(json::parse(api.body)) == without_time(search_json(db, {q})));
        HttpReply t = http_get(server.port(), "/api/timeline?by=year&q=" + url_encode(q));
        REQUIRE(t.status == 200);
        RunResult cli = run_graf({"timeline", "--db", db.string(), "--by", "year", "--json", q});
        REQUIRE(cli.exit_code == 0);
        CHECK(json::parse(t.body) == json::parse(cli.out));
    }
}
