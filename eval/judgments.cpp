#include "eval/judgments.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

namespace graf::eval {
namespace {

std::ifstream open(const std::filesystem::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw JudgmentsError(fmt::format("cannot read {} file {}", what, path.string()));
    return in;
}

bool parse_grade(const std::string& field, int& grade) {
    const char* end = field.data() + field.size();
    auto [at, ec] = std::from_chars(field.data(), end, grade);
    return ec == std::errc() && at == end;
}

}  // namespace

std::vector<EvalQuery> read_queries(const std::filesystem::path& path) {
    std::ifstream in = open(path, "queries");
    std::vector<EvalQuery> queries;
    std::set<std::string> seen;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
            throw JudgmentsError(fmt::format("{}:{}: expected `qid<TAB>query`, got \"{}\"",
                                             path.string(), number, line));
        EvalQuery q{line.substr(0, tab), line.substr(tab + 1), number};
        if (!seen.insert(q.qid).second)
            throw JudgmentsError(
                fmt::format("{}:{}: query id {} appears twice", path.string(), number, q.qid));
        queries.push_back(std::move(q));
    }
    if (queries.empty())
        throw JudgmentsError(
            fmt::format("{} holds no queries (lines are `qid<TAB>query`)", path.string()));
    return queries;
}

Qrels read_qrels(const std::filesystem::path& path) {
    std::ifstream in = open(path, "qrels");
    Qrels qrels;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::istringstream fields(line);
        std::vector<std::string> f;
        for (std::string field; fields >> field;) f.push_back(field);
        if (f.empty()) continue;
        int grade = 0;
        if (f.size() != 4 || !parse_grade(f[3], grade))
            throw JudgmentsError(
                fmt::format("{}:{}: expected `qid 0 docid relevance` (relevance an integer), "
                            "got \"{}\"",
                            path.string(), number, line));
        qrels[f[0]][f[2]] = grade;
    }
    if (qrels.empty()) throw JudgmentsError(fmt::format("{} holds no judgments", path.string()));
    return qrels;
}

std::size_t relevant_count(const Judged& judged) {
    std::size_t n = 0;
    for (const auto& [doc, grade] : judged) n += grade > 0;
    return n;
}

}  // namespace graf::eval
