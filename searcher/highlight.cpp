#include "searcher/highlight.hpp"

#include <algorithm>
#include <bitset>

namespace graf::searcher {

namespace {

// Indices of the non-alias tokens: aliases repeat a split word's parts.
std::vector<std::size_t> word_indices(const std::vector<analysis::Token>& tokens) {
    std::vector<std::size_t> words;
    words.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (!tokens[i].has(analysis::kAlias)) words.push_back(i);
    return words;
}

std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

}  // namespace

std::vector<MatchSpan> find_matches(const std::vector<analysis::Token>& tokens,
                                    const HighlightSpec& spec, analysis::Stemmer& stemmer) {
    std::vector<MatchSpan> spans;
    const std::vector<std::size_t> words = word_indices(tokens);
    std::vector<bool> covered(words.size(), false);

    auto match_sequences = [&](const std::vector<std::vector<std::string>>& sequences,
                               float weight) {
        for (const auto& seq : sequences) {
            if (seq.size() < 2 || seq.size() > words.size()) continue;
            for (std::size_t i = 0; i + seq.size() <= words.size(); ++i) {
                bool ok = true;
                for (std::size_t k = 0; ok && k < seq.size(); ++k)
                    ok = !covered[i + k] && tokens[words[i + k]].term == seq[k];
                if (!ok) continue;
                spans.push_back({tokens[words[i]].begin, tokens[words[i + seq.size() - 1]].end,
                                 weight, join(seq)});
                for (std::size_t k = 0; k < seq.size(); ++k) covered[i + k] = true;
                i += seq.size() - 1;
            }
        }
    };
    match_sequences(spec.phrases, 3.0f);
    match_sequences(spec.names, 3.0f);

    // Snowball English never changes a word's first letter, so only words
    // starting like one of the stems are worth stemming (most are not).
    std::bitset<256> stem_starts;
    for (const std::string& st : spec.stems)
        if (!st.empty()) stem_starts.set(static_cast<unsigned char>(st[0]));

    for (std::size_t i = 0; i < words.size(); ++i) {
        if (covered[i]) continue;
        const analysis::Token& t = tokens[words[i]];
        bool hit = spec.exact.count(t.term) != 0;
        for (const auto& name : spec.names)
            hit =
                hit || (name.size() > 1 && t.has(analysis::kCapitalised) && t.term == name.back());
        if (!hit && stem_starts.test(static_cast<unsigned char>(t.term[0])) &&
            analysis::is_stemmable(t.term))
            hit = spec.stems.count(stemmer(t.term)) != 0;
        for (std::size_t p = 0; !hit && p < spec.prefixes.size(); ++p)
            hit = t.term.compare(0, spec.prefixes[p].size(), spec.prefixes[p]) == 0;
        if (hit) spans.push_back({t.begin, t.end, 1.0f, t.term});
    }
    std::sort(spans.begin(), spans.end(),
              [](const MatchSpan& a, const MatchSpan& b) { return a.begin < b.begin; });
    return spans;
}

}  // namespace graf::searcher
