#include "app/cli.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "schema/schema.hpp"

namespace graf::app {

namespace {

// Longest --connect-timeout, in seconds: beyond it a shard is down.
constexpr double kMaxConnectSeconds = 600;

// --connect-timeout SECONDS (a decimal: 0.5 suits a LAN) for remote shards.
void apply_connect_timeout(const cxxopts::ParseResult& args) {
    if (!args.count("connect-timeout")) return;
    const std::string given = args["connect-timeout"].as<std::string>();
    double seconds = 0;
    std::size_t used = 0;
    try {
        seconds = std::stod(given, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != given.size() || !(seconds >= 0.001) || seconds > kMaxConnectSeconds)
        throw cxxopts::exceptions::exception(
            fmt::format("--connect-timeout takes seconds from 0.001 to {:g}, not '{}'",
                        kMaxConnectSeconds, given));
    searcher::set_connect_timeout_ms(static_cast<unsigned>(seconds * 1000 + 0.5));
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

std::string db_option(const cxxopts::ParseResult& args) {
    apply_connect_timeout(args);
    const std::string given = args["db"].as<std::string>();
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(given, ec);
    if (ec) return given;
    std::string db = absolute.lexically_normal().string();
    while (db.size() > 1 && db.back() == '/') db.pop_back();
    return db;
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

bool parse_or_help(cxxopts::Options& options, int argc, char** argv, cxxopts::ParseResult& out) {
    out = options.parse(argc, argv);
    if (out.count("help")) {
        fmt::print("{}", options.help());
        return false;
    }
    return true;
}

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (mode != "auto") throw cxxopts::exceptions::exception("--color takes auto, always or never");
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(fileno(stdout)) && !(no_color && *no_color);
}

}  // namespace graf::app
