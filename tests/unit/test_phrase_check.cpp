// A phrase checked against the paragraph's text (searcher/phrase_check.hpp):
// the rule Xapian's phrase followed on positions, as table data.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/tokenizer.hpp"
#include "searcher/phrase_check.hpp"

using namespace graf;

namespace {

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// A paragraph, a phrase's terms, and whether it holds them.
struct Case {
    std::string text;
    std::vector<std::string> terms;
    bool expected;
};

bool has(const std::string& text, const std::vector<std::string>& terms,
         const Spans* spans = nullptr) {
    return searcher::has_phrase(analysis::tokenize(text), terms, spans);
}

}  // namespace

TEST_CASE("phrase check: the words side by side, as the index's positions had them") {
    const std::vector<Case> cases = {
        {"The Bank of England raised rates.", {"bank", "of", "england"}, true},
        {"A bank in England, of course.", {"bank", "of", "england"}, false},
        {"Of England's bank.", {"bank", "of", "england"}, false},
        {"To be or not to be, that is it.", {"to", "be", "or", "not", "to", "be"}, true},
        {"To be or not be.", {"to", "be", "or", "not", "to", "be"}, false},
        // Punctuation does not break a phrase (it did not in the index either).
        {"the bank. Of England", {"bank", "of", "england"}, true},
        // Folding and possessives, as indexed.
        {"Bank of England’s governor", {"bank", "of", "england"}, true},
        // A split word's parts and its whole form share the first position.
        {"the alt-right movement", {"alt", "right", "movement"}, true},
        {"the alt-right movement", {"altright", "right"}, true},
        {"the alt-right movement", {"altright", "movement"}, false},
        {"the united states", {"the", "united", "states"}, true},
        {"", {"the"}, false},
        {"the", {}, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(has(c.text, c.terms) == c.expected);
    }
}

TEST_CASE("phrase check: a phrase written plainly is a yes without tokenizing") {
    const std::vector<Case> cases = {
        {"The Bank of England raised rates.", {"bank", "of", "england"}, true},
        {"THE BANK OF ENGLAND", {"bank", "of", "england"}, true},
        {"(Bank of\nEngland) view", {"bank", "of", "england"}, true},
        {"Chapter 11 filing", {"chapter", "11"}, true},
        // Not plain: the tokenizer decides (has_phrase).
        {"bank. Of England", {"bank", "of", "england"}, false},
        {"SoftBank of Japan", {"softbank", "of", "japan"}, false},  // camelCase splits
        {"XBank of England", {"bank", "of", "england"}, false},
        {"bank of englanders", {"bank", "of", "england"}, false},
        {"bank of england2", {"bank", "of", "england"}, false},
        {"bank in England", {"bank", "of", "england"}, false},
        {"Zürich bank", {"zurich", "bank"}, false},
        // Tokens that run on past the word: the tokenizer decides.
        {"I don't know", {"i", "don"}, false},
        {"from the U.S. bank", {"the", "u"}, false},
        {"paid 1,000 dlrs", {"paid", "1"}, false},
        {"Bank of England's view", {"bank", "of", "england"}, false},
        {"rates rose. Then", {"rates", "rose"}, true},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(searcher::written_plainly(c.text, c.terms) == c.expected);
        // Whatever is written plainly, has_phrase agrees.
        if (c.expected) CHECK(has(c.text, c.terms));
    }
    const Spans quote = {{1, 29}};
    const std::string text = "\"The Bank of England is wrong,\" said Smith of the bank of England.";
    CHECK(searcher::written_plainly(text, {"bank", "of", "england"}, &quote));
    const Spans late = {{40, 45}};
    CHECK_FALSE(searcher::written_plainly(text, {"bank", "of", "england"}, &late));
}

TEST_CASE("phrase check: inside a quotation, every word in one span") {
    const std::string text = "\"The Bank of England is wrong,\" said Smith of the bank of England.";
    const Spans quote = {{1, 29}};  // The Bank of England is wrong,
    CHECK(has(text, {"bank", "of", "england"}, &quote));
    CHECK_FALSE(has(text, {"england", "is", "wrong", "said"}, &quote));
    const Spans late = {{40, 66}};  // of the bank of England.
    CHECK(has(text, {"bank", "of", "england"}, &late));
    CHECK_FALSE(has(text, {"smith", "of"}, &late));
    const Spans none;
    CHECK_FALSE(has(text, {"bank", "of", "england"}, &none));
}

TEST_CASE("phrase check: the query keeps Xapian's phrase where every word has positions") {
    using searcher::phrase_query;
    CHECK(phrase_query({"oil", "prices"}).get_description() == "Query((oil PHRASE 2 prices))");
    // A stopword: the other words in order within the phrase's span, every
    // word, and the text check (or not, where it cannot run).
    CHECK(phrase_query({"bank", "of", "england"}, false, false).get_description() ==
          "Query(((bank PHRASE 3 england) AND of))");
    CHECK(phrase_query({"the", "united", "states"}, false, false).get_description() ==
          "Query(((united PHRASE 2 states) AND the))");
    CHECK(phrase_query({"to", "be"}, false, false).get_description() == "Query((to AND be))");
    const std::string checked = phrase_query({"bank", "of", "england"}).get_description();
    CHECK(checked.find("graf::PhraseCheckSource(\"bank of england\")") != std::string::npos);
    // Inside quotations the XQ words weigh; the body's positions place them.
    CHECK(phrase_query({"good", "authority"}, true, false).get_description() ==
          "Query((0 * (good PHRASE 2 authority) AND XQgood AND XQauthority))");
}
