// graf: paragraph-level search for news archives.
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "app/cli.hpp"
#include "app/cmd_bench.hpp"
#include "app/cmd_compact.hpp"
#include "app/cmd_eval.hpp"
#include "app/cmd_facets.hpp"
#include "app/cmd_index.hpp"
#include "app/cmd_info.hpp"
#include "app/cmd_names.hpp"
#include "app/cmd_quotes.hpp"
#include "app/cmd_search.hpp"
#include "app/cmd_serve.hpp"
#include "app/cmd_show.hpp"
#include "app/cmd_timeline.hpp"
#include "app/cmd_web.hpp"
#include "app/errors.hpp"

namespace {

using namespace graf;
using namespace graf::app;

// Parses a command's settings from its parsed options and runs them.
template <typename Settings, Settings (*Parse)(const cxxopts::ParseResult&),
          int (*Run)(const Settings&)>
int parse_and_run(const cxxopts::ParseResult& args) {
    return Run(Parse(args));
}

// Every subcommand, once: the usage text, the dispatch, `graf help COMMAND`
// and the message for an unknown command all read this table.
struct Command {
    std::string_view name;
    cxxopts::Options (*options)();  ///< its option table (--help prints it)
    int (*run)(const cxxopts::ParseResult& args);
    std::string_view summary;
};

constexpr Command kCommands[] = {
    {"index", index_options, parse_and_run<IndexingSettings, index_settings_of, run_index>,
     "add articles (.txt, .md, .html, JSON Lines, CSV, stdin) to an index"},
    {"search", search_options, parse_and_run<SearchSettings, search_settings, run_search>,
     "ranked paragraphs for words, \"phrases\" or --name, with snippets"},
    {"show", show_options, parse_and_run<ShowSettings, show_settings, run_show>,
     "one article whole, its paragraphs numbered (ids as search prints them)"},
    {"quotes", quotes_options, parse_and_run<QuotesSettings, quotes_settings, run_quotes>,
     "quotations and their speakers: --name \"Elon Musk\", words inside quotes"},
    {"names", names_options, parse_and_run<NamesSettings, names_settings, run_names>,
     "the most-mentioned people and organisations"},
    {"timeline", timeline_options, parse_and_run<TimelineSettings, timeline_settings, run_timeline>,
     "matching articles per day, week, month or year, as a bar chart"},
    {"facets", facets_options, parse_and_run<FacetsSettings, facets_settings, run_facets>,
     "the sources, names and date range of a query's matches"},
    {"stats", stats_options, parse_and_run<StatsSettings, stats_settings, run_stats>,
     "what an index holds"},
    {"bench", bench_options, parse_and_run<BenchSettings, bench_settings, run_bench>,
     "time searches from a query file (latency per kind, QPS)"},
    {"eval", eval_options, parse_and_run<EvalSettings, eval_settings, run_eval>,
     "ranking quality on judged queries (MAP, nDCG@10, P@10, R@100)"},
    {"compact", compact_options, parse_and_run<CompactSettings, compact_settings, run_compact>,
     "rewrite an index in compact form (smaller, faster to search)"},
    {"serve-shard", serve_shard_options,
     parse_and_run<ServeShardSettings, serve_shard_settings, run_serve_shard>,
     "serve an index or shard to other machines (xapian-tcpsrv)"},
    {"serve", serve_options, parse_and_run<ServeSettings, serve_settings, run_web>,
     "a web page and an HTTP JSON API for an index"},
};

std::string usage_text() {
    std::string text =
        "graf: search news archives by paragraph\n\nusage: graf COMMAND [options]\n\ncommands:\n";
    for (const Command& c : kCommands) text += fmt::format("  {:<12} {}\n", c.name, c.summary);
    text += R"(
Run `graf help COMMAND` (or `graf COMMAND --help`) for a command's options.
Exit codes: 0 ok, 1 usage or query error, 2 nothing indexed / no usable index /
a shard unreachable, 3 some inputs skipped or some shards missing
(--allow-partial), 4 index not writable (index, compact), 130 interrupted.
)";
    return text;
}

std::string command_names() {
    std::string names;
    for (const Command& c : kCommands)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", c.name);
    return names;
}

// Parses the command's options (--help prints them) and runs it; every
// error it meets becomes its message and exit code in report_error.
int dispatch(const Command& command, const Args& args) {
    try {
        cxxopts::Options options = command.options();
        const cxxopts::ParseResult parsed = parse_args(options, args);
        if (parsed.count("help")) {
            fmt::print("{}", options.help());
            return kOk;
        }
        return command.run(parsed);
    } catch (...) {
        return report_error(command.name);
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
        return dispatch(*command, {"--help"});
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
        return dispatch(*command, Args(argv + 2, argv + argc));
    return unknown_command(argv[1]);
}
