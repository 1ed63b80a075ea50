#pragma once
// Normalisation of one word for matching: NFKC, case folding and diacritic
// folding, so "Café", "CAFÉ" and "cafe" are one term. The original text is
// never changed; only the indexed term is.
#include <string>
#include <string_view>

namespace graf::analysis {

/// Writes the folded form of `word` (UTF-8) into `out`, replacing its contents.
void fold(std::string_view word, std::string& out);

std::string fold(std::string_view word);

}  // namespace graf::analysis
