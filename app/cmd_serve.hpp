#pragma once
// graf serve-shard --db SHARD --port P [--interface ADDR]
#include <string>

#include "app/cli.hpp"

namespace graf::app {

struct ServeShardSettings {
    IndexSettings index;
    unsigned port = 0;
    std::string interface = "127.0.0.1";   ///< loopback unless asked
    std::string tcpsrv = "xapian-tcpsrv";  ///< Xapian's server program
};

cxxopts::Options serve_shard_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
ServeShardSettings serve_shard_settings(const cxxopts::ParseResult& args);
int run_serve_shard(const ServeShardSettings& settings);

}  // namespace graf::app
