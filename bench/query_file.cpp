#include "bench/query_file.hpp"

#include <fmt/format.h>

#include <fstream>

namespace graf::bench {

std::vector<BenchQuery> read_query_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw QueryFileError(fmt::format("cannot read query file {}", path.string()));
    std::vector<BenchQuery> queries;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
            throw QueryFileError(fmt::format("{}:{}: expected `kind<TAB>query`, got \"{}\"",
                                             path.string(), number, line));
        queries.push_back({line.substr(0, tab), line.substr(tab + 1), number});
    }
    if (queries.empty())
        throw QueryFileError(
            fmt::format("{} holds no queries (lines are `kind<TAB>query`)", path.string()));
    return queries;
}

}  // namespace graf::bench
