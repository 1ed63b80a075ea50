#pragma once
// The benchmark query file: `kind<TAB>query` lines, `#` comments, blank lines
// ignored — the format of ../shared/queries/*.tsv.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "error/error.hpp"

namespace graf::bench {

struct BenchQuery {
    std::string kind;  ///< a free label: name, phrase, terms, rare, common, ...
    std::string text;  ///< as a user would type it
    std::size_t line = 0;
};

/// A query file that cannot be read or has a malformed line; the message names
/// the file and line.
class QueryFileError : public Error {
  public:
    explicit QueryFileError(const std::string& message) : Error(kUsage, message) {}
};

std::vector<BenchQuery> read_query_file(const std::filesystem::path& path);

}  // namespace graf::bench
