// graf serve [--db DIR] [--host 127.0.0.1] [--port 8080] [--threads N]
#include "app/cli.hpp"
#include "web/server.hpp"

namespace graf::app {

int run_web(int argc, char** argv) {
    cxxopts::Options options("graf serve",
                             "A web page and an HTTP JSON API for an index, read-only.");
    add_db_option(options);
    // clang-format off
    options.add_options("Server")
        ("host", "address to listen on (loopback by default)", cxxopts::value<std::string>()->default_value("127.0.0.1"), "ADDR")
        ("port", "port (0: any free port, printed)", cxxopts::value<int>()->default_value("8080"), "P")
        ("threads", "worker threads, each with its own index handle", cxxopts::value<std::size_t>()->default_value("8"), "N");
    // clang-format on
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;

    web::ServeOptions opts;
    opts.db = db_option(args);
    opts.host = args["host"].as<std::string>();
    opts.port = args["port"].as<int>();
    opts.threads = args["threads"].as<std::size_t>();
    if (opts.port < 0 || opts.port > 65535) {
        error("serve: --port takes 0 to 65535, not {}", opts.port);
        return kUsage;
    }
    if (opts.threads < 1 || opts.threads > 256) {
        error("serve: --threads takes 1 to 256, not {}", opts.threads);
        return kUsage;
    }
    if (!web::is_loopback(opts.host))
        error(
            "warning: listening on {}, not loopback: anyone who can reach this address can read "
            "the whole archive (graf serve has no authentication)",
            opts.host);
    try {
        return web::serve(opts) ? kOk : kUsage;
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
}

}  // namespace graf::app
