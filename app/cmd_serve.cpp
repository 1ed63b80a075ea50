// graf serve-shard --db SHARD --port P [--interface ADDR]
//
// Serves one shard (or a whole index) to other machines with Xapian's own
// server, xapian-tcpsrv (Debian's xapian-tools): graf adds a check that the
// folder is a graf index of this schema version, then becomes the server
// (exec), so stopping this process stops the server.
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/cli.hpp"
#include "schema/schema.hpp"
#include "searcher/open_index.hpp"
#include "web/server.hpp"

namespace graf::app {

int run_serve_shard(int argc, char** argv) {
    cxxopts::Options options(
        "graf serve-shard",
        "Serve an index or one shard of it over TCP (xapian-tcpsrv), read-only, for a stub "
        "with `remote HOST:PORT` lines on the searching machine.");
    add_db_option(options, false);
    // clang-format off
    options.add_options("Server")
        ("port", "TCP port to listen on", cxxopts::value<unsigned>(), "P")
        ("interface", "address to listen on (default: loopback only)", cxxopts::value<std::string>()->default_value("127.0.0.1"), "ADDR")
        ("tcpsrv", "Xapian's server program", cxxopts::value<std::string>()->default_value("xapian-tcpsrv"), "PATH");
    // clang-format on
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    if (!args.count("port") || args["port"].as<unsigned>() == 0 ||
        args["port"].as<unsigned>() > 65535) {
        error("serve-shard: give --port P (1-65535)");
        return kUsage;
    }
    const std::string db = db_option(args);
    try {
        searcher::OpenIndex index = searcher::open_index(db);
        if (!index.stale.empty()) {
            const searcher::StaleShard& old = index.stale.front();
            error(
                "serve-shard: {} has index schema {} but this graf reads schema {}: run "
                "`graf index` on it with this graf first",
                old.shard, old.version.empty() ? "none" : old.version, schema::kVersion);
            return kNothing;
        }
    } catch (const searcher::IndexMissing& e) {
        error("serve-shard: {}", e.what());
        return kNothing;
    }
    const std::string port = std::to_string(args["port"].as<unsigned>());
    const std::string program = args["tcpsrv"].as<std::string>();
    // Xapian's remote protocol has no authentication: loopback unless asked.
    const std::string interface = args["interface"].as<std::string>();
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
