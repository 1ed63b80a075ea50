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

// Classes of attribution the judged set showed wrong or missing (session
// 2026-12-03). Each row failed on the finder before it, except those
// marked "kept": they hold what the finder already did right and the new
// rules could have broken.
TEST_CASE("quotes: who speaks, sentence by sentence") {
    struct Case {
        std::vector<std::string> paragraphs;
        std::string last;  // the quotes of the last paragraph
    };
    const Case cases[] = {
        // An organisation the name finder tags ("House of Lords") between
        // the verb and the quote is not a second speaker.
        {{"The Law Lords ruled on Tuesday.",
          "But the head of Harbour Watch UK, Sir Oliver Grant, said the House of Lords ruling "
          "was a \"step in the wrong direction\"."},
         "«step in the wrong direction»=oliver grant/x-said"},
        // "He added:" introduces the next quote, not an attribution of this one.
        {{"Tom Baxter spoke.",
          "\"I never read those reports,\" he told the radio. \"It is all talk in the papers "
          "and nothing more.\" He added: \"What annoys me is what the others think.\""},
         "«I never read those reports,»=tom baxter/pronoun|«It is all talk in the papers and "
         "nothing more.»=tom baxter/continued|«What annoys me is what the others "
         "think.»=tom baxter/pronoun"},
        // Naming the same person again does not make "he" a guess.
        {{"Nina Hart runs the lab. \"We test every sample twice,\" she says.",
          "Funding, according to Ms Hart, is the hard part. \"We believe in open data,\" she "
          "says."},
         "«We believe in open data,»=nina hart/pronoun"},
        // A verb sharing its sentence's subject: "but said", ", adding", "by saying".
        {{"Finance Secretary Jaime Ortiz met the bankers.",
          "He did not give details but said, \"It is a very useful alternative for the banks.\""},
         "«It is a very useful alternative for the banks.»=jaime ortiz/pronoun"},
        {{"Dan Rooke set the tone of the debate by saying, \"I am not writing this bill to "
          "please anyone.\""},
         "«I am not writing this bill to please anyone.»=dan rooke/x-said"},
        {{"But Vance Carter defended the new rules, saying the agency had to lend in a "
          "\"compassionate yet careful manner.\""},
         "«compassionate yet careful manner.»=vance carter/x-said"},
        // Someone the text does not name speaks: "she" may be them now (the
        // first and third kept).
        {{"Tom Hale owns the farm.",
          "Later Mr Hale's daughter Ruth said it was a big step. \"It might really work,\" she "
          "said."},
         "«It might really work,»=-/none"},
        {{"Tom Hale owns the farm.",
          "A spokesman for the Harbour Association, which represents the boats, said the plan "
          "was late. \"We are the most respected fleet in the world,\" he said."},
         "«We are the most respected fleet in the world,»=-/none"},
        {{"Tom Hale owns the farm.",
          "One leading Karachi broker said the reasons were political. \"If you file a case "
          "like that, money will leave.\""},
         "«If you file a case like that, money will leave.»=-/none"},
        // An abbreviation's period ends no sentence (the second row kept).
        {{"\"We need a national commitment to the rural towns,\" Sen. Patrick Leary (D-Vt.) told "
          "a hearing."},
         "«We need a national commitment to the rural towns,»=patrick leary/x-said"},
        {{"Bill Frenz, R-MI., said the bill was not one \"that a free trader like me could "
          "endorse,\" and left.",
          "The goal was \"to make our trade policy stronger without breaking treaties,\" he "
          "said."},
         "«to make our trade policy stronger without breaking treaties,»=bill frenz/pronoun"},
        // A one-word name is the person of the article it names (the first kept).
        {{"Energy Minister Fernando Santos Alvite spoke.",
          "Santos said the move had been explained to the members.",
          "\"They understood our position on the quota,\" he said."},
         "«They understood our position on the quota,»=fernando santos alvite/pronoun"},
        {{"The plan was approved by Economic Minister Lee Ta-hai yesterday.",
          "\"This is the first ambitious proposal of its kind,\" Lee said."},
         "«This is the first ambitious proposal of its kind,»=lee ta hai/x-said"},
        // A role with its words: "the trade minister" is not the deputy
        // prime minister; "to" joins a role to its name.
        {{"The spokesman said trade minister Rha Woong-Bae's stand showed resolve.",
          "Deputy prime minister Kim Mahn-Je told a meeting the policy would stand.",
          "The trade minister said Korea would run \"a tremendous trade deficit if it moved "
          "suddenly.\""},
         "«a tremendous trade deficit if it moved suddenly.»=rha woong bae/role"},
        {{"U.S. Ambassador to GATT Michael Samuels spoke.",
          "\"We will consider its relation to the declaration,\" the U.S. Ambassador said."},
         "«We will consider its relation to the declaration,»=michael samuels/role"},
        // A quote that is a sentence of its own goes on from who last spoke.
        {{"Aspects should be unwrapped by 1988, Martin Rick said. \"The major story will be a "
          "rebound.\""},
         "«The major story will be a rebound.»=martin rick/continued"},
        // A description of the person the text is about; not one that
        // introduces somebody new.
        {{"Committee Chairman William Proxley, the bill's sponsor, promised more work.",
          "\"This bill is the first step in this effort,\" the Wisconsin Democrat said."},
         "«This bill is the first step in this effort,»=william proxley/role"},
        {{"Paul Mlotek of Salomon said prices would fall.",
          "\"OPEC has to learn that lesson again,\" said the regional manager for one of the "
          "major oil companies. \"The market is now trying to teach them,\" he added."},
         "«OPEC has to learn that lesson again,»=-/none|«The market is now trying to teach "
         "them,»=-/none"},
        // "told the Daily Record" names who heard it (kept).
        {{"Juninho had earlier told the Daily Record: \"The manager has had a lot of chances.\""},
         "«The manager has had a lot of chances.»=-/none"},
        // A name set off by commas right before the verb is its subject.
        {{"The political head at the Defence Ministry, Abdul Jabbar Muhsen, said Tehran had done "
          "this \"to make up for failure in the south.\""},
         "«to make up for failure in the south.»=abdul jabbar muhsen/x-said"},
        // The person before a comma, not the body: "…, from Panasonic's Labs, one of …, told".
        {{"\"We need much more storage,\" Richard Doherty, from Panasonic's Hollywood "
          "Laboratories, one of the pioneers, told the website."},
         "«We need much more storage,»=richard doherty/x-said"},
        // A long clause between the subject and its verb (kept).
        {{"Steven Gerrard spoke.",
          "Gerrard, who fired Liverpool into the last 16 of this season's competition with a "
          "brilliant goal in December's win over Olympiakos, insisted he was focused.",
          "\"It's a big couple of months for us,\" he added."},
         "«It's a big couple of months for us,»=steven gerrard/pronoun"},
        // A surname of several words; a name the tokenizer split.
        {{"Ivorian Agriculture Minister Denis Bra Kanon spoke.",
          "\"We have rules which permit us to withdraw the surplus,\" Bra Kanon told reporters."},
         "«We have rules which permit us to withdraw the surplus,»=denis bra kanon/x-said"},
        {{"\"Ministers knew the state of the jails,\" said Mr MacAskill."},
         "«Ministers knew the state of the jails,»=macaskill/said-x"},
        // The person before "of": "Brett Lock of gay group OutRage! said".
        {{"Brett Lock of gay group OutRage! said they were \"wiping the slate clean\"."},
         "«wiping the slate clean»=brett lock/x-said"},
        // On through a role to the name; not past "of" (the second kept).
        {{"Bonds \"are up almost six points since about May 18,\" Merrill Lynch debt analyst "
          "Jim Duggan noted."},
         "«are up almost six points since about May 18,»=jim duggan/x-said"},
        {{"\"You can expect one working day out of four,\" said Daan Kaakebeen of Dutch Salvage "
          "experts Smit Tak International."},
         "«You can expect one working day out of four,»=daan kaakebeen/said-x"},
        // "had been told": no speech of the sentence's subject (kept).
        {{"President Reagan, calm under questions, insisted he knew nothing.",
          "\"No, I would not do that again,\" the president said.",
          "He often answered slowly as he said he was mystified, though he had been told twice.",
          "\"I still want to find out where the money went,\" he said."},
         "«I still want to find out where the money went,»=reagan/pronoun"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.paragraphs.back());
        CHECK(quotes_in(c.paragraphs).back() == c.last);
    }
}

