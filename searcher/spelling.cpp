#include "searcher/spelling.hpp"

#include <xapian.h>

#include <algorithm>
#include <vector>

namespace graf::searcher {

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<unsigned> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<unsigned>(i);
        unsigned row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);  // transposition: "teh"
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::optional<std::string> suggest_word(const Xapian::Database& db, const std::string& term) {
    if (term.size() < 3) return std::nullopt;
    const unsigned limit = term.size() >= 5 ? 2 : 1;
    // Candidates share the first letter: typos there are rare, and it keeps
    // the scan to a slice of the vocabulary.
    std::size_t lead = 1;
    while (lead < term.size() && (static_cast<unsigned char>(term[lead]) & 0xC0) == 0x80) ++lead;
    const std::string prefix = term.substr(0, lead);
    std::optional<std::string> best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string candidate = *it;
        if (candidate.find(' ') != std::string::npos) continue;
        unsigned d = edit_distance(term, candidate, limit);
        if (d == 0 || d > limit) continue;
        Xapian::doccount freq = it.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = candidate;
            best_distance = d;
            best_freq = freq;
        }
    }
    return best;
}

}  // namespace graf::searcher
