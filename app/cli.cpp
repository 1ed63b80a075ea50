#include "app/cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "schema/schema.hpp"

namespace graf::app {

namespace {

// Longest --connect-timeout, in seconds: beyond it a shard is down.
constexpr double kMaxConnectSeconds = 600;

// --connect-timeout SECONDS (a decimal: 0.5 suits a LAN) for remote shards.
std::optional<unsigned> connect_timeout_ms(const cxxopts::ParseResult& args) {
    if (!args.count("connect-timeout")) return std::nullopt;
    const std::string given = args["connect-timeout"].as<std::string>();
    double seconds = 0;
    std::size_t used = 0;
    try {
        seconds = std::stod(given, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != given.size() || !(seconds >= 0.001) || seconds > kMaxConnectSeconds)
        throw UsageError(fmt::format("--connect-timeout takes seconds from 0.001 to {:g}, not '{}'",
                                     kMaxConnectSeconds, given));
    return static_cast<unsigned>(seconds * 1000 + 0.5);
}

}  // namespace

void add_db_option(cxxopts::Options& options, bool remote_shards) {
    // GRAF_DB saves typing --db on every command.
    const char* env = std::getenv("GRAF_DB");
    options.add_options("Index")(
        "db", "index folder (or Xapian stub file); default $GRAF_DB, else graf-index",
        cxxopts::value<std::string>()->default_value(env && *env ? env : "graf-index"), "DIR");
    if (remote_shards)
        options.add_options("Index")(
            "connect-timeout",
            fmt::format("seconds to wait for a remote shard to accept a connection (default {:g})",
                        searcher::kDefaultConnectTimeoutMs / 1000.0),
            cxxopts::value<std::string>(), "SECONDS");
}

IndexSettings index_settings(const cxxopts::ParseResult& args) {
    IndexSettings index;
    index.db = args["db"].as<std::string>();
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(index.db, ec);
    if (!ec) index.db = absolute.lexically_normal().string();
    while (index.db.size() > 1 && index.db.back() == '/') index.db.pop_back();
    index.connect_timeout_ms = connect_timeout_ms(args);
    index.allow_partial = args.count("allow-partial") > 0;
    return index;
}

std::string use_index(const IndexSettings& index) {
    if (index.connect_timeout_ms) searcher::set_connect_timeout_ms(*index.connect_timeout_ms);
    return index.db;
}

void add_partial_option(cxxopts::Options& options) {
    options.add_options("Index")(
        "allow-partial",
        "when a shard does not answer, use the others and mark the results partial (exit 3)");
}

int warn_missing_shards(const std::vector<searcher::MissingShard>& missing,
                        std::size_t shards_answered) {
    for (const searcher::MissingShard& m : missing)
        error(
            "partial results: shard {} did not answer ({}); these results come from the other "
            "{} shard{}",
            m.shard, m.reason, shards_answered, shards_answered == 1 ? "" : "s");
    return missing.empty() ? kOk : kPartial;
}

void warn_stale_shards(const std::vector<searcher::StaleShard>& stale) {
    for (const searcher::StaleShard& s : stale)
        error(
            "warning: {} was built by another version of graf (index schema {}, this graf "
            "reads {}); it answers, but some words may miss their variants and ids lack their "
            "source name until you run `graf index` on it again, with the inputs (and "
            "--source names) it was built from",
            s.shard, s.version.empty() ? "none" : s.version, schema::kVersion);
}

void add_json_option(cxxopts::Options& options) {
    options.add_options("Output")("json", "print one JSON object instead of text");
}

void add_help_option(cxxopts::Options& options) {
    options.add_options()("h,help", "show this help");
}

namespace {

// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// What cxxopts quotes in a message: the option of "Option ‘limt’ does not
// exist", the argument of "Argument ‘-fracas Bannon’ starts with a - but…".
std::string quoted_in(const std::string& message) {
    const std::size_t open = message.find(cxxopts::LQUOTE);
    const std::size_t close = message.rfind(cxxopts::RQUOTE);
    if (open == std::string::npos || close == std::string::npos || close < open) return {};
    const std::size_t from = open + cxxopts::LQUOTE.size();
    return message.substr(from, close - from);
}

// `-Bannon` reads as the options -B -a -n…, and `-fracas Bannon` as no
// option at all: a query or path that starts with '-' belongs after `--`.
cxxopts::exceptions::exception dash_argument(const cxxopts::Options& options,
                                             const std::string& typed, const std::string& arg) {
    return cxxopts::exceptions::exception(fmt::format(
        "unknown option {} in '{}'; an argument that starts with - goes after --, as in `{} -- "
        "'{}'`",
        typed, arg, options.program(), arg));
}

}  // namespace

std::string closest_option(const cxxopts::Options& options, const std::string& typed) {
    if (typed.size() < 3) return {};  // -x: every short name is two edits from it
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
    for (const std::string& group : options.groups())
        for (const cxxopts::HelpOptionDetails& o : options.group_help(group).options)
            for (const std::string& name : o.l) {
                // A prefix of an option (--lim) is as good as one edit.
                std::size_t d = name.rfind(typed, 0) == 0 ? 1 : edit_distance(typed, name);
                if (d < best_distance) best_distance = d, best = name;
            }
    return best;
}

cxxopts::ParseResult parse_args(cxxopts::Options& options, const Args& args) {
    // cxxopts wants argv: the program's name, then the arguments.
    // A one-letter option reads as --k as well as -k (the benchmark
    // literature's spelling); cxxopts reads it only as -k.
    std::vector<std::string> spelled;
    for (const std::string& a : args)
        spelled.push_back(a.size() >= 3 && a.rfind("--", 0) == 0 && (a.size() == 3 || a[3] == '=')
                              ? "-" + a.substr(2, 1) + (a.size() > 4 ? a.substr(4) : "")
                              : a);
    std::vector<const char*> argv = {"graf"};
    for (const std::string& a : spelled) argv.push_back(a.c_str());
    try {
        return options.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const cxxopts::exceptions::no_such_option& e) {
        const std::string name = quoted_in(e.what());
        if (name.empty()) throw;
        const std::string typed = (name.size() == 1 ? "-" : "--") + name;
        if (name.size() == 1)
            for (const std::string& arg : args)
                if (arg.size() > 2 && arg.rfind(typed, 0) == 0 && arg[1] != '-')
                    throw dash_argument(options, typed, arg);
        const std::string near = closest_option(options, name);
        throw cxxopts::exceptions::exception(
            near.empty() ? fmt::format("unknown option {}", typed)
                         : fmt::format("unknown option {}; did you mean --{}?", typed, near));
    } catch (const cxxopts::exceptions::invalid_option_syntax& e) {
        const std::string arg = quoted_in(e.what());
        if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') throw;
        throw dash_argument(options, arg.substr(0, 2), arg);
    }
}

When when_setting(const cxxopts::ParseResult& args, const std::string& name) {
    const std::string mode = args[name].as<std::string>();
    if (mode == "always") return When::Always;
    if (mode == "never") return When::Never;
    if (mode != "auto")
        throw UsageError(fmt::format("--{} takes auto, always or never, not '{}'", name, mode));
    return When::Auto;
}

bool use_color(When color) {
    if (color != When::Auto) return color == When::Always;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(fileno(stdout)) && !(no_color && *no_color);
}

void add_query_options(cxxopts::Options& options, const char* name_help, const char* shown) {
    // clang-format off
    options.add_options("Query")
        ("name", name_help, cxxopts::value<std::string>(), "\"FULL NAME\"")
        ("since", "only articles dated on or after (YYYY[-MM[-DD]])", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles dated on or before", cxxopts::value<std::string>(), "DATE")
        ("query", "the query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    options.parse_positional({"query"});
    options.positional_help(shown);
}

QuerySettings query_settings(const cxxopts::ParseResult& args) {
    QuerySettings q;
    if (args.count("query"))
        for (const auto& w : args["query"].as<std::vector<std::string>>())
            q.query += (q.query.empty() ? "" : " ") + w;
    if (args.count("name")) q.name = args["name"].as<std::string>();
    if (args.count("since")) q.since = args["since"].as<std::string>();
    if (args.count("until")) q.until = args["until"].as<std::string>();
    return q;
}

}  // namespace graf::app
