#pragma once
// What every graf subcommand shares: exit codes, option groups, messages.
#include <fmt/format.h>
#include <cxxopts.hpp>

#include <functional>
#include <string>
#include <vector>

#include "searcher/open_index.hpp"

namespace graf::app {

/// Exit codes, documented in README.md.
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,            ///< bad option, malformed query, missing CORPUS path
    kNothing = 2,          ///< index: nothing could be indexed; others: no usable index
    kPartial = 3,          ///< index: some inputs skipped; search: some shards did not answer
    kIndexUnwritable = 4,  ///< index: locked by another run, read-only, disk full
    kInterrupted = 130,    ///< Ctrl-C / SIGTERM: what was committed stays
};

/// --db, shared by every command that opens an index; with `remote_shards`
/// (commands that read one, which may list remote shards) also
/// --connect-timeout.
void add_db_option(cxxopts::Options& options, bool remote_shards = true);
/// The --db given as an absolute path without trailing slashes: graf puts
/// work folders beside the index (`DB.creating`, `DB.compacting`), which
/// "DB/" or "." would put inside it. Applies --connect-timeout when given
/// (throws cxxopts' exception, naming it, for a bad value).
std::string db_option(const cxxopts::ParseResult& args);
/// --allow-partial, for commands that read a sharded index.
void add_partial_option(cxxopts::Options& options);
/// One warning line per shard left out; returns kPartial if any, else kOk.
int warn_missing_shards(const std::vector<searcher::MissingShard>& missing,
                        std::size_t shards_answered);
/// One warning line per shard written with another index schema.
void warn_stale_shards(const std::vector<searcher::StaleShard>& stale);
/// --json, for machine-readable output.
void add_json_option(cxxopts::Options& options);
/// --help.
void add_help_option(cxxopts::Options& options);

/// The long option of `options` nearest to `typed` (a few edits, or a
/// prefix), or empty: for "did you mean".
std::string closest_option(const cxxopts::Options& options, const std::string& typed);

/// Parses; prints help and returns false when --help was given. An unknown
/// option is an error suggesting the nearest one.
bool parse_or_help(cxxopts::Options& options, int argc, char** argv, cxxopts::ParseResult& out);

/// One line on stderr: "graf: <message>".
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
    fmt::print(stderr, "graf: {}\n", fmt::format(f, std::forward<Args>(args)...));
}

/// Whether to colour stdout for --color auto|always|never.
bool use_color(const std::string& mode);

/// What a searching command (search, quotes, timeline, facets) was asked:
/// the positional words joined by one space, --name, --since, --until.
struct QueryArgs {
    std::string query, name, since, until;
};
QueryArgs query_args(const cxxopts::ParseResult& args);

/// Runs `work` and returns its status, mapping the errors every searching
/// command can meet to their exit codes (README, Exit codes): a malformed
/// query or a runaway wildcard is a usage error, a missing index is "nothing".
int with_query_errors(const std::function<int()>& work);

int run_index(int argc, char** argv);
int run_search(int argc, char** argv);
int run_names(int argc, char** argv);
int run_stats(int argc, char** argv);
int run_bench(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_compact(int argc, char** argv);
int run_serve_shard(int argc, char** argv);
int run_show(int argc, char** argv);
int run_quotes(int argc, char** argv);
int run_web(int argc, char** argv);
int run_timeline(int argc, char** argv);
int run_facets(int argc, char** argv);

}  // namespace graf::app
