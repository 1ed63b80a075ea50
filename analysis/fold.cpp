#include "analysis/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <stdexcept>

namespace graf::analysis {
namespace {

struct Normalizers {
    const icu::Normalizer2* nfkc_casefold;
    const icu::Normalizer2* nfd;
    const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
    static const Normalizers n = [] {
        UErrorCode ec = U_ZERO_ERROR;
        Normalizers r{icu::Normalizer2::getNFKCCasefoldInstance(ec),
                      icu::Normalizer2::getNFDInstance(ec), icu::Normalizer2::getNFCInstance(ec)};
        if (U_FAILURE(ec)) throw std::runtime_error("ICU normalisation data is missing");
        return r;
    }();
    return n;
}

// Diacritics are folded only on Latin, Greek and Cyrillic letters: there an
// accent is optional in practice (Poehl/Pöhl, Chavez/Chávez). In Devanagari,
// Arabic or Hebrew the combining marks are vowels and removing them would
// merge different words.
bool folds_marks(UChar32 base) {
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(base, &ec);
    return s == USCRIPT_LATIN || s == USCRIPT_GREEK || s == USCRIPT_CYRILLIC;
}

}  // namespace

void fold(std::string_view word, std::string& out) {
    out.clear();
    bool ascii = true;
    for (unsigned char c : word) ascii &= c < 0x80;
    if (ascii) {  // the common case in English news: no ICU round trip
        out.reserve(word.size());
        for (char c : word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        return;
    }
    const Normalizers& n = normalizers();
    UErrorCode ec = U_ZERO_ERROR;
    icu::UnicodeString folded = n.nfkc_casefold->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size())), ec);
    icu::UnicodeString decomposed = n.nfd->normalize(folded, ec);
    icu::UnicodeString kept;
    UChar32 base = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        if (u_charType(cp) == U_NON_SPACING_MARK && folds_marks(base)) continue;
        if (u_charType(cp) != U_NON_SPACING_MARK) base = cp;
        kept.append(cp);
    }
    icu::UnicodeString composed = n.nfc->normalize(kept, ec);
    if (U_FAILURE(ec)) {  // cannot happen for valid UTF-16; keep the word findable anyway
        out.assign(word);
        return;
    }
    composed.toUTF8String(out);
}

std::string fold(std::string_view word) {
    std::string out;
    fold(word, out);
    return out;
}

}  // namespace graf::analysis
