// Edge cases of news text as table data: input → the words and aliases it
// must produce (aliases in [brackets]).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/tokenizer.hpp"

using namespace graf::analysis;

namespace {
std::string render(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& t : tokens) {
        if (!out.empty()) out += ' ';
        out += t.has(kAlias) ? "[" + t.term + "]" : t.term;
    }
    return out;
}
}  // namespace

TEST_CASE("tokenize: terms and aliases") {
    struct Case {
        const char* in;
        const char* terms;
    };
    const Case cases[] = {
        {"Hello, world!", "hello world"},
        {"Musk’s company", "musk company"},     // U+2019 possessive removed
        {"Musk's company", "musk company"},     // ASCII possessive removed
        {"the bosses’ pay", "the bosses pay"},  // plural possessive: apostrophe is a quote
        {"don’t", "don't"},                     // contraction kept, apostrophe made ASCII
        {"O’Brien said", "o'brien said"},
        {"Steve BannonTrump’s former",
         "steve bannon [bannontrump] trump former"},  // glued at a seam
        {"SoftBank", "soft [softbank] bank"},
        {"McDonald iPhone OpenAI", "mcdonald iphone openai"},  // short sides: not split
        {"alt-right guru", "alt [altright] right guru"},
        {"H-1B visas", "h [h1b] 1b visas"},
        {"fail—but succeed", "fail but succeed"},  // em dash separates
        {"2016–2017", "2016 2017"},                // en dash separates
        {"$500 billion", "500 billion"},
        {"£1,400 and 5.93 mln", "1400 and 5.93 mln"},
        {"$10B secured.", "10b secured"},
        {"the U.S. trade deficit", "the us trade deficit"},
        {"Café Pöhl", "cafe pohl"},
        {"“good authority”", "good authority"},
        {"东京大学", "东 京 大 学"},  // CJK: one token per character
        {"emoji 🎉 here", "emoji here"},
        {"bad \xFF byte", "bad byte"},  // invalid UTF-8 is a separator
        {"", ""},
        {"   ", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        CHECK(render(tokenize(c.in)) == c.terms);
    }
}

TEST_CASE("tokenize: byte offsets point at the surface form") {
    const std::string text = "I have that on “good authority” from Musk’s aide.";
    for (const Token& t : tokenize(text)) {
        CAPTURE(t.term);
        std::string surface = text.substr(t.begin, t.end - t.begin);
        if (t.term == "good") CHECK(surface == "good");
        if (t.term == "authority") CHECK(surface == "authority");
        if (t.term == "musk") CHECK(surface == "Musk");  // without the ’s
    }
}

TEST_CASE("tokenize: positions let phrases cross a split word") {
    auto tokens = tokenize("Steve BannonTrump’s");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].position == 0);  // steve
    CHECK(tokens[1].position == 1);  // bannon
    CHECK(tokens[2].position == 1);  // [bannontrump] shares bannon's position
    CHECK(tokens[3].position == 2);  // trump
}

TEST_CASE("tokenize: flags for names and sentences") {
    auto tokens = tokenize("Shares fell. Mr. Blair met the CEO of SoftBank, BannonTrump.");
    auto find = [&](const std::string& term) -> const Token& {
        for (const Token& t : tokens)
            if (t.term == term) return t;
        FAIL("missing " << term);
        return tokens[0];
    };
    CHECK(find("shares").has(kSentenceStart));
    CHECK(find("mr").has(kSentenceStart));
    CHECK_FALSE(find("blair").has(kSentenceStart));  // "Mr." does not end a sentence
    CHECK(find("blair").has(kCapitalised));
    CHECK(find("ceo").has(kAllCaps));
    CHECK_FALSE(find("ceo").has(kCapitalised));
    CHECK(find("trump").has(kRunBreak));   // a glue seam breaks a name
    CHECK(find("bannon").has(kRunBreak));  // the comma before it
}

TEST_CASE("tokenize: pathological input stays bounded") {
    std::string long_word(1000, 'a');
    CHECK(tokenize(long_word).empty());  // over kMaxTermBytes: dropped, not truncated
    std::string many(100000, '-');
    CHECK(tokenize(many).empty());
    std::string glued;
    for (int i = 0; i < 200; ++i) glued += "WordWord";
    CHECK_FALSE(tokenize("x " + glued).empty());
}
