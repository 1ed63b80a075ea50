#pragma once
// `graf serve`: the JSON API and the page over HTTP (cpp-httplib), read-only.
#include <cstddef>
#include <filesystem>
#include <string>

namespace graf::web {

struct ServeOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port (printed)
    std::size_t threads = 8;
};

// Limits on what a client may send: a longer request line is refused with
// 414, bigger headers with 431 (see server.cpp).
inline constexpr std::size_t kMaxTargetBytes = 4096;
inline constexpr std::size_t kMaxHeaderBytes = 8192;
inline constexpr std::size_t kMaxHeaders = 64;

/// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

/// Serves until SIGINT or SIGTERM. Prints "listening on http://HOST:PORT/"
/// on stdout once it accepts connections. Returns false (after a message on
/// stderr) when it cannot bind.
bool serve(const ServeOptions& options);

}  // namespace graf::web
