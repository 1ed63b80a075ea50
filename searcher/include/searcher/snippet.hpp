#pragma once
// A hit's paragraph trimmed to about N characters around its densest window
// of matches, cut at sentence or word boundaries, with highlights.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/token.hpp"
#include "searcher/highlight.hpp"

namespace graf::searcher {

struct Snippet {
    std::string text;  ///< original text; "…" marks a cut
    std::vector<std::pair<std::uint32_t, std::uint32_t>>
        highlights;  ///< [byte offset, length] in text
};

Snippet make_snippet(std::string_view paragraph, const std::vector<analysis::Token>& tokens,
                     const std::vector<MatchSpan>& matches, std::size_t max_chars);

}  // namespace graf::searcher
