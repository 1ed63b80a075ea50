#include <doctest/doctest.h>

#include "analysis/fold.hpp"

using graf::analysis::fold;

TEST_CASE("fold: case, compatibility forms and Latin diacritics") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Bannon", "bannon"},
        {"CAFÉ", "cafe"},
        {"Pöhl", "pohl"},
        {"Chávez", "chavez"},
        {"Straße", "strasse"},     // ß case-folds to ss
        {"ﬁnance", "finance"},     // U+FB01 ligature (NFKC)
        {"ＡＢＣ", "abc"},         // fullwidth letters (NFKC)
        {"Ελληνικά", "ελληνικα"},  // Greek: accents folded too
        {"Москва", "москва"},
        {"हिन्दी", "हिन्दी"},  // Devanagari: marks are vowels, kept
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        CHECK(fold(c.in) == c.out);
    }
}
