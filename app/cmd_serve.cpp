// graf serve-shard --db SHARD --port P [--interface ADDR]
//
// Serves one shard (or a whole index) to other machines with Xapian's own
// server, xapian-tcpsrv (Debian's xapian-tools): graf adds a check that the
// folder is a graf index of this schema version, then becomes the server
// (exec), so stopping this process stops the server.
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/cmd_serve.hpp"
#include "app/option_bounds.hpp"
#include "schema/schema.hpp"
#include "searcher/open_index.hpp"
#include "web/server.hpp"

namespace graf::app {

cxxopts::Options serve_shard_options() {
    cxxopts::Options options(
        "graf serve-shard",
        "Serve an index or one shard of it over TCP (xapian-tcpsrv), read-only, for a stub "
        "with `remote HOST:PORT` lines on the searching machine.");
    add_db_option(options, false);
    // clang-format off
    options.add_options("Server")
        ("port", "TCP port to listen on", cxxopts::value<std::string>(), "P")
        ("interface", "address to listen on (default: loopback only)", cxxopts::value<std::string>()->default_value("127.0.0.1"), "ADDR")
        ("tcpsrv", "Xapian's server program", cxxopts::value<std::string>()->default_value("xapian-tcpsrv"), "PATH");
    // clang-format on
    add_help_option(options);
    return options;
}

ServeShardSettings serve_shard_settings(const cxxopts::ParseResult& args) {
    if (!args.count("port")) throw UsageError("give --port P (1-65535)");
    ServeShardSettings s;
    s.index = index_settings(args);
    s.port = static_cast<unsigned>(bounded_number(args, "port", 1, 65535));
    s.interface = args["interface"].as<std::string>();
    s.tcpsrv = args["tcpsrv"].as<std::string>();
    return s;
}

int run_serve_shard(const ServeShardSettings& settings) {
    const std::string db = use_index(settings.index);
    if (const searcher::OpenIndex index = searcher::open_index(db); !index.stale.empty()) {
        const searcher::StaleShard& old = index.stale.front();
        throw searcher::IndexMissing(fmt::format(
            "{} has index schema {} but this graf reads schema {}: run `graf index` on it with "
            "this graf first",
            old.shard, old.version.empty() ? "none" : old.version, schema::kVersion));
    }
    const std::string port = std::to_string(settings.port);
    const std::string& program = settings.tcpsrv;
    // Xapian's remote protocol has no authentication: loopback unless asked.
    const std::string& interface = settings.interface;
    if (!web::is_loopback(interface))
        error(
            "warning: serving on {}, not loopback: anyone who can reach this address can read "
            "the whole index (Xapian's remote protocol has no authentication)",
            interface);
    std::vector<std::string> argv_strings = {program, "--port", port, "--interface", interface, db};
    std::vector<char*> exec_argv;
    for (std::string& a : argv_strings) exec_argv.push_back(a.data());
    exec_argv.push_back(nullptr);
    std::fflush(stdout);
    execvp(exec_argv[0], exec_argv.data());
    error("serve-shard: cannot run {}: {} (it comes with Debian's xapian-tools package)", program,
          std::strerror(errno));
    return kNothing;
}

}  // namespace graf::app
