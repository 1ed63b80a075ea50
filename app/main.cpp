// graf: paragraph-level search for news archives.
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "app/cli.hpp"
#include "searcher/open_index.hpp"

namespace {

using namespace graf::app;

// Every subcommand, once: the usage text, the dispatch and the message for
// an unknown command all read this table.
struct Command {
    std::string_view name;
    int (*run)(int argc, char** argv);
    std::string_view summary;
};

constexpr Command kCommands[] = {
    {"index", run_index, "add articles (.txt, .md, .html, JSON Lines, CSV, stdin) to an index"},
    {"search", run_search, "ranked paragraphs for words, \"phrases\" or --name, with snippets"},
    {"show", run_show, "one article whole, its paragraphs numbered (ids as search prints them)"},
    {"quotes", run_quotes, "quotations and their speakers: --name \"Elon Musk\", words inside quotes"},
    {"names", run_names, "the most-mentioned people and organisations"},
    {"timeline", run_timeline, "matching articles per day, week, month or year, as a bar chart"},
    {"facets", run_facets, "the sources, names and date range of a query's matches"},
    {"stats", run_stats, "what an index holds"},
    {"bench", run_bench, "time searches from a query file (latency per kind, QPS)"},
    {"eval", run_eval, "ranking quality on judged queries (MAP, nDCG@10, P@10, R@100)"},
    {"compact", run_compact, "rewrite an index in compact form (smaller, faster to search)"},
    {"serve-shard", run_serve_shard, "serve an index or shard to other machines (xapian-tcpsrv)"},
    {"serve", run_web, "a web page and an HTTP JSON API for an index"},
};

std::string usage_text() {
    std::string text =
        "graf: search news archives by paragraph\n\nusage: graf COMMAND [options]\n\ncommands:\n";
    for (const Command& c : kCommands) text += fmt::format("  {:<12} {}\n", c.name, c.summary);
    text += R"(
Run `graf help COMMAND` (or `graf COMMAND --help`) for a command's options.
Exit codes: 0 ok, 1 usage or query error, 2 nothing indexed / no index / a shard
unreachable, 3 some inputs skipped or some shards missing (--allow-partial),
4 index not writable, 130 interrupted.
)";
    return text;
}

std::string command_names() {
    std::string names;
    for (const Command& c : kCommands)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", c.name);
    return names;
}

// Runs the command, mapping the errors every command may meet to exit codes.
int dispatch(const Command& command, int argc, char** argv) {
    try {
        return command.run(argc, argv);
    } catch (const cxxopts::exceptions::exception& e) {
        error("{} (see `graf {} --help`)", e.what(), command.name);
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
}

const Command* find_command(std::string_view name) {
    const auto* command = std::find_if(std::begin(kCommands), std::end(kCommands),
                                       [&](const Command& c) { return c.name == name; });
    return command != std::end(kCommands) ? command : nullptr;
}

int unknown_command(std::string_view name) {
    error("unknown command '{}' (commands: {})", name, command_names());
    return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && !std::strcmp(argv[1], "help")) {  // graf help search = graf search --help
        const Command* command = find_command(argv[2]);
        if (!command) return unknown_command(argv[2]);
        char help[] = "--help";
        char* args[] = {argv[2], help, nullptr};
        return dispatch(*command, 2, args);
    }
    if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help") ||
        !std::strcmp(argv[1], "help")) {
        fmt::print("{}", usage_text());
        return argc < 2 ? kUsage : kOk;
    }
    if (!std::strcmp(argv[1], "--version")) {
        fmt::print("graf 0.1.0 (Xapian {})\n", Xapian::version_string());
        return kOk;
    }
    if (const Command* command = find_command(argv[1]))
        return dispatch(*command, argc - 1, argv + 1);
    return unknown_command(argv[1]);
}
