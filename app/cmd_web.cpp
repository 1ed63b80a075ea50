// graf serve [--db DIR] [--host 127.0.0.1] [--port 8080] [--threads N]
#include "app/cmd_web.hpp"
#include "app/option_bounds.hpp"

namespace graf::app {
namespace {

// Worker threads, each with an index handle: more than cores by far is a typo.
constexpr std::uint64_t kMaxThreads = 256;

}  // namespace

cxxopts::Options serve_options() {
    cxxopts::Options options("graf serve",
                             "A web page and an HTTP JSON API for an index, read-only.");
    add_db_option(options);
    // clang-format off
    options.add_options("Server")
        ("host", "address to listen on (loopback by default)", cxxopts::value<std::string>()->default_value("127.0.0.1"), "ADDR")
        ("port", "port (0: any free port, printed)", cxxopts::value<std::string>()->default_value("8080"), "P")
        ("threads", "worker threads, each with its own index handle", cxxopts::value<std::string>()->default_value("8"), "N");
    // clang-format on
    add_help_option(options);
    return options;
}

ServeSettings serve_settings(const cxxopts::ParseResult& args) {
    ServeSettings s;
    s.index = index_settings(args);
    s.serve.db = s.index.db;
    s.serve.host = args["host"].as<std::string>();
    s.serve.port = static_cast<int>(bounded_number(args, "port", 0, 65535));
    s.serve.threads = bounded_number(args, "threads", 1, kMaxThreads);
    return s;
}

int run_web(const ServeSettings& settings) {
    use_index(settings.index);
    if (!web::is_loopback(settings.serve.host))
        error(
            "warning: listening on {}, not loopback: anyone who can reach this address can read "
            "the whole archive (graf serve has no authentication)",
            settings.serve.host);
    return web::serve(settings.serve) ? kOk : kUsage;
}

}  // namespace graf::app
