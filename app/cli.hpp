#pragma once
// What every graf subcommand shares: its arguments, option groups and the
// settings they give, messages. Exit codes: error/error.hpp.
#include <fmt/format.h>
#include <cxxopts.hpp>

#include <optional>
#include <string>
#include <vector>

#include "error/error.hpp"
#include "searcher/open_index.hpp"

namespace graf::app {

/// A command's arguments after its name: `graf search --limit 5 oil` gives
/// {"--limit", "5", "oil"}.
using Args = std::vector<std::string>;

/// Parses `args` with `options`. An unknown option is a cxxopts exception
/// suggesting the nearest one.
cxxopts::ParseResult parse_args(cxxopts::Options& options, const Args& args);

/// A command's settings from its arguments, as `graf COMMAND ARGS` reads
/// them: `options` is the command's option table, `settings` checks the
/// values (throwing UsageError or cxxopts' exception, naming the option).
template <typename Settings>
Settings parse_settings(cxxopts::Options (*options)(),
                        Settings (*settings)(const cxxopts::ParseResult&), const Args& args) {
    cxxopts::Options table = options();
    return settings(parse_args(table, args));
}

/// The long option of `options` nearest to `typed` (a few edits, or a
/// prefix), or empty: for "did you mean".
std::string closest_option(const cxxopts::Options& options, const std::string& typed);

/// Which index a command reads or writes.
struct IndexSettings {
    /// --db as an absolute path without trailing slashes: graf puts work
    /// folders beside the index (`DB.creating`, `DB.compacting`), which
    /// "DB/" or "." would put inside it.
    std::string db;
    std::optional<unsigned> connect_timeout_ms;  ///< --connect-timeout
    bool allow_partial = false;                  ///< --allow-partial
};

/// --db (default $GRAF_DB, else graf-index), shared by every command that
/// opens an index; with `remote_shards` (commands that read one, which may
/// list remote shards) also --connect-timeout.
void add_db_option(cxxopts::Options& options, bool remote_shards = true);
/// --allow-partial, for commands that read a sharded index.
void add_partial_option(cxxopts::Options& options);
/// The options add_db_option and add_partial_option added; a bad
/// --connect-timeout is a UsageError naming its limits.
IndexSettings index_settings(const cxxopts::ParseResult& args);
/// Applies --connect-timeout to every later open_index (a setting of the
/// process) and returns the --db path.
std::string use_index(const IndexSettings& index);

/// One warning line per shard left out; returns kPartial if any, else kOk.
int warn_missing_shards(const std::vector<searcher::MissingShard>& missing,
                        std::size_t shards_answered);
/// One warning line per shard written with another index schema.
void warn_stale_shards(const std::vector<searcher::StaleShard>& stale);
/// --json, for machine-readable output.
void add_json_option(cxxopts::Options& options);
/// --help.
void add_help_option(cxxopts::Options& options);

/// One line on stderr: "graf: <message>".
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
    fmt::print(stderr, "graf: {}\n", fmt::format(f, std::forward<Args>(args)...));
}

/// An option of auto|always|never (--color, --progress).
enum class When { Auto, Always, Never };
/// Option `name`'s value; another than those three is a UsageError.
When when_setting(const cxxopts::ParseResult& args, const std::string& name);
/// Whether to colour stdout: auto is a terminal without NO_COLOR.
bool use_color(When color);

/// What a searching command (search, quotes, timeline, facets) was asked:
/// the positional words joined by one space, --name, --since, --until.
struct QuerySettings {
    std::string query, name, since, until;
};
/// QUERY (positional, shown as `shown` in the usage line), --name (matching
/// what `name_help` says), --since and --until, in the group "Query".
void add_query_options(cxxopts::Options& options, const char* name_help,
                       const char* shown = "QUERY");
QuerySettings query_settings(const cxxopts::ParseResult& args);
/// The options add_query_options added, into a request's `query`, `since`
/// and `until`; returns --name (a request names it as it means it).
template <typename Request>
std::string read_query(const cxxopts::ParseResult& args, Request& request) {
    QuerySettings asked = query_settings(args);
    request.query = std::move(asked.query);
    request.since = std::move(asked.since);
    request.until = std::move(asked.until);
    return std::move(asked.name);
}

}  // namespace graf::app
