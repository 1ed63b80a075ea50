#pragma once
// A client of a running `graf serve`'s GET /api/search, for `graf bench
// --url`: the same searches as `graf bench` runs on the index, over HTTP on
// one kept-alive connection, so the two latencies compare.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "error/error.hpp"
#include "searcher/searcher.hpp"

namespace httplib {
class Client;
}

namespace graf::web {

/// The server could not be reached or answered something other than 200
/// or 400; what() says which.
class ServerError : public Error {
  public:
    explicit ServerError(const std::string& message) : Error(kNothing, message) {}
};

class SearchClient {
  public:
    /// `url` is http://HOST:PORT (a trailing slash is fine). Connects lazily.
    explicit SearchClient(const std::string& url);
    ~SearchClient();
    SearchClient(const SearchClient&) = delete;
    SearchClient& operator=(const SearchClient&) = delete;

    struct Answer {
        std::uint64_t hits = 0, total = 0;
    };
    /// /api/search?q=QUERY (or name=NAME)&limit=K[&snippets=0][&expand=1]
    /// for the request's query or name, limit, snippets and expand. A 400 (a
    /// malformed query) throws searcher::QueryError with the server's message.
    Answer search(const searcher::SearchRequest& request);

  private:
    std::string url_;
    std::unique_ptr<httplib::Client> client_;
};

}  // namespace graf::web
