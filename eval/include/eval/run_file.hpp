#pragma once
// A ranked result list and the TREC run file that records it
// (`qid Q0 docid rank score tag`, the format trec_eval reads).
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "error/error.hpp"

namespace graf::eval {

/// trec_eval's default cutoff: measures look at the top 1,000 documents.
inline constexpr std::size_t kDepth = 1000;

struct RankedDoc {
    std::string docid;
    double score = 0;
};
using Ranking = std::vector<RankedDoc>;

class RunFileError : public Error {
  public:
    explicit RunFileError(const std::string& message) : Error(kUsage, message) {}
};

/// The ranking as trec_eval reads it from a run file: by score, highest
/// first, compared as single-precision floats as trec_eval does; equal
/// scores by docid in descending byte order (trec_eval ignores the rank
/// column); a repeated docid keeps its first entry; at most kDepth.
/// Measuring this order makes our figures equal trec_eval's on the run.
Ranking trec_order(Ranking ranked);

/// One line per document, ranks from 1. Throws RunFileError when a qid or
/// docid holds white space (the format could not be read back).
void write_run(std::ostream& out, const std::string& qid, const Ranking& ranked,
               const std::string& tag);

}  // namespace graf::eval
