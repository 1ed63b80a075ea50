// libFuzzer: the text-analysis module on any bytes: tokens must lie inside
// the text, in order, with terms no longer than the limit; the name finder
// and stemmer must accept whatever the tokenizer emits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<graf::analysis::Token> tokens = graf::analysis::tokenize(text);
    std::uint32_t last_begin = 0;
    for (const graf::analysis::Token& t : tokens) {
        if (t.begin > t.end || t.end > size || t.term.empty() ||
            t.term.size() > graf::analysis::kMaxTermBytes)
            std::abort();
        if (t.begin < last_begin && !t.has(graf::analysis::kAlias)) std::abort();
        last_begin = t.begin;
    }
    static graf::analysis::Stemmer stemmer;
    for (const graf::analysis::Token& t : tokens)
        if (graf::analysis::is_stemmable(t.term)) (void)stemmer(t.term);
    graf::analysis::NameFinder names;
    std::vector<graf::analysis::NameMention> mentions;
    names.find(tokens, mentions);
    names.find(tokens, mentions);  // twice: the second resolves against the first
    graf::analysis::ArticleNames end;
    names.finish(end);
    (void)graf::analysis::name_key(text);
    return 0;
}
