#include "e2e/web_client.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "e2e/cli_runner.hpp"

namespace graf::test {
namespace fs = std::filesystem;

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

HttpReply parse_reply(const std::string& raw) {
    HttpReply r;
    const std::size_t head_end = raw.find("\r\n\r\n");
    REQUIRE_MESSAGE(head_end != std::string::npos, "no HTTP reply: " << raw.substr(0, 200));
    std::istringstream head(raw.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    REQUIRE_MESSAGE(line.rfind("HTTP/1.1 ", 0) == 0, "status line: " << line);
    r.status = std::stoi(line.substr(9, 3));
    while (std::getline(head, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::size_t v = colon + 1;
        while (v < line.size() && line[v] == ' ') ++v;
        r.headers[lower(line.substr(0, colon))] = line.substr(v);
    }
    r.body = raw.substr(head_end + 4);
    return r;
}
}  // namespace

namespace {
int connect_loopback(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    return fd;
}
}  // namespace

std::vector<int> http_keep_alive(int port, const std::vector<std::string>& targets) {
    const int fd = connect_loopback(port);
    std::vector<int> statuses;
    std::string pending;
    char buf[65536];
    for (const std::string& target : targets) {
        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        REQUIRE(send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
                static_cast<ssize_t>(request.size()));
        // One reply: the head, then Content-Length bytes of body.
        std::size_t head_end, length = 0;
        while ((head_end = pending.find("\r\n\r\n")) == std::string::npos) {
            const ssize_t n = recv(fd, buf, sizeof buf, 0);
            REQUIRE(n > 0);
            pending.append(buf, static_cast<std::size_t>(n));
        }
        HttpReply head = parse_reply(pending.substr(0, head_end + 4));
        length = std::stoul(head.headers["content-length"]);
        while (pending.size() < head_end + 4 + length) {
            const ssize_t n = recv(fd, buf, sizeof buf, 0);
            REQUIRE(n > 0);
            pending.append(buf, static_cast<std::size_t>(n));
        }
        pending.erase(0, head_end + 4 + length);
        statuses.push_back(head.status);
    }
    close(fd);
    return statuses;
}

HttpReply http_raw(int port, const std::string& request) {
    const int fd = connect_loopback(port);
    std::size_t sent = 0;
    while (sent < request.size()) {
        const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may answer and close before reading it all
        sent += static_cast<std::size_t>(n);
    }
    std::string raw;
    char buf[65536];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
        raw.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return parse_reply(raw);
}

HttpReply http_get(int port, const std::string& target, const std::vector<std::string>& extra) {
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const std::string& h : extra) request += h + "\r\n";
    request += "Connection: close\r\n\r\n";
    return http_raw(port, request);
}

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

WebServer::WebServer(const fs::path& db, std::vector<std::string> args) {
    out_ = db.string() + ".serve.out";
    err_ = db.string() + ".serve.err";
    args.insert(args.begin(), {"serve", "--db", db.string(), "--port", "0"});
    pid_ = start_program(GRAF_BINARY, args, out_, err_);
    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 200 && !port_; ++i) {
        std::smatch m;
        const std::string out = read_file(out_);
        if (std::regex_search(out, m, listening))
            port_ = std::stoi(m[1]);
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    REQUIRE_MESSAGE(port_ > 0, "graf serve did not start: " << read_file(err_));
}

WebServer::~WebServer() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    // SIGTERM is a clean stop: exit 0.
    CHECK_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0),
                  "graf serve after SIGTERM: " << status);
}

std::string WebServer::stderr_text() const {
    return read_file(err_);
}

}  // namespace graf::test
