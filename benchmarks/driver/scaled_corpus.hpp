#pragma once
// A corpus made k times larger for scaling measurements: every article of
// the real corpus repeated k times, copy c getting the id "<id>~c" (fresh
// ids, so each copy is a new article to both engines). Same words, same
// paragraph lengths: latency and size growth come from volume alone, which is
// what the scale table shows. Not a substitute for a genuinely larger corpus
// (vocabulary does not grow).
#include <cstdint>
#include <filesystem>
#include <vector>

namespace graf::bench {

struct ScaledCorpus {
    std::uint64_t articles = 0;
    std::uint64_t bytes = 0;
};

/// Writes the scaled corpus as JSON Lines to `out`.
ScaledCorpus write_scaled_corpus(const std::vector<std::filesystem::path>& inputs, unsigned copies,
                                 const std::filesystem::path& out);

}  // namespace graf::bench
