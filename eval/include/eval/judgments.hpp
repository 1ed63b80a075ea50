#pragma once
// The inputs of a ranking evaluation: the judged collection's queries
// (`qid<TAB>query` lines) and its relevance judgments in TREC qrels format
// (`qid iteration docid relevance`; relevance > 0 is relevant, 0 or -1 not).
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "error/error.hpp"

namespace graf::eval {

/// A file that cannot be read or has a malformed line; the message names the
/// file and line.
class JudgmentsError : public Error {
  public:
    explicit JudgmentsError(const std::string& message) : Error(kUsage, message) {}
};

struct EvalQuery {
    std::string qid;
    std::string text;  ///< as the collection's users wrote it
    std::size_t line = 0;
};

/// docid -> relevance grade, for one query.
using Judged = std::map<std::string, int>;
/// qid -> its judgments.
using Qrels = std::map<std::string, Judged>;

/// Reads `qid<TAB>query` lines; blank lines and `#` comments are skipped. A
/// line without a tab, an empty qid or query, or a repeated qid is an error.
std::vector<EvalQuery> read_queries(const std::filesystem::path& path);

/// Reads TREC qrels. A line must have four fields with an integer grade; a
/// pair judged twice keeps its last grade (as trec_eval does).
Qrels read_qrels(const std::filesystem::path& path);

/// Documents with a grade above 0.
std::size_t relevant_count(const Judged& judged);

}  // namespace graf::eval
