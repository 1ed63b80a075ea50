#pragma once
#include <string_view>

namespace graf::analysis {

/// English function words (the Snowball list, folded and without the
/// possessive 's the tokenizer removes). Queries drop them from free text,
/// never from phrases; the index keeps every word.
bool is_stopword(std::string_view term);

}  // namespace graf::analysis
