#pragma once
// graf serve [--db DIR] [--host 127.0.0.1] [--port 8080] [--threads N]
#include "app/cli.hpp"
#include "web/server.hpp"

namespace graf::app {

struct ServeSettings {
    IndexSettings index;
    web::ServeOptions serve;  ///< its `db` is index.db
};

cxxopts::Options serve_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
ServeSettings serve_settings(const cxxopts::ParseResult& args);
int run_web(const ServeSettings& settings);

}  // namespace graf::app
