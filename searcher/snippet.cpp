#include "searcher/snippet.hpp"

#include <algorithm>
#include <unordered_set>

namespace graf::searcher {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

std::size_t chars(std::string_view s, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to && i < s.size(); ++i)
        n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

// Byte offset `n` characters before / after `at`.
std::size_t back_chars(std::string_view s, std::size_t at, std::size_t n) {
    while (at > 0 && n > 0) {
        --at;
        if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80) --n;
    }
    return at;
}
std::size_t forward_chars(std::string_view s, std::size_t at, std::size_t n) {
    while (at < s.size() && n > 0) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
        --n;
    }
    return at;
}

bool is_opening_quote(std::string_view s, std::size_t at) {
    return s.substr(at, 1) == "\"" || s.substr(at, 1) == "'" || s.substr(at, 3) == "\u201C" ||
           s.substr(at, 3) == "\u2018" || s.substr(at, 1) == "(";
}

// Closing punctuation that belongs with the word before it.
std::size_t closing_punct_len(std::string_view s, std::size_t at) {
    if (at >= s.size()) return 0;
    if (std::string_view(".,;:!?\"')").find(s[at]) != std::string_view::npos) return 1;
    if (s.substr(at, 3) == "\u201D" || s.substr(at, 3) == "\u2019") return 3;
    return 0;
}

// The best window of matches: most distinct items, then most matches, within
// `budget` characters.
std::pair<std::size_t, std::size_t> densest(std::string_view text, const std::vector<MatchSpan>& m,
                                            std::size_t budget) {
    std::pair<std::size_t, std::size_t> best{0, 0};
    double best_score = -1;
    for (std::size_t i = 0; i < m.size(); ++i) {
        std::unordered_set<std::string_view> keys;
        double score = 0;
        std::size_t j = i;
        for (; j < m.size() && chars(text, m[i].begin, m[j].end) <= budget; ++j) {
            score += m[j].weight * (keys.insert(m[j].key).second ? 2.0 : 0.5);
        }
        if (j == i) j = i + 1;  // a single match longer than the budget
        if (score > best_score) {
            best_score = score;
            best = {i, j - 1};
        }
    }
    return best;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::size_t latest_sentence_start(const std::vector<analysis::Token>& tokens, std::size_t from,
                                  std::size_t to) {
    std::size_t found = kNone;
    for (const analysis::Token& t : tokens)
        if (t.begin >= from && t.begin <= to && t.has(analysis::kSentenceStart)) found = t.begin;
    return found;
}

std::size_t earliest_sentence_start(const std::vector<analysis::Token>& tokens, std::size_t from,
                                    std::size_t to) {
    for (const analysis::Token& t : tokens)
        if (t.begin >= from && t.begin <= to && t.has(analysis::kSentenceStart)) return t.begin;
    return kNone;
}

// The first word starting at or after `from` (but not after `limit`).
std::size_t word_start_from(const std::vector<analysis::Token>& tokens, std::size_t from,
                            std::size_t limit) {
    for (const analysis::Token& t : tokens)
        if (t.begin >= from) return std::min<std::size_t>(t.begin, limit);
    return limit;
}

// The end of the last word ending by `limit`, with its closing punctuation.
std::size_t word_end_before(std::string_view text, const std::vector<analysis::Token>& tokens,
                            std::size_t start, std::size_t limit) {
    if (limit >= text.size()) return text.size();
    std::size_t end = start;
    for (const analysis::Token& t : tokens)
        if (t.end <= limit && t.end > end) end = t.end;
    if (end <= start) end = limit;
    while (std::size_t n = closing_punct_len(text, end)) end += n;
    return std::min(end, text.size());
}

}  // namespace

Snippet make_snippet(std::string_view text, const std::vector<analysis::Token>& tokens,
                     const std::vector<MatchSpan>& matches, std::size_t max_chars) {
    std::size_t start = 0, end = text.size();
    if (chars(text, 0, text.size()) > max_chars) {
        std::size_t first = 0, last = 0;  // byte range of the chosen matches
        if (!matches.empty()) {
            auto [i, j] = densest(text, matches, max_chars * 4 / 5);
            first = matches[i].begin;
            last = std::max(matches[i].end, matches[j].end);
        }
        std::size_t used = chars(text, first, last);
        std::size_t slack = max_chars > used ? max_chars - used : 0;
        // Start at the sentence that holds the first match when it begins
        // within the slack; otherwise a third of the slack before the match
        // (a sentence reads forward, so most context goes after).
        start = latest_sentence_start(tokens, back_chars(text, first, slack), first);
        if (start == kNone)
            start = word_start_from(tokens, back_chars(text, first, slack / 3), first);
        if (chars(text, 0, start) < 30) start = 0;  // cutting a few words saves nothing
        end = word_end_before(text, tokens, start,
                              std::max(forward_chars(text, start, max_chars), last));
        // A match near the end leaves budget unused: slide the start back.
        std::size_t shown = chars(text, start, end);
        if (end == text.size() && start > 0 && shown < max_chars) {
            std::size_t earliest = back_chars(text, start, max_chars - shown);
            std::size_t sentence = earliest_sentence_start(tokens, earliest, start);
            start = sentence != kNone ? sentence : word_start_from(tokens, earliest, start);
        }
        if (start > 0 && is_opening_quote(text, back_chars(text, start, 1)))
            start = back_chars(text, start, 1);
    }

    Snippet s;
    if (start > 0) s.text += kEllipsis;
    const std::size_t shift = s.text.size();
    s.text.append(text.substr(start, end - start));
    if (end < text.size()) s.text += kEllipsis;
    for (const MatchSpan& m : matches) {
        if (m.begin < start || m.end > end) continue;
        auto b = static_cast<std::uint32_t>(m.begin - start + shift);
        auto len = static_cast<std::uint32_t>(m.end - m.begin);
        if (!s.highlights.empty() && s.highlights.back().first + s.highlights.back().second > b)
            continue;  // overlapping: keep the first (phrase spans come first)
        s.highlights.emplace_back(b, len);
    }
    return s;
}

}  // namespace graf::searcher
