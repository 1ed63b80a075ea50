#pragma once
// The quote marks of a paragraph and the spans they enclose: the first step
// of the quote finder (quotes.hpp), free of any attribution.
#include <cstdint>
#include <string_view>
#include <vector>

namespace graf::analysis {

struct QuoteSpan {
    std::uint32_t begin = 0, end = 0;  ///< the text inside the marks, spaces trimmed
    bool open = false;                 ///< the paragraph (or the next opening mark) cut it
    bool continues = false;            ///< it continues the span before it
};

/// The spans of one paragraph. `carried`: the previous paragraph ended inside
/// a quote, so an opening mark starting this paragraph continues it.
/// Double marks (" “ ” „ « ») when the paragraph has any; else single ones
/// (‘ ’ and ' where they cannot be apostrophes).
std::vector<QuoteSpan> find_quote_spans(std::string_view text, bool carried);

}  // namespace graf::analysis
