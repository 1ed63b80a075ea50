#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/quote_marks.hpp"
#include "analysis/quotes.hpp"
#include "analysis/tokenizer.hpp"

using namespace graf::analysis;

namespace {

// The quotes of each paragraph of one article, "|"-separated, each as
// «text»=speaker/pattern; an open quote ends in "+", a continuing one starts
// with "+".
std::vector<std::string> quotes_in(const std::vector<std::string>& paragraphs) {
    NameFinder names;
    QuoteFinder finder;
    std::vector<std::string> out;
    for (const std::string& p : paragraphs) {
        std::vector<Token> tokens = tokenize(p);
        std::vector<NameMention> mentions;
        names.find(tokens, mentions);
        std::vector<Quote> quotes;
        finder.find(p, tokens, mentions, quotes);
        std::string line;
        for (const Quote& q : quotes)
            line += std::string(line.empty() ? "" : "|") + (q.continues ? "+" : "") + "«" +
                    p.substr(q.begin, q.end - q.begin) + "»" + (q.open ? "+" : "") + "=" +
                    (q.speaker.empty() ? "-" : q.speaker) + "/" +
                    std::string(pattern_name(q.pattern));
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("quotes: spans and marks") {
    struct Case {
        const char* paragraph;
        const char* quotes;
    };
    const Case cases[] = {
        {"“They don’t actually have the money,” Musk wrote.",
         "«They don’t actually have the money,»=musk/x-said"},
        {"\"We will win this vote,\" Smith said.", "«We will win this vote,»=smith/x-said"},
        {"« Nous allons gagner ce vote », a dit Smith.", "«Nous allons gagner ce vote»=-/none"},
        {"‘We won’t go back,’ she said.", "«We won’t go back,»=-/none"},
        {"It was called a “toddler.” by him", ""},        // one word: a scare quote
        {"he was their “comrade” then", ""},              // one word
        {"it came on “good authority” they said", ""},    // two words, no punctuation
        {"the film “The Lord of the Rings” opened", ""},  // Title Case: a title
        {"the players’ union said ‘we will not play again,’ he said.",
         "«we will not play again,»=-/none"},  // players’ is no quote mark
        {"No quotes at all here.", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.paragraph);
        CHECK(quotes_in({c.paragraph})[0] == c.quotes);
    }
}

TEST_CASE("quotes: attribution patterns") {
    struct Case {
        std::vector<std::string> paragraphs;
        std::string last;  // the quotes of the last paragraph
    };
    const Case cases[] = {
        {{"Steve Bannon spoke.", "“We are not done with this,” Bannon told NBC."},
         "«We are not done with this,»=steve bannon/x-said"},
        {{"“We are not done with this,” said Steve Bannon."},
         "«We are not done with this,»=steve bannon/said-x"},
        {{"Steve Bannon said: “We are not done with this.”"},
         "«We are not done with this.»=steve bannon/x-said"},
        {{"Caroline Leavitt said “the people should take us at our word.”"},
         "«the people should take us at our word.»=caroline leavitt/x-said"},
        {{"Steve Bannon: “We are not done with this.”"},
         "«We are not done with this.»=steve bannon/colon"},
        {{"The deal was “a total and complete disaster for all,” according to Steve Bannon."},
         "«a total and complete disaster for all,»=steve bannon/according-to"},
        {{"Steve Bannon has run out of patience with Elon Musk.",
          "“There is something fundamentally wrong here,” he told Politico."},
         "«There is something fundamentally wrong here,»=steve bannon/pronoun"},
        {{"The press secretary Caroline Leavitt arrived.",
          "“These investments are coming here,” the press secretary said."},
         "«These investments are coming here,»=caroline leavitt/role"},
        {{"David Frost, director general of the chambers, spoke.",
          "“Small firms will be hurt badly,” the director said."},
         "«Small firms will be hurt badly,»=david frost/role"},
        {{"“Small firms will be hurt badly,” a spokesman said."},
         "«Small firms will be hurt badly,»=-/none"},  // a spokesman: nobody named
        {{"“Small firms will be hurt badly,” they said."},
         "«Small firms will be hurt badly,»=-/none"},
        {{"“Not yet,” Elon Musk wrote. “SoftBank has well under $10B secured.”"},
         "«Not yet,»=elon musk/x-said|«SoftBank has well under $10B secured.»=elon musk/continued"},
        {{"Theresa May, the shadow secretary, said: \"These plans were announced before.\""},
         "«These plans were announced before.»=theresa may/x-said"},
        // The paragraphs of a quote run together: an opening mark inside it.
        {{"Ms Patricia Hewitt said: \"We have doubled it already. \"We are going to extend "
          "the pay.\" She spoke."},
         "«We have doubled it already.»+=patricia hewitt/x-said|+«We are going to extend the "
         "pay.»=patricia hewitt/continued"},
        // A first name after a kin word is not the full name: no guess.
        {{"When asked, Mr Jones' daughter Emily said it was \"a very big step for all of us,\" "
          "and left."},
         "«a very big step for all of us,»=-/none"},
        // A long unnamed attribution in the quote's own sentence: nobody's
        // continuation.
        {{"Steve Bannon said the market would rise.",
          "\"This is a storm in a small teacup,\" a trader with a big U.K. bank commented."},
         "«This is a storm in a small teacup,»=-/none"},
        // ", a spokeswoman said" closes a clause: no role for the name before.
        {{"The firm denied talks with rival carrier Sky Atlanta, a company spokeswoman said.",
          "\"The law requires that most shares be owned here,\" the spokeswoman added."},
         "«The law requires that most shares be owned here,»=-/none"},
        // A role before a one-word name the name finder leaves: "the president".
        {{"President Reagan, calm under questions, insisted he knew nothing.",
          "\"No, I would not do that again,\" the president said."},
         "«No, I would not do that again,»=reagan/role"},
        {{"President Reagan, calm under questions, insisted he knew nothing.",
          "\"No, I would not do that again,\" the president said.",
          "But he added, \"We will keep trying to get them all home.\""},
         "«We will keep trying to get them all home.»=reagan/pronoun"},
        // The Chinese surname He is no pronoun: "He Wenli, …, said" names him.
        {{"But He Wenli, envoy of the Harbour Reform Institute, said reform was safe.",
          "\"The hardest thing is to strike the balance,\" He said."},
         "«The hardest thing is to strike the balance,»=he wenli/pronoun"},
        {{"He Wenli said reform was safe.",
          "\"The hardest thing is to strike the balance,\" he added."},
         "«The hardest thing is to strike the balance,»=he wenli/pronoun"},
        // A new sentence after a quote names someone else, not this speaker.
        {{"Otis Fern, a former pupil, said: \"I have no regrets at all. \"We have done nothing "
          "wrong here.\" One of the men, David Redman, 34, from Bath, said he would plead."},
         "«I have no regrets at all.»+=otis fern/x-said|+«We have done nothing wrong here.»=otis "
         "fern/continued"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.paragraphs.back());
        CHECK(quotes_in(c.paragraphs).back() == c.last);
    }
}

TEST_CASE("quotes: a quote over several paragraphs") {
    const std::vector<std::string> got = quotes_in({
        "Steve Bannon said: “We are going to win this fight and",
        "“we will not stop until it is done.”",
        "“A paragraph opening with a quotation goes on from him.”",
        "Then Jane Smith arrived at the meeting.",
        "“A quotation after someone else was named is nobody's.”",
        "“Another one, followed by its speaker,” one official said.",
    });
    CHECK(got[0] == "«We are going to win this fight and»+=steve bannon/x-said");
    CHECK(got[1] == "+«we will not stop until it is done.»=steve bannon/continued");
    CHECK(got[2] ==
          "«A paragraph opening with a quotation goes on from him.»=steve bannon/continued");
    CHECK(got[3] == "");
    CHECK(got[4] == "«A quotation after someone else was named is nobody's.»=-/none");
    CHECK(got[5] == "«Another one, followed by its speaker,»=-/none");
}

TEST_CASE("quotes: the stored form reads back") {
    std::vector<Quote> qs(2);
    qs[0] = {3, 40, "elon musk", QuotePattern::Pronoun, true, false};
    qs[1] = {50, 60, "", QuotePattern::None, false, true};
    const std::vector<Quote> back = decode_quotes(encode_quotes(qs));
    REQUIRE(back.size() == 2);
    CHECK(encode_quotes(qs) == "3 40 5 o- elon musk\n50 60 0 -c \n");
    CHECK(back[0].speaker == "elon musk");
    CHECK(back[0].pattern == QuotePattern::Pronoun);
    CHECK(back[0].open);
    CHECK(back[1].continues);
    CHECK(back[1].speaker.empty());
    CHECK(decode_quotes("garbage\n1 x\n").empty());
}
