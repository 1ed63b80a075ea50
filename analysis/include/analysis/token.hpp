#pragma once
// A word of analysed text: the normalised term that is indexed and matched,
// and where its surface form sits in the original text (for snippets).
#include <cstdint>
#include <string>

namespace graf::analysis {

enum TokenFlag : std::uint8_t {
    kCapitalised = 1 << 0,    ///< starts upper case and is not all capitals (Bannon, SoftBank)
    kAllCaps = 1 << 1,        ///< two or more letters, none lower case (CEO, REUTERS)
    kSentenceStart = 1 << 2,  ///< first word of a paragraph or after . ! ?
    kRunBreak = 1 << 3,       ///< punctuation or a glue seam separates it from the previous word
    kPossessive = 1 << 4,     ///< a trailing 's / ’s was removed (Musk’s → musk)
    kAlias = 1 << 5,    ///< whole form of a split word (alt-right → altright); shares a position
    kNumeric = 1 << 6,  ///< starts with a digit
};

struct Token {
    std::string term;            ///< case-folded, diacritics folded, possessive removed
    std::uint32_t begin = 0;     ///< byte offset of the surface form in the analysed text
    std::uint32_t end = 0;       ///< one past its last byte
    std::uint32_t position = 0;  ///< word position, for phrases; an alias shares its first part's
    std::uint8_t flags = 0;

    bool has(TokenFlag f) const { return (flags & f) != 0; }
};

}  // namespace graf::analysis
