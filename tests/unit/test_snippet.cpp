// Snippets as table data (after Xapian's api_snippets.cc): paragraph, query,
// length → expected snippet with highlights shown as [brackets].
#include <doctest/doctest.h>

#include "analysis/tokenizer.hpp"
#include "searcher/query.hpp"
#include "searcher/snippet.hpp"

using namespace graf;

namespace {
std::string render(const std::string& paragraph, const char* query, std::size_t chars) {
    searcher::ParsedQuery q = searcher::parse_query(query);
    analysis::Stemmer stemmer;
    auto tokens = analysis::tokenize(paragraph);
    searcher::Snippet s = searcher::make_snippet(
        paragraph, tokens, searcher::find_matches(tokens, q.highlight, stemmer), chars);
    std::string out;
    std::size_t at = 0;
    for (auto [b, len] : s.highlights) {
        out += s.text.substr(at, b - at) + "[" + s.text.substr(b, len) + "]";
        at = b + len;
    }
    return out + s.text.substr(at);
}

const std::string kLong =
    "The first sentence is filler about nothing at all. The second one is filler too, padding the "
    "text. "
    "Here the feud between Musk and Altman escalated sharply on Wednesday. Then more filler "
    "follows here, "
    "and it goes on for a while longer than anyone needs it to go on.";
}  // namespace

TEST_CASE("snippets: highlights and cuts") {
    struct Case {
        std::string paragraph;
        const char* query;
        std::size_t chars;
        std::string expected;
    };
    const Case cases[] = {
        {"I have that on “good authority” today.", "\"good authority\"", 240,
         "I have that on “[good authority]” today."},
        {"Musk’s company and BannonTrump’s strategist.", "Bannon Musk", 240,
         "[Musk]’s company and [Bannon]Trump’s strategist."},
        {"The authorities said the authority was final.", "authorities", 240,
         "The [authorities] said the [authority] was final."},
        {"Elections are electric.", "elect*", 240, "[Elections] are [electric]."},
        {kLong, "feud", 80,
         "…Here the [feud] between Musk and Altman escalated sharply on Wednesday. Then more…"},
        {kLong, "anyone", 60, "…it goes on for a while longer than [anyone] needs it to go on."},
        {"Short text without a match.", "zebra", 240, "Short text without a match."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(render(c.paragraph, c.query, c.chars) == c.expected);
    }
}

TEST_CASE("snippets: name highlights cover the full name and the surname") {
    searcher::HighlightSpec spec;
    (void)searcher::name_query("Steve Bannon", spec);
    std::string p = "Steve Bannon spoke. Later Bannon said the bannon plant grew.";
    analysis::Stemmer stemmer;
    auto tokens = analysis::tokenize(p);
    auto s = searcher::make_snippet(p, tokens, searcher::find_matches(tokens, spec, stemmer), 240);
    REQUIRE(s.highlights.size() == 2);  // lower-case "bannon" is not the person
    CHECK(s.text.substr(s.highlights[0].first, s.highlights[0].second) == "Steve Bannon");
    CHECK(s.text.substr(s.highlights[1].first, s.highlights[1].second) == "Bannon");
}
