#include "eval/measures.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace graf::eval {
namespace {

int grade_of(const Judged& judged, const std::string& docid) {
    auto it = judged.find(docid);
    return it == judged.end() ? 0 : it->second;
}

// DCG with the grade as gain and log2(rank + 1) as discount; grades below 1
// gain nothing (trec_eval's relevance level 1).
double dcg(const std::vector<int>& grades, std::size_t cutoff) {
    double sum = 0;
    for (std::size_t i = 0; i < grades.size() && i < cutoff; ++i)
        if (grades[i] > 0) sum += grades[i] / std::log2(static_cast<double>(i + 2));
    return sum;
}

}  // namespace

Measures measure(const Ranking& ranked, const Judged& judged, QueryCounts* counts) {
    const std::size_t relevant = relevant_count(judged);
    const std::size_t depth = std::min(ranked.size(), kDepth);
    std::vector<int> grades;
    std::size_t found = 0, found_10 = 0, found_100 = 0;
    double precision_sum = 0;
    for (std::size_t i = 0; i < depth; ++i) {
        const int grade = grade_of(judged, ranked[i].docid);
        grades.push_back(grade);
        if (grade <= 0) continue;
        ++found;
        precision_sum += static_cast<double>(found) / static_cast<double>(i + 1);
        if (i < 10) ++found_10;
        if (i < 100) ++found_100;
    }
    if (counts) *counts = {relevant, depth, found};
    Measures m;
    if (relevant == 0) return m;
    m.ap = precision_sum / static_cast<double>(relevant);
    m.p_10 = static_cast<double>(found_10) / 10.0;
    m.r_100 = static_cast<double>(found_100) / static_cast<double>(relevant);
    std::vector<int> ideal;
    for (const auto& [doc, grade] : judged) ideal.push_back(grade);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    m.ndcg_10 = dcg(grades, 10) / dcg(ideal, 10);
    return m;
}

}  // namespace graf::eval
