#include "eval/run_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace graf::eval {
namespace {

bool has_space(const std::string& s) {
    return s.empty() || s.find_first_of(" \t\r\n\v\f") != std::string::npos;
}

}  // namespace

Ranking trec_order(Ranking ranked) {
    std::unordered_set<std::string> seen;
    std::erase_if(ranked, [&](const RankedDoc& d) { return !seen.insert(d.docid).second; });
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankedDoc& a, const RankedDoc& b) {
        // trec_eval holds scores as single-precision floats (form_res_rels.c):
        // two scores equal as floats are a tie to it.
        const auto fa = static_cast<float>(a.score), fb = static_cast<float>(b.score);
        if (fa != fb) return fa > fb;
        return a.docid > b.docid;
    });
    if (ranked.size() > kDepth) ranked.resize(kDepth);
    return ranked;
}

void write_run(std::ostream& out, const std::string& qid, const Ranking& ranked,
               const std::string& tag) {
    if (has_space(qid))
        throw RunFileError(
            fmt::format("query id \"{}\" is empty or holds white space: a TREC "
                        "run file cannot record it",
                        qid));
    std::size_t rank = 0;
    for (const RankedDoc& d : ranked) {
        if (has_space(d.docid))
            throw RunFileError(
                fmt::format("document id \"{}\" (query {}) is empty or holds "
                            "white space: a TREC run file cannot record it",
                            d.docid, qid));
        // {} is the shortest text that reads back as the same double, so
        // trec_eval sees exactly the scores that were measured.
        out << fmt::format("{} Q0 {} {} {} {}\n", qid, d.docid, ++rank, d.score, tag);
    }
}

}  // namespace graf::eval