// Organisations speak too: "it said", "the company said", "the SEC said"
// are the organisation the text last had speak; a document speaking leaves
// "it" to the document.
TEST_CASE("quotes: organisations") {
    struct Case {
        std::vector<std::string> paragraphs;
        std::string last;  // the quotes of the last paragraph
    };
    const Case cases[] = {
        {{"The SEC said Morley Thorn misled investors.",
          "Baldwin-Hale made \"false statements about two of its acquisitions,\" the SEC said."},
         "«false statements about two of its acquisitions,»=sec/x-said"},
        {{"The SEC said Morley Thorn misled investors.",
          "The statements showed cash it did not have during a \"serious cash flow crisis,\" it "
          "said."},
         "«serious cash flow crisis,»=sec/pronoun"},
        {{"In a statement from Harbour Media Group announcing the end of the scheme, the company "
          "denied it was at fault.",
          "\"Nothing suggests the campaign brought down any of the sites,\" it said. \"The "
          "idea was to slow the senders down,\" the company said."},
         "«Nothing suggests the campaign brought down any of the sites,»=harbour media "
         "group/pronoun|«The idea was to slow the senders down,»=harbour media group/role"},
        // A document speaking: "it" is the document, nobody (kept).
        {{"The Harbour Bank Group has suggested wider reforms.",
          "The growth was slower than planned, the summary said.",
          "Exports \"might have to be backed by dramatic changes in incentives,\" it said."},
         "«might have to be backed by dramatic changes in incentives,»=-/none"},
        // "the ministry" is a ministry, not the last company (kept).
        {{"Harbour Airways Ltd said its losses grew.",
          "\"These results must rank as the worst in the region,\" the ministry said."},
         "«These results must rank as the worst in the region,»=-/none"},
        // "with the SEC" is no speaker; "the group" is the one that spoke.
        {{"A shareholder group led by Barrow Industries Inc said it holds a stake in Media Hall.",
          "In a filing with the Securities and Exchange Commission, the group said a bid would "
          "be subject to \"a recapitalization or a restructuring,\" and left."},
         "«a recapitalization or a restructuring,»=barrow industries inc/role"},
        // A paragraph that opens on its speech verb has no word before it
        // (ASan caught the read before the first token on BBC).
        {{"Harbour Airways Ltd said its losses grew.", "Said the ministry: prices rose."}, ""},
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
