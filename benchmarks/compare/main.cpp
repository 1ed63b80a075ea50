// graf-bench-compare: builds a graf index and an SQLite FTS5 index from the
// same corpus, runs the same queries on both with the same method, and prints
// one side-by-side table (latency per kind with the ratio graf/FTS5, indexing
// throughput, peak memory, index size), optionally at several corpus scales.
// `make bench CORPUS=… QUERIES=…` runs it; benchmarks/README.md explains it.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "bench/args.hpp"
#include "benchmarks/driver/child_process.hpp"
#include "benchmarks/driver/scaled_corpus.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using graf::bench::bytes_on_disk;
using graf::bench::ChildRun;
using graf::bench::json_summary;
using graf::bench::run_step;

namespace {

struct Settings {
    std::vector<fs::path> corpus;
    fs::path queries, work;
    std::string graf, peer;
    std::vector<unsigned> scales;
    unsigned runs = 5, threads = 1, rounds = 3;
    std::uint64_t seed = 42;
    std::size_t k = 10;
    bool snippets = true;
};

struct IndexRun {
    std::string label;
    ChildRun run;
    json summary;
    double index_mb = 0;
};

IndexRun index_graf(const Settings& s, const std::vector<std::string>& inputs, const fs::path& db,
                    unsigned threads, unsigned shards = 0) {
    fs::remove_all(db);
    std::vector<std::string> argv = {s.graf,      "index",
                                     "--db",      db.string(),
                                     "--threads", std::to_string(threads),
                                     "--shards",  std::to_string(shards),
                                     "--quiet",   "--progress",
                                     "never",     "--json"};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    // No --shards (0): graf's default, a parallel build merged into one
    // database when threads > 1.
    std::string label = fmt::format("graf, {} thread{}", threads, threads == 1 ? "" : "s");
    if (shards > 1) label = fmt::format("graf, {} shards", shards);
    IndexRun r{label, run_step(argv), {}, 0};
    r.summary = json_summary(r.run, "graf index");
    r.index_mb = static_cast<double>(bytes_on_disk(db)) / 1e6;
    return r;
}

IndexRun index_fts5(const Settings& s, const std::vector<std::string>& inputs, const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    std::vector<std::string> argv = {s.peer, "index", "--db", db.string(), "--json"};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    IndexRun r{"fts5, 1 thread", run_step(argv), {}, 0};
    r.summary = json_summary(r.run, "graf-fts5-peer index");
    r.index_mb = static_cast<double>(bytes_on_disk(db) + bytes_on_disk(db.string() + "-wal")) / 1e6;
    return r;
}

json bench(const Settings& s, const std::string& binary, const fs::path& db) {
    std::vector<std::string> argv = {binary,      "bench",
                                     "--db",      db.string(),
                                     "--queries", s.queries.string(),
                                     "--runs",    std::to_string(s.runs),
                                     "--seed",    std::to_string(s.seed),
                                     "-k",        std::to_string(s.k),
                                     "--json"};
    if (!s.snippets) argv.push_back("--no-snippets");
    return json_summary(run_step(argv), binary + " bench");
}

// Folds one bench report into the best so far: per kind, each latency figure
// is the lowest seen and QPS the highest.
void keep_best(json& best, const json& report) {
    if (best.is_null()) {
        best = report;
        return;
    }
    for (const auto& [kind, figures] : report["kinds"].items()) {
        json& b = best["kinds"][kind];
        for (const auto& [key, value] : figures.items()) {
            if (!value.is_number() || !b.contains(key)) continue;
            const bool latency = key.size() > 3 && key.compare(key.size() - 3, 3, "_us") == 0;
            if (latency && value.get<double>() < b[key].get<double>()) b[key] = value;
            if (key == "qps" && value.get<double>() > b[key].get<double>()) b[key] = value;
        }
    }
}

std::string ratio(double a, double b) {
    return b > 0 ? fmt::format("{:.2f}", a / b) : "-";
}

json compare_at_scale(const Settings& s, unsigned scale) {
    std::vector<std::string> inputs;
    std::string corpus_label;
    for (const fs::path& c : s.corpus)
        corpus_label += (corpus_label.empty() ? "" : " ") + c.filename().string();
    if (scale == 1) {
        for (const fs::path& c : s.corpus) inputs.push_back(c.string());
    } else {
        fs::path scaled = s.work / fmt::format("scaled-x{}.jsonl", scale);
        fmt::print(stderr, "writing the corpus ×{} to {}\n", scale, scaled.string());
        graf::bench::write_scaled_corpus(s.corpus, scale, scaled);
        inputs.push_back(scaled.string());
    }

    std::vector<IndexRun> runs;
    fmt::print(stderr, "×{}: indexing with graf ({} thread{}) …\n", scale, s.threads,
               s.threads == 1 ? "" : "s");
    const fs::path graf_db = s.work / fmt::format("graf-x{}", scale);
    runs.push_back(index_graf(s, inputs, graf_db, s.threads));
    const double searched_mb = runs.back().index_mb;
    if (s.threads != 1 && scale == 1) {
        fmt::print(stderr, "×{}: indexing with graf (1 thread) …\n", scale);
        runs.insert(runs.begin(), index_graf(s, inputs, s.work / "graf-x1-one-thread", 1));
        fs::remove_all(s.work / "graf-x1-one-thread");
    }
    if (s.threads != 1) {
        // One database has one writer; shards are how graf writes on every core.
        fmt::print(stderr, "×{}: indexing with graf ({} shards) …\n", scale, s.threads);
        const fs::path sharded = s.work / fmt::format("graf-x{}-shards", scale);
        runs.push_back(index_graf(s, inputs, sharded, s.threads, s.threads));
        fs::remove_all(sharded);
    }
    fmt::print(stderr, "×{}: indexing with SQLite FTS5 …\n", scale);
    const fs::path fts5_db = s.work / fmt::format("fts5-x{}.db", scale);
    runs.push_back(index_fts5(s, inputs, fts5_db));

    // Rounds alternate the engines, so a slow spell of a shared machine hits
    // both; each figure is the best round's.
    json graf, fts5;
    for (unsigned round = 1; round <= s.rounds; ++round) {
        fmt::print(stderr, "×{}: querying graf, round {} of {} …\n", scale, round, s.rounds);
        keep_best(graf, bench(s, s.graf, graf_db));
        fmt::print(stderr, "×{}: querying SQLite FTS5, round {} of {} …\n", scale, round, s.rounds);
        keep_best(fts5, bench(s, s.peer, fts5_db));
    }

    const json& first = runs.front().summary;
    const double mb = static_cast<double>(first.value("bytes", 0ull)) / 1e6;
    fmt::print("\ngraf vs SQLite FTS5 — {} ×{}: {} paragraphs, {:.1f} MB\n", corpus_label, scale,
               first.value("paragraphs", 0ull), mb);
    fmt::print(
        "queries {}: k={}, {}, min of {} runs (seed {}), best of {} alternating rounds; latency "
        "in µs; ratio = graf / FTS5\n\n",
        s.queries.filename().string(), s.k, s.snippets ? "with snippets" : "no snippets", s.runs,
        s.seed, s.rounds);
    fmt::print("{:<9} {:>4}  {:>9} {:>9} {:>6}  {:>9} {:>9} {:>6}  {:>9} {:>9} {:>6}\n", "kind",
               "n", "graf p50", "fts5 p50", "ratio", "graf p99", "fts5 p99", "ratio", "graf mean",
               "fts5 mean", "ratio");
    json kinds = json::object();
    for (const auto& [kind, g] : graf["kinds"].items()) {
        if (!fts5["kinds"].contains(kind)) continue;
        const json& f = fts5["kinds"][kind];
        auto v = [](const json& j, const char* key) { return j.value(key, 0.0); };
        fmt::print(
            "{:<9} {:>4}  {:>9.0f} {:>9.0f} {:>6}  {:>9.0f} {:>9.0f} {:>6}  {:>9.0f} {:>9.0f} "
            "{:>6}\n",
            kind, g.value("queries", 0), v(g, "p50_us"), v(f, "p50_us"),
            ratio(v(g, "p50_us"), v(f, "p50_us")), v(g, "p99_us"), v(f, "p99_us"),
            ratio(v(g, "p99_us"), v(f, "p99_us")), v(g, "mean_us"), v(f, "mean_us"),
            ratio(v(g, "mean_us"), v(f, "mean_us")));
        kinds[kind] = {{"p50_ratio", v(f, "p50_us") > 0 ? v(g, "p50_us") / v(f, "p50_us") : 0.0},
                       {"p99_ratio", v(f, "p99_us") > 0 ? v(g, "p99_us") / v(f, "p99_us") : 0.0}};
    }

    fmt::print("\n{:<18} {:>9} {:>8} {:>13} {:>12} {:>10}\n", "indexing", "seconds", "MB/s",
               "paragraphs/s", "peak RSS MB", "index MB");
    json indexing = json::array();
    for (const IndexRun& r : runs) {
        const double paragraphs = r.summary.value("paragraphs", 0.0);
        const double bytes = r.summary.value("bytes", 0.0);
        // Wall time of the whole process, start to exit, as a user sees it.
        fmt::print("{:<18} {:>9.2f} {:>8.1f} {:>13.0f} {:>12.1f} {:>10.1f}\n", r.label,
                   r.run.seconds, bytes / 1e6 / r.run.seconds, paragraphs / r.run.seconds,
                   r.run.peak_rss_mb, r.index_mb);
        indexing.push_back({{"engine", r.label},
                            {"seconds", r.run.seconds},
                            {"mb_per_s", bytes / 1e6 / r.run.seconds},
                            {"paragraphs_per_s", paragraphs / r.run.seconds},
                            {"peak_rss_mb", r.run.peak_rss_mb},
                            {"index_mb", r.index_mb}});
    }
    const IndexRun& f = runs.back();
    // graf's default layout (one database) against FTS5: the index searched
    // above, and indexing by its fastest way there.
    const IndexRun& g_all = *std::min_element(
        runs.begin(), runs.end() - 1,
        [](const IndexRun& a, const IndexRun& b) { return a.run.seconds < b.run.seconds; });
    fmt::print("graf / FTS5: indexing time {} ({}), index size {}\n",
               ratio(g_all.run.seconds, f.run.seconds), g_all.label,
               ratio(searched_mb, f.index_mb));
    return {{"scale", scale}, {"corpus", corpus_label}, {"graf", graf},
            {"fts5", fts5},   {"ratios", kinds},        {"indexing", indexing}};
}

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options options(
        "graf-bench-compare",
        "graf and SQLite FTS5 on the same corpus and queries: one side-by-side table.");
    // clang-format off
    options.add_options()
        ("queries", "`kind<TAB>query` lines", cxxopts::value<std::string>(), "FILE")
        ("work", "folder for the indexes (and scaled corpora)", cxxopts::value<std::string>()->default_value("bench-out"), "DIR")
        ("scale", "corpus sizes to measure, e.g. 1,4,16 (copies of the corpus with fresh ids)",
         cxxopts::value<std::vector<unsigned>>()->default_value("1"), "LIST")
        ("threads", "graf indexing threads for the all-cores row (default: one per core)",
         cxxopts::value<unsigned>()->default_value("0"), "N")
        ("runs", "timed passes", cxxopts::value<unsigned>()->default_value("5"), "N")
        ("rounds", "bench both engines this many times, alternating; keep each figure's best", cxxopts::value<unsigned>()->default_value("3"), "N")
        ("seed", "query order shuffle seed", cxxopts::value<std::uint64_t>()->default_value("42"), "S")
        ("k", "hits per search (also --k)", cxxopts::value<std::size_t>()->default_value("10"), "K")
        ("no-snippets", "time ranking alone")
        ("graf", "the graf binary", cxxopts::value<std::string>()->default_value(GRAF_BINARY), "PATH")
        ("peer", "the FTS5 peer binary", cxxopts::value<std::string>()->default_value(PEER_BINARY), "PATH")
        ("json", "also write every figure as JSON to FILE", cxxopts::value<std::string>(), "FILE")
        ("corpus", "corpus folders or JSON Lines files", cxxopts::value<std::vector<std::string>>())
        ("h,help", "this help");
    // clang-format on
    options.parse_positional({"corpus"});
    options.positional_help("CORPUS...");
    try {
        graf::bench::BenchArgs bench_args(argc, argv);
        auto args = options.parse(bench_args.argc(), bench_args.argv());
        if (args.count("help")) {
            fmt::print("{}\n", options.help());
            return 0;
        }
        if (!args.count("corpus") || !args.count("queries")) {
            fmt::print(
                stderr,
                "graf-bench-compare: give --queries FILE and at least one CORPUS (see --help)\n");
            return 1;
        }
        Settings s;
        for (const auto& c : args["corpus"].as<std::vector<std::string>>())
            s.corpus.emplace_back(c);
        s.queries = args["queries"].as<std::string>();
        s.work = args["work"].as<std::string>();
        s.scales = args["scale"].as<std::vector<unsigned>>();
        s.threads = args["threads"].as<unsigned>();
        if (s.threads == 0) s.threads = std::max(1u, std::thread::hardware_concurrency());
        s.runs = args["runs"].as<unsigned>();
        s.rounds = std::max(1u, args["rounds"].as<unsigned>());
        s.seed = args["seed"].as<std::uint64_t>();
        s.k = args["k"].as<std::size_t>();
        s.snippets = !args.count("no-snippets");
        s.graf = args["graf"].as<std::string>();
        s.peer = args["peer"].as<std::string>();
        for (const fs::path& c : s.corpus)
            if (!fs::exists(c)) {
                fmt::print(stderr, "graf-bench-compare: {}: no such corpus\n", c.string());
                return 1;
            }
        if (!fs::exists(s.queries)) {
            fmt::print(stderr, "graf-bench-compare: {}: no such query file\n", s.queries.string());
            return 1;
        }
        fs::create_directories(s.work);
        json all = json::array();
        for (unsigned scale : s.scales) {
            if (scale == 0) throw std::runtime_error("--scale values must be at least 1");
            all.push_back(compare_at_scale(s, scale));
        }
        if (args.count("json")) {
            std::ofstream(args["json"].as<std::string>()) << all.dump(2) << '\n';
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "graf-bench-compare: {}\n", e.what());
        return 1;
    }
    return 0;
}
