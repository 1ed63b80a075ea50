#pragma once
#include <string>

#include "error/error.hpp"

namespace graf::searcher {

/// A query that cannot be run (exit 1). what() is "query error: " and the
/// problem, as the user is told; problem() is the problem alone.
class QueryError : public Error {
  public:
    explicit QueryError(const std::string& problem)
        : Error(kUsage, "query error: " + problem), problem_(problem) {}
    const std::string& problem() const noexcept { return problem_; }

  private:
    std::string problem_;
};

}  // namespace graf::searcher
