#include <doctest/doctest.h>

#include <map>

#include "searcher/query.hpp"

using namespace graf::searcher;

namespace {
// A small index vocabulary: the words indexed under each stem.
std::vector<std::string> variants(const std::string& stem) {
    static const std::map<std::string, std::vector<std::string>> vocabulary = {
        {"author", {"authority", "authorities", "authors"}},
        {"opec", {"opec"}},
        {"iran", {"iran"}},
        {"fed", {"fed", "feds"}},
        {"stargat", {"stargate"}},
    };
    auto it = vocabulary.find(stem);
    return it == vocabulary.end() ? std::vector<std::string>{} : it->second;
}
ParsedQuery parsed(std::string_view q) {
    return parse_query(q, variants);
}
std::string described(const char* q) {
    return parsed(q).query.get_description();
}
}  // namespace

TEST_CASE("query: how words compile") {
    struct Case {
        const char* query;
        std::vector<const char*> contains;
    };
    const Case cases[] = {
        {"Bannon", {"bannon"}},  // capitalised: exact
        {"authorities",
         {"authority SYNONYM authorities SYNONYM authors"}},  // every variant of the stem
        {"unseenword", {"unseenword"}},                       // no variants: the word itself
        {"Authorities", {"authorities"}},                     // capitalised: no variants
        {"\"good authority\"", {"good", "PHRASE 2", "authority"}},
        {"“good authority”", {"PHRASE 2"}},  // curly quotes
        {"Musk’s", {"musk"}},
        {"BannonTrump", {"bannontrump", "PHRASE 2"}},  // split form or glued form
        {"alt-right", {"PHRASE 2", "altright"}},
        {"oil AND (opec OR saudi) NOT iran", {"AND_NOT", "opec", "saudi", "iran"}},
        {"oil -iran", {"AND_NOT", "iran"}},
        {"bannon NEAR musk", {"NEAR 11"}},
        {"bannon NEAR/3 musk", {"NEAR 4"}},
        {"elect*", {"WILDCARD"}},
        {"title:stargate", {"Sstargate"}},
        {"title:authorities", {"Sauthority SYNONYM Sauthorities SYNONYM Sauthors"}},
        {"title:\"good authority\"", {"Sgood AND Sauthority"}},  // titles have no positions
        {"source:Reuters", {"XSRCreuters"}},
        {"date:2025-01..2025-02", {"VALUE_RANGE 1 20250101 20250228"}},
        {"date:1987", {"VALUE_RANGE 1 19870101 19871231"}},
        {"date:2025-01-27..", {"VALUE_GE 1 20250127"}},
        {"name:\"Steve Bannon\"", {"XNsteve bannon"}},
        {"article:politics/001", {"XApolitics/001", "XLpolitics/001"}},  // full or input id
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        std::string d = described(c.query);
        CAPTURE(d);
        for (const char* part : c.contains) CHECK(d.find(part) != std::string::npos);
    }
}

TEST_CASE("query: free words must all match, long questions need not") {
    CHECK(described("musk feud").find("AND") != std::string::npos);
    CHECK_FALSE(parsed("musk feud").natural_language);
    ParsedQuery q = parsed("what did the central bank say about interest rates and inflation");
    CHECK(q.natural_language);
    CHECK(q.query.get_description().find(" the ") == std::string::npos);  // stopwords dropped
    // Shouting is a question, not operators or names.
    ParsedQuery shout = parsed("WHAT DID THE FED SAY ABOUT INTEREST RATES");
    CHECK(shout.natural_language);
    CHECK(shout.query.get_description().find("fed SYNONYM feds") != std::string::npos);
    // Stopwords are kept when they are the whole query, and inside phrases.
    CHECK(described("the who").find("the") != std::string::npos);
    CHECK(described("\"bank of japan\"").find("of") != std::string::npos);
}

TEST_CASE("query: highlights follow the analysis") {
    ParsedQuery q = parsed("Bannon authorities \"good authority\" elect* -musk");
    CHECK(q.highlight.exact.count("bannon"));
    CHECK(q.highlight.stems.count("author"));
    CHECK(q.highlight.phrases.size() == 1);
    CHECK(q.highlight.prefixes == std::vector<std::string>{"elect"});
    CHECK_FALSE(q.highlight.stems.count("musk"));  // excluded words are not highlighted
}

TEST_CASE("query: malformed queries get one clear message") {
    struct Case {
        const char* query;
        const char* message;
    };
    const Case cases[] = {
        {"\"unclosed", "unclosed quote"},
        {"date:2025-13-99..", "not a valid date"},
        {"date:2025-02-30", "not a valid date"},
        {"date:2025-03..2025-01", "ends before it starts"},
        {"date:..", "at least one end"},
        {"(bannon", "missing ')'"},
        {"bannon)", "unexpected ')'"},
        {"bannon AND", "AND needs a word"},
        {"OR musk", "OR needs a word"},
        {"bannon NOT", "the query ends"},
        {"(\"a\" OR b) NEAR c", "NEAR works between single words"},
        {"title:", "needs a word"},
        {"", "empty query"},
        {"   ", "empty query"},
        {"NEAR/x b", "NEAR/ takes a number"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH_AS(parse_query(c.query), doctest::Contains(c.message), QueryError);
    }
}

TEST_CASE("query: hostile input is bounded") {
    std::string nested(2000, '(');
    nested += "x";
    nested += std::string(2000, ')');
    CHECK_NOTHROW(parse_query(nested));
    std::string many;
    for (int i = 0; i < 1000; ++i) many += "word" + std::to_string(i) + " ";
    CHECK(parse_query(many).natural_language);
    CHECK_NOTHROW(parse_query(std::string("a\x01\x02 b\x7f")));
}
