// graf-eval-compare: ranking quality of graf, SQLite FTS5 and Xapian's stock
// stack on every judged collection of a folder (../shared/corpus/judged):
// each engine indexes the collection's corpus and runs its queries, each
// measured by eval/ (`graf eval` and the peers' `eval`), and one table shows
// collection x engine x MAP / nDCG@10 / P@10 / R@100 with graf's ratio to
// the best baseline. `make eval` runs it; README.md "Ranking" explains it.
#include <fmt/format.h>

#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "benchmarks/driver/child_process.hpp"
#include "benchmarks/eval/collections.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using graf::bench::Collection;

namespace {

struct Engine {
    std::string name, binary;
    std::string reads;              ///< another engine's index it evaluates; empty: its own
    std::vector<std::string> args;  ///< added to its `eval`
};

// graf's rows (graf, graf+x) are measured against the best of the others.
bool is_graf(const std::string& engine) {
    return engine.rfind("graf", 0) == 0;
}

struct Settings {
    fs::path judged, work;
    std::vector<Engine> engines;  ///< graf's rows first, then the baselines
    std::set<std::string> only;   ///< empty: every collection
};

constexpr const char* kMeasures[] = {"map", "ndcg_10", "p_10", "r_100"};

// One engine's index of a corpus, inside the folder of the first collection
// that uses it (reuters-topics and reuters-people share Reuters).
fs::path index_path(const fs::path& folder, const std::string& engine) {
    return folder / (engine == "fts5" ? "fts5.db" : engine);
}

// From scratch: graf would update an index left by an earlier run only where
// an article's text changed, keeping what older analysis code wrote.
void build_index(const Engine& e, const fs::path& corpus, const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove_all(db.string() + suffix);
    std::vector<std::string> argv = {e.binary, "index", "--db", db.string(), "--json"};
    if (e.name == "graf") argv.insert(argv.end(), {"--quiet", "--progress", "never"});
    if (e.name == "fts5") argv.push_back("--articles");
    argv.push_back(corpus.string());
    graf::bench::run_step(argv);
}

json evaluate(const Engine& e, const Collection& c, const fs::path& db, const fs::path& run) {
    std::vector<std::string> argv = {
        e.binary,  "eval",           "--db",  db.string(),  "--queries", c.queries.string(),
        "--qrels", c.qrels.string(), "--run", run.string(), "--json"};
    if (is_graf(e.name) && c.names) argv.push_back("--name-queries");
    argv.insert(argv.end(), e.args.begin(), e.args.end());
    return graf::bench::json_summary(graf::bench::run_step(argv), e.name + " eval");
}

std::string cell(const json& j, const char* key) {
    return j.contains(key) ? fmt::format("{:.4f}", j[key].get<double>()) : "-";
}

// One of graf's rows / the best baseline, per measure.
json ratios(const json& engines, const std::string& engine) {
    json r = json::object();
    if (!engines.contains(engine)) return r;
    const json& graf = engines[engine];
    for (const char* m : kMeasures) {
        if (!graf.contains(m)) continue;  // graf's step failed
        double best = 0;
        for (const auto& [name, figures] : engines.items())
            if (!is_graf(name) && figures.contains(m))
                best = std::max(best, figures[m].get<double>());
        if (best > 0) r[m] = graf[m].get<double>() / best;
    }
    return r;
}

void print_ratio(const char* label, const json& ratio) {
    if (ratio.empty()) return;
    auto two = [&](const char* m) {
        return ratio.contains(m) ? fmt::format("{:.2f}", ratio[m].get<double>()) : "-";
    };
    fmt::print("{:<16} {:<8} {:>7} {:>8} {:>8} {:>8} {:>8}\n", "", label, "", two("map"),
               two("ndcg_10"), two("p_10"), two("r_100"));
}

void print_collection(const json& c) {
    bool first = true;
    for (const auto& [engine, j] : c["engines"].items()) {
        fmt::print("{:<16} {:<8} {:>7} {:>8} {:>8} {:>8} {:>8}\n",
                   first ? c["collection"].get<std::string>() : "", engine,
                   j.contains("queries") ? std::to_string(j["queries"].get<int>()) : "failed",
                   cell(j, "map"), cell(j, "ndcg_10"), cell(j, "p_10"), cell(j, "r_100"));
        first = false;
    }
    print_ratio("ratio", c["ratio"]);
    print_ratio("ratio+x", c["ratio_expand"]);
}

// Indexes (or reuses) and evaluates one collection with every engine; a
// failing step is reported and leaves that engine's row "failed".
json run_collection(const Settings& s, const Collection& c, std::map<fs::path, fs::path>& indexed,
                    bool& failed) {
    const fs::path folder = s.work / c.name;
    fs::create_directories(folder);
    const bool reuse = indexed.count(c.corpus) > 0;
    const fs::path index_folder = reuse ? indexed[c.corpus] : folder;
    json engines = json::object();
    for (const Engine& e : s.engines) {
        const fs::path db = index_path(index_folder, e.reads.empty() ? e.name : e.reads);
        try {
            if (!reuse && e.reads.empty()) {
                fmt::print(stderr, "{}: indexing {} with {} …\n", c.name, c.corpus.string(),
                           e.name);
                build_index(e, c.corpus, db);
            }
            fmt::print(stderr, "{}: evaluating {} …\n", c.name, e.name);
            engines[e.name] = evaluate(e, c, db, folder / (e.name + ".run"));
        } catch (const std::exception& ex) {
            fmt::print(stderr, "{}: {} failed: {}\n", c.name, e.name, ex.what());
            engines[e.name] = json::object({{"error", ex.what()}});
            failed = true;
        }
    }
    indexed.emplace(c.corpus, index_folder);
    return engines;
}

int run(const Settings& s, const fs::path& json_out) {
    std::vector<graf::bench::Skipped> skipped;
    std::vector<Collection> collections = graf::bench::find_collections(s.judged, skipped);
    for (const graf::bench::Skipped& k : skipped)
        fmt::print(stderr, "{}: skipped: {}\n", k.name, k.reason);
    fs::create_directories(s.work);
    std::map<fs::path, fs::path> indexed;  // corpus -> the folder holding its indexes
    json all = json::array();
    bool failed = false;
    for (const Collection& c : collections) {
        if (!s.only.empty() && !s.only.count(c.name)) continue;
        json engines = run_collection(s, c, indexed, failed);
        all.push_back({{"collection", c.name},
                       {"corpus", c.corpus.string()},
                       {"name_queries", c.names},
                       {"engines", engines},
                       {"ratio", ratios(engines, "graf")},
                       {"ratio_expand", ratios(engines, "graf+x")}});
    }
    fmt::print(
        "\nRanking on {}: the top 1,000 articles per query, measured as trec_eval does;\n"
        "ratio = graf / the best baseline (fts5: SQLite FTS5 bm25(), words OR-ed; xapian: "
        "QueryParser + BM25Weight);\n"
        "graf+x, ratio+x: graf eval --expand (every free-word query widened by feedback)\n\n",
        s.judged.string());
    fmt::print("{:<16} {:<8} {:>7} {:>8} {:>8} {:>8} {:>8}\n", "collection", "engine", "queries",
               "MAP", "nDCG@10", "P@10", "R@100");
    for (const json& c : all) print_collection(c);
    json skipped_json = json::array();
    for (const graf::bench::Skipped& k : skipped)
        skipped_json.push_back({{"collection", k.name}, {"reason", k.reason}});
    if (!json_out.empty())
        std::ofstream(json_out) << json({{"collections", all}, {"skipped", skipped_json}}).dump(2)
                                << '\n';
    return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    cxxopts::Options options("graf-eval-compare",
                             "graf, SQLite FTS5 and Xapian's stock ranking on judged collections.");
    // clang-format off
    options.add_options()
        ("judged", "folder of judged collections", cxxopts::value<std::string>()->default_value("../shared/corpus/judged"), "DIR")
        ("work", "folder for the indexes and run files", cxxopts::value<std::string>()->default_value("bench-out/eval"), "DIR")
        ("collections", "only these collections (comma-separated names)", cxxopts::value<std::vector<std::string>>(), "LIST")
        ("json", "also write every figure as JSON to FILE", cxxopts::value<std::string>(), "FILE")
        ("graf", "the graf binary", cxxopts::value<std::string>()->default_value(GRAF_BINARY), "PATH")
        ("fts5", "the FTS5 peer binary", cxxopts::value<std::string>()->default_value(FTS5_BINARY), "PATH")
        ("xapian", "the Xapian peer binary", cxxopts::value<std::string>()->default_value(XAPIAN_BINARY), "PATH")
        ("h,help", "this help");
    // clang-format on
    try {
        auto args = options.parse(argc, argv);
        if (args.count("help")) {
            fmt::print("{}\n", options.help());
            return 0;
        }
        Settings s;
        s.judged = args["judged"].as<std::string>();
        s.work = args["work"].as<std::string>();
        const std::string graf = args["graf"].as<std::string>();
        s.engines = {{"graf", graf, "", {}},
                     {"graf+x", graf, "graf", {"--expand"}},
                     {"fts5", args["fts5"].as<std::string>(), "", {}},
                     {"xapian", args["xapian"].as<std::string>(), "", {}}};
        if (args.count("collections"))
            for (const auto& c : args["collections"].as<std::vector<std::string>>())
                s.only.insert(c);
        if (!fs::is_directory(s.judged)) {
            fmt::print(stderr, "graf-eval-compare: {}: no such folder of judged collections\n",
                       s.judged.string());
            return 1;
        }
        return run(s, args.count("json") ? fs::path(args["json"].as<std::string>()) : fs::path());
    } catch (const std::exception& e) {
        fmt::print(stderr, "graf-eval-compare: {}\n", e.what());
        return 1;
    }
}
