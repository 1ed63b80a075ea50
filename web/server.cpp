#include "web/server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <thread>

#include "web/api.hpp"
#include "web/assets.hpp"
#include "web/search_json.hpp"

namespace graf::web {

namespace {

// No inline script or style, nothing from another origin: the page's own
// script and style files and fetches to this server only.
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void set_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    // As set_content does, without copying the body once more.
    res.body = dump(body);
    res.body += '\n';
    res.headers.erase("Content-Type");
    res.set_header("Content-Type", "application/json; charset=utf-8");
}

// Limits checked before routing; httplib itself refuses a request line
// over 8 KB (414) and a header line over 8 KB (400).
httplib::Server::HandlerResponse check_limits(const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > kMaxTargetBytes) {
        set_json(res, 414,
                 {{"error",
                   fmt::format("the request target is longer than {} bytes", kMaxTargetBytes)}});
        return httplib::Server::HandlerResponse::Handled;
    }
    std::size_t header_bytes = 0;
    for (const auto& [key, value] : req.headers) header_bytes += key.size() + value.size() + 4;
    if (header_bytes > kMaxHeaderBytes || req.headers.size() > kMaxHeaders) {
        set_json(res, 431,
                 {{"error", fmt::format("request headers over {} bytes or {} lines",
                                        kMaxHeaderBytes, kMaxHeaders)}});
        return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        res.set_header("Allow", "GET, HEAD");
        set_json(res, 405,
                 {{"error", fmt::format("{} is not allowed: this server is read-only",
                                        req.method.substr(0, 20))}});
        return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
}

void add_routes(httplib::Server& server, Api& api) {
    server.Get("/api/.*", [&api](const httplib::Request& req, httplib::Response& res) {
        QueryParams params(req.params.begin(), req.params.end());
        ApiResponse r = api.handle(req.path, params);
        set_json(res, r.status, r.body);
    });
    // Only the embedded files, by exact name: no path reaches the file system.
    server.Get(R"(/(index\.html)?)", [](const httplib::Request&, httplib::Response& res) {
        for (const Asset& a : assets())
            if (a.path == "/index.html")
                res.set_content(std::string(a.bytes), std::string(mime_type(a.path)));
    });
    for (const Asset& a : assets()) {
        std::string pattern;  // httplib routes by regex: the dots must be literal
        for (char c : a.path) pattern += c == '.' ? std::string("\\.") : std::string(1, c);
        server.Get(pattern, [a](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-cache");
            res.set_content(std::string(a.bytes), std::string(mime_type(a.path)));
        });
    }
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                     httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (res.status == 404)
            set_json(res, 404,
                     {{"error", fmt::format("no such path: {}", req.path.substr(0, 200))}});
        else if (res.status == 400)  // refused by httplib before routing
            set_json(res, 400, {{"error", "malformed request, or a header line over 8192 bytes"}});
        else if (res.status == 414)
            set_json(res, 414, {{"error", "the request line is longer than 8192 bytes"}});
        else
            set_json(res, res.status, {{"error", fmt::format("HTTP {}", res.status)}});
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            set_json(res, 500, {{"error", fmt::format("internal error: {}", what)}});
        });
}

}  // namespace

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string_view mime_type(std::string_view path) {
    auto ends = [&](std::string_view ext) {
        return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

bool serve(const ServeOptions& options) {
    Api api(options.db);  // throws IndexMissing before anything listens
    httplib::Server server;
    const std::size_t threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // A kept-alive connection holds a worker thread: keep them short.
    server.set_keep_alive_timeout(2);
    server.set_keep_alive_max_count(100);  // httplib's default closes after 5
    // httplib writes headers and body separately: with Nagle's algorithm the
    // body waited for the client's delayed ACK, 40 ms a request on keep-alive.
    server.set_tcp_nodelay(true);
    server.set_read_timeout(10);
    server.set_payload_max_length(64 * 1024);
    server.set_default_headers({{"Content-Security-Policy", kCsp},
                                {"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"}});
    server.set_pre_routing_handler(check_limits);
    add_routes(server, api);

    int port = options.port;
    if (port == 0)
        port = server.bind_to_any_port(options.host);
    else if (!server.bind_to_port(options.host, port))
        port = -1;
    if (port <= 0) {
        fmt::print(stderr, "graf: serve: cannot listen on {}:{} (in use, or not an address here)\n",
                   options.host, options.port);
        return false;
    }

    // SIGINT/SIGTERM stop the server from a thread of their own: stop() is
    // not async-signal-safe. Blocked here, so every worker inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::atomic<bool> signalled{false};
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        signalled = true;
        server.stop();
    });

    const bool v6 = options.host.find(':') != std::string::npos;
    fmt::print("graf serve: listening on http://{}{}{}:{}/ ({} threads, index {})\n", v6 ? "[" : "",
               options.host, v6 ? "]" : "", port, threads, options.db.string());
    std::fflush(stdout);
    server.listen_after_bind();
    // listen_after_bind returned: stopped by a signal (or a fatal accept
    // error); make sure the stopper thread ends either way.
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return true;
}

}  // namespace graf::web
