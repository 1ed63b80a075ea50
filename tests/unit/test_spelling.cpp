#include <doctest/doctest.h>

#include "searcher/spelling.hpp"

using graf::searcher::edit_distance;

TEST_CASE("edit distance with transpositions, bounded") {
    struct Case {
        const char* a;
        const char* b;
        unsigned limit;
        unsigned expected;
    };
    const Case cases[] = {
        {"bannon", "bannon", 2, 0}, {"banon", "bannon", 2, 1},   {"bannno", "bannon", 2, 1},
        {"teh", "the", 2, 1},       {"kitten", "sitting", 3, 3}, {"abc", "xyzabc", 2, 3},
        {"", "ab", 2, 2},
    };
    for (const Case& c : cases) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(edit_distance(c.a, c.b, c.limit) == c.expected);
    }
}
