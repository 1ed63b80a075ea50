#pragma once
// The JSON API behind `graf serve`, free of HTTP: a path and its query
// parameters in, a status and a JSON body out. Each call borrows an Archive
// from a pool, so concurrent requests never share a Xapian handle.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/archive.hpp"

namespace graf::web {

struct ApiResponse {
    int status = 200;
    nlohmann::json body;
};

using QueryParams = std::multimap<std::string, std::string>;

class Api {
  public:
    /// Opens one Archive at once, so a missing index fails here (IndexMissing).
    explicit Api(const std::filesystem::path& db);
    /// `path` is decoded (/api/article/politics/001). Never throws for bad input.
    ApiResponse handle(const std::string& path, const QueryParams& params);

  private:
    class Lease;
    std::unique_ptr<Archive> borrow();
    void give_back(std::unique_ptr<Archive> archive);
    ApiResponse route(Archive& archive, const std::string& path, const QueryParams& params);

    std::filesystem::path db_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Archive>> idle_;
};

}  // namespace graf::web
