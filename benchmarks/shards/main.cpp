// graf-bench-shards: what splitting an index into shards costs and gains.
// For each shard count it indexes the corpus with `graf index --shards N`
// (one writer per shard), then times the same queries with `graf bench`
// twice: the shards opened locally (the stub graf writes: `auto` lines) and
// served by one xapian-tcpsrv each on loopback (a stub of `remote` lines),
// which is how shards on other machines are searched. One table: indexing
// time, index size, latency per kind. `make bench-shards`; see
// benchmarks/README.md.
#include <fmt/format.h>

#include <algorithm>
#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bench/args.hpp"
#include "benchmarks/driver/background_process.hpp"
#include "benchmarks/driver/child_process.hpp"
#include "benchmarks/driver/scaled_corpus.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace graf::bench;

namespace {

struct Settings {
    std::vector<std::string> inputs;
    fs::path queries, work;
    std::string graf, tcpsrv;
    std::vector<unsigned> shard_counts;
    unsigned runs = 5;
    std::size_t k = 10;
    int first_port = 17500;
    bool remote = true;
};

struct Row {
    unsigned shards = 1;
    std::string where;
    double index_seconds = 0, index_mb = 0;
    json bench;
};

json bench(const Settings& s, const fs::path& db) {
    return json_summary(
        run_step({s.graf, "bench", "--db", db.string(), "--queries", s.queries.string(), "--runs",
                  std::to_string(s.runs), "-k", std::to_string(s.k), "--json"}),
        "graf bench");
}

// The databases xapian-tcpsrv serves: the shard folders, or the index itself.
std::vector<fs::path> databases_of(const fs::path& db) {
    std::vector<fs::path> shards;
    for (const auto& entry : fs::directory_iterator(db))
        if (entry.is_directory() && entry.path().filename().string().rfind("shard-", 0) == 0)
            shards.push_back(entry.path());
    std::sort(shards.begin(), shards.end());
    if (shards.empty()) shards.push_back(db);
    return shards;
}

std::vector<Row> measure(const Settings& s, unsigned n) {
    const fs::path db = s.work / fmt::format("shards-{}", n);
    fs::remove_all(db);
    fmt::print(stderr, "{} shard{}: indexing …\n", n, n == 1 ? "" : "s");
    std::vector<std::string> argv = {s.graf,     "index",           "--db",    db.string(),
                                     "--shards", std::to_string(n), "--quiet", "--progress",
                                     "never",    "--json"};
    argv.insert(argv.end(), s.inputs.begin(), s.inputs.end());
    const ChildRun indexed = run_step(argv);
    std::vector<Row> rows;
    Row local{n, "local", indexed.seconds, static_cast<double>(bytes_on_disk(db)) / 1e6, {}};
    fmt::print(stderr, "{} shard{}: querying locally …\n", n, n == 1 ? "" : "s");
    local.bench = bench(s, db);
    rows.push_back(local);
    if (!s.remote) return rows;

    fmt::print(stderr, "{} shard{}: querying through xapian-tcpsrv …\n", n, n == 1 ? "" : "s");
    std::vector<BackgroundProcess> servers;
    const fs::path stub = s.work / fmt::format("remote-{}.stub", n);
    std::ofstream lines(stub);
    int port = s.first_port;
    for (const fs::path& shard : databases_of(db)) {
        servers.emplace_back(std::vector<std::string>{
            s.tcpsrv, "--interface", "127.0.0.1", "--port", std::to_string(port), shard.string()});
        wait_for_port(port, 10);
        lines << "remote 127.0.0.1:" << port++ << "\n";
    }
    lines.close();
    Row remote{n, "remote", local.index_seconds, local.index_mb, bench(s, stub)};
    rows.push_back(remote);
    return rows;
}

void print_table(const std::vector<Row>& rows, const Settings& s) {
    std::vector<std::string> kinds;
    for (const auto& [kind, figures] : rows.front().bench["kinds"].items())
        if (kind != "all") kinds.push_back(kind);
    fmt::print(
        "\ngraf shards, local and over xapian-tcpsrv on loopback — queries {}, k={}, "
        "with snippets, min of {} runs; latency in µs\n\n",
        s.queries.filename().string(), s.k, s.runs);
    fmt::print("{:>6} {:<7} {:>8} {:>9}", "shards", "where", "index s", "index MB");
    for (const std::string& kind : kinds) fmt::print(" {:>9}", kind.substr(0, 6) + " p50");
    fmt::print(" {:>8} {:>8}\n", "all p50", "all p99");
    for (const Row& r : rows) {
        fmt::print("{:>6} {:<7} {:>8.2f} {:>9.1f}", r.shards, r.where, r.index_seconds, r.index_mb);
        const json& k = r.bench["kinds"];
        for (const std::string& kind : kinds)
            fmt::print(" {:>9.0f}", k.contains(kind) ? k[kind].value("p50_us", 0.0) : 0.0);
        fmt::print(" {:>8.0f} {:>8.0f}\n", k["all"].value("p50_us", 0.0),
                   k["all"].value("p99_us", 0.0));
    }
}

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options options("graf-bench-shards",
                             "Query latency with 1, 2, 4 shards, local and over xapian-tcpsrv.");
    // clang-format off
    options.add_options()
        ("queries", "`kind<TAB>query` lines", cxxopts::value<std::string>(), "FILE")
        ("work", "folder for the indexes", cxxopts::value<std::string>()->default_value("bench-out"), "DIR")
        ("shards", "shard counts to measure", cxxopts::value<std::vector<unsigned>>()->default_value("1,2,4"), "LIST")
        ("scale", "the corpus repeated this many times (fresh ids)", cxxopts::value<unsigned>()->default_value("1"), "K")
        ("runs", "timed passes", cxxopts::value<unsigned>()->default_value("5"), "N")
        ("k", "hits per search (also --k)", cxxopts::value<std::size_t>()->default_value("10"), "K")
        ("port", "first loopback port for the servers", cxxopts::value<int>()->default_value("17500"), "P")
        ("no-remote", "local shards only (no xapian-tcpsrv)")
        ("graf", "the graf binary", cxxopts::value<std::string>()->default_value(GRAF_BINARY), "PATH")
        ("tcpsrv", "Xapian's server", cxxopts::value<std::string>()->default_value("xapian-tcpsrv"), "PATH")
        ("json", "also write every figure as JSON to FILE", cxxopts::value<std::string>(), "FILE")
        ("corpus", "corpus folders or JSON Lines files", cxxopts::value<std::vector<std::string>>())
        ("h,help", "this help");
    // clang-format on
    options.parse_positional({"corpus"});
    options.positional_help("CORPUS...");
    try {
        BenchArgs bench_args(argc, argv);
        auto args = options.parse(bench_args.argc(), bench_args.argv());
        if (args.count("help")) {
            fmt::print("{}\n", options.help());
            return 0;
        }
        if (!args.count("corpus") || !args.count("queries")) {
            fmt::print(stderr,
                       "graf-bench-shards: give --queries FILE and at least one CORPUS (see "
                       "--help)\n");
            return 1;
        }
        Settings s;
        s.queries = args["queries"].as<std::string>();
        s.work = args["work"].as<std::string>();
        s.shard_counts = args["shards"].as<std::vector<unsigned>>();
        s.runs = args["runs"].as<unsigned>();
        s.k = args["k"].as<std::size_t>();
        s.first_port = args["port"].as<int>();
        s.remote = !args.count("no-remote");
        s.graf = args["graf"].as<std::string>();
        s.tcpsrv = args["tcpsrv"].as<std::string>();
        std::vector<fs::path> corpus;
        for (const auto& c : args["corpus"].as<std::vector<std::string>>()) {
            if (!fs::exists(c)) {
                fmt::print(stderr, "graf-bench-shards: {}: no such corpus\n", c);
                return 1;
            }
            corpus.emplace_back(c);
        }
        if (!fs::exists(s.queries)) {
            fmt::print(stderr, "graf-bench-shards: {}: no such query file\n", s.queries.string());
            return 1;
        }
        fs::create_directories(s.work);
        const unsigned scale = args["scale"].as<unsigned>();
        if (scale > 1) {
            const fs::path scaled = s.work / fmt::format("scaled-x{}.jsonl", scale);
            fmt::print(stderr, "writing the corpus ×{} to {}\n", scale, scaled.string());
            write_scaled_corpus(corpus, scale, scaled);
            s.inputs.push_back(scaled.string());
        } else {
            for (const fs::path& c : corpus) s.inputs.push_back(c.string());
        }
        std::vector<Row> rows;
        for (unsigned n : s.shard_counts) {
            if (n == 0) throw std::runtime_error("--shards values must be at least 1");
            for (Row& r : measure(s, n)) rows.push_back(std::move(r));
        }
        print_table(rows, s);
        if (args.count("json")) {
            json all = json::array();
            for (const Row& r : rows)
                all.push_back({{"shards", r.shards},
                               {"where", r.where},
                               {"index_seconds", r.index_seconds},
                               {"index_mb", r.index_mb},
                               {"bench", r.bench}});
            std::ofstream(args["json"].as<std::string>()) << all.dump(2) << '\n';
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "graf-bench-shards: {}\n", e.what());
        return 1;
    }
    return 0;
}
