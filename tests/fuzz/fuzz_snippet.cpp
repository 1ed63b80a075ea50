// libFuzzer: snippets of any paragraph for a query taken from the same input
// (first line: query, rest: paragraph). Highlights must lie inside the
// snippet and not overlap; the snippet must stay near the requested size.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/stemmer.hpp"
#include "analysis/tokenizer.hpp"
#include "searcher/query.hpp"
#include "searcher/snippet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t nl = input.find('\n');
    if (nl == std::string_view::npos) return 0;
    graf::searcher::ParsedQuery q;
    try {
        q = graf::searcher::parse_query(input.substr(0, nl));
    } catch (const graf::searcher::QueryError&) {
        return 0;
    }
    std::string_view paragraph = input.substr(nl + 1);
    static graf::analysis::Stemmer stemmer;
    std::vector<graf::analysis::Token> tokens = graf::analysis::tokenize(paragraph);
    for (std::size_t chars : {20u, 240u}) {
        graf::searcher::Snippet s = graf::searcher::make_snippet(
            paragraph, tokens, graf::searcher::find_matches(tokens, q.highlight, stemmer), chars);
        std::uint32_t end = 0;
        for (const auto& [start, length] : s.highlights) {
            if (start < end || start + length > s.text.size()) std::abort();
            end = start + length;
        }
    }
    return 0;
}
