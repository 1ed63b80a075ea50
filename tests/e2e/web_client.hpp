#pragma once
// `graf serve` started for a test, and a raw HTTP/1.1 client for it: raw so
// a test can send what a browser would not (a 10 KB request line, %2e%2e).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace graf::test {

struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
};

/// Sends `request` as it is to 127.0.0.1:port and reads the reply to the end.
HttpReply http_raw(int port, const std::string& request);
/// GET `target` (sent as given: not encoded here).
HttpReply http_get(int port, const std::string& target,
                   const std::vector<std::string>& extra_headers = {});
/// GETs each target in turn on one kept-alive connection; the statuses.
std::vector<int> http_keep_alive(int port, const std::vector<std::string>& targets);
/// Percent-encodes a query value.
std::string url_encode(const std::string& s);

/// `graf serve --db DB --port 0 ARGS…`, stopped when the object goes.
class WebServer {
  public:
    explicit WebServer(const std::filesystem::path& db, std::vector<std::string> args = {});
    ~WebServer();
    int port() const { return port_; }
    int pid() const { return pid_; }
    std::string stderr_text() const;

  private:
    std::filesystem::path out_, err_;
    int pid_ = -1;
    int port_ = 0;
};

}  // namespace graf::test
