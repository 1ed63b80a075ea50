// graf: paragraph-level search for news archives.
#include <xapian.h>

#include <cstring>
#include <string_view>

#include "app/cli.hpp"
#include "searcher/open_index.hpp"

namespace {

constexpr std::string_view kUsageText = R"(graf: search news archives by paragraph

usage: graf COMMAND [options]

commands:
  index        add articles (folders of .txt, JSON Lines) to an index
  search       ranked paragraphs for words, "phrases" or --name, with snippets
  names        the most-mentioned people and organisations
  timeline     matching articles per day, week, month or year, as a bar chart
  stats        what an index holds
  bench        time searches from a query file (latency per kind, QPS)
  compact      rewrite an index in compact form (smaller, faster to search)
  serve-shard  serve an index or shard to other machines (xapian-tcpsrv)
  serve        a web page and an HTTP JSON API for an index

Run `graf COMMAND --help` for a command's options. Exit codes: 0 ok, 1 usage or
query error, 2 nothing indexed / no index / a shard unreachable, 3 some inputs
skipped or some shards missing (--allow-partial), 4 index not writable, 130 interrupted.
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace graf::app;
    if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help") ||
        !std::strcmp(argv[1], "help")) {
        fmt::print("{}", kUsageText);
        return argc < 2 ? kUsage : kOk;
    }
    if (!std::strcmp(argv[1], "--version")) {
        fmt::print("graf 0.1.0 (Xapian {})\n", Xapian::version_string());
        return kOk;
    }
    std::string_view command = argv[1];
    try {
        if (command == "index") return run_index(argc - 1, argv + 1);
        if (command == "search") return run_search(argc - 1, argv + 1);
        if (command == "names") return run_names(argc - 1, argv + 1);
        if (command == "stats") return run_stats(argc - 1, argv + 1);
        if (command == "bench") return run_bench(argc - 1, argv + 1);
        if (command == "compact") return run_compact(argc - 1, argv + 1);
        if (command == "serve-shard") return run_serve_shard(argc - 1, argv + 1);
        if (command == "serve") return run_web(argc - 1, argv + 1);
        if (command == "timeline") return run_timeline(argc - 1, argv + 1);
    } catch (const cxxopts::exceptions::exception& e) {
        error("{} (see `graf {} --help`)", e.what(), command);
        return kUsage;
    } catch (const graf::searcher::ShardUnreachable& e) {
        error("{}", e.what());
        return kNothing;
    } catch (const Xapian::NetworkError& e) {
        // A stub's `remote` shard is down or unreachable (see README, Indexing).
        error(
            "a remote shard cannot be reached: {}; start its xapian-tcpsrv or remove its line "
            "from the index's XAPIANDB stub",
            e.get_description());
        return kNothing;
    } catch (const Xapian::Error& e) {
        error("index error: {}", e.get_description());
        return kIndexUnwritable;
    }
    error(
        "unknown command '{}' (commands: index, search, names, timeline, stats, bench, compact, "
        "serve, serve-shard)",
        command);
    return kUsage;
}
