// The query language, table-driven: whole trees (the printer) and whole
// Xapian query descriptions, as Xapian's own queryparser tests compare them.
#include <doctest/doctest.h>

#include <map>

#include "searcher/query.hpp"

using namespace graf::searcher;

namespace {
// A small index vocabulary: the words indexed under each stem.
std::vector<std::string> variants(const std::string& stem) {
    static const std::map<std::string, std::vector<std::string>> vocabulary = {
        {"author", {"authority", "authorities", "authors"}},
        {"iraq", {"iraq"}},
        {"fed", {"fed", "feds"}},
        {"price", {"price", "prices"}},
        {"imag", {"image", "images"}},
    };
    auto it = vocabulary.find(stem);
    return it == vocabulary.end() ? std::vector<std::string>{} : it->second;
}

// The articles an excluded clause mentions: one per clause, named after its
// first term, so the description shows what was excluded.
std::vector<std::string> articles(const Xapian::Query& q) {
    return {"with-" + *q.get_terms_begin()};
}

ParsedQuery parsed(std::string_view q, RankingOptions ranking = {}) {
    FixedQueryContext context(variants, articles);
    context.ranking = ranking;
    return parse_query(q, context);
}

std::string tree(std::string_view q) {
    ParsedQuery p = parsed(q);
    return p.tree ? to_string(*p.tree) : "(none)";
}

std::string described(std::string_view q, RankingOptions ranking = {}) {
    return parsed(q, ranking).query.get_description();
}
}  // namespace

TEST_CASE("query: trees") {
    struct Case {
        const char* query;
        const char* tree;
    };
    const Case cases[] = {
        // Free words: one group; capitalised words exact, others stemmed.
        {"musk feud", "(group musk~ feud~)"},
        {"authorities Bannon", "(group authorities~ bannon=)"},
        {"Tony Blair", "(group tony= blair=)"},
        // Sentence case: the first word is a plain word, later names stay exact.
        {"Image recognition systems", "(group image~ recognition~ systems~)"},
        {"What are the effects of Brexit", "(group effects~ brexit=)"},
        {"Bannon said", "(group bannon~ said~)"},
        // Colons that are not fields stay text.
        {"Note:oil 10:30 http://x.invalid update: rates",
         "(group note= oil~ 10= 30= http~ x~ "
         "invalid~ update~ rates~)"},
        {"is titel:oil here?", "(group titel~ oil~)"},
        {"Blair NOT Iraq", "(NOT (group blair=) (group iraq=))"},
        // Stopwords leave the group unless they are all it has.
        {"the who", "(group the~ who~)"},
        {"the \"bank of japan\"", "\"bank of japan\""},
        // Split words: stemmed parts and the glued alias as free words;
        // quoted or required, a phrase (with the glued form).
        {"alt-right", "(group alt~ altright~ right~)"},
        {"\"alt-right\"", "\"alt right\"|altright"},
        {"+alt-right news", "(group +\"alt right\"|altright news~)"},
        // Required constraints beside the free words.
        {"\"good authority\" musk", "(group +\"good authority\" musk~)"},
        {"+musk feud", "(group +musk~ feud~)"},
        // Minus after a field clause excludes (#14).
        {"title:antics -Bannon", "(group +title:(antics~) -bannon=)"},
        {"-Bannon title:antics", "(group -bannon= +title:(antics~))"},
        {"date:1987-03 -oil", "(group +date:19870301..19870331 -oil~)"},
        {"source:reuters -oil", "(group +source:reuters -oil~)"},
        {"title:oil -prices", "(group +title:(oil~) -prices~)"},
        {"name:\"Tony Blair\" -Iraq", "(group +name:\"tony blair\" -iraq=)"},
        {"Blair NOTPARA Iraq", "(NOTPARA (group blair=) (group iraq=))"},
        // NEAR between words, phrases and names (#14).
        {"\"Tony Blair\" NEAR/10 Iraq", "(NEAR/10 \"tony blair\" iraq=)"},
        {"name:\"Tony Blair\" NEAR Iraq", "(NEAR/10 name:\"tony blair\" iraq=)"},
        {"musk NEAR/3 altman NEAR/5 feud", "(NEAR/5 musk~ altman~ feud~)"},
        // Precedence: OR < AND < NOT < juxtaposition < NEAR.
        {"feud AND (Musk OR Bannon) NOT Trump",
         "(AND (group feud~) (NOT (OR (group musk=) (group bannon=)) (group trump=)))"},
        {"a b OR c d", "(OR (group b~) (group c~ d~))"},
        {"elect* musk", "(group elect* musk~)"},
        {"title:\"good authority\"", "title:(\"good authority\")"},
        // Pasted text: unbalanced brackets and quotes are text; a question is prose.
        {"oil (prices", "(group oil~ prices~)"},
        {"oil) prices", "(group oil~ prices~)"},
        {"\"oil prices", "(group oil~ prices~)"},
        {"what is the effect of -dash on (MEDLARS) \"systems\"?",
         "(group effect~ dash~ medlars~ systems~)"},
        {"WHAT DID THE FED SAY AND WHY", "(group fed~ say~)"},
        {"AIDS NOT HIV", "(group aids~ hiv~)"},  // all capitals: NOT is a word
        {"\"AND OR NOT\"", "\"and or not\""},    // quoted operators are words
        {"Why did oil prices fall in 1986?", "(group oil~ prices~ fall~ 1986=)"},
        // A sentence ends after a closing bracket or quote too.
        {"hemophilia and christmas disease (occurrence, pathogenesis).",
         "(group hemophilia~ christmas~ disease~ occurrence~ pathogenesis~)"},
        {"he called it \"a disgrace\". then left", "(group called~ disgrace~ left~)"},
        {"oil (prices). gas", "(group oil~ prices~ gas~)"},
        {"heat equation for an exponential (in time) heat input .",
         "(group heat~ equation~ exponential~ time~ heat~ input~)"},
        {"oil -- prices", "(group oil~ prices~)"},  // a dash, not a sign
        {"state-of-the-art sensors", "(group state~ stateoftheart~ art~ sensors~)"},
        {"\"state-of-the-art\" sensors", "(group +\"state of the art\"|stateoftheart sensors~)"},
        // Balanced brackets stay syntax, even in a pasted error message.
        {"ERROR: cannot open file (errno 2)", "(group error~ open~ file~ +(group errno~ 2=))"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.query));
        CHECK(tree(c.query) == c.tree);
    }
}

TEST_CASE("query: whole Xapian queries") {
    struct Case {
        const char* query;
        const char* description;
    };
    const Case cases[] = {
        // The free-word rule: OR of the words (the paragraph's own: titles
        // are the article documents', schema 12).
        {"musk feud", "Query((musk OR feud))"},
        {"authorities", "Query((authority SYNONYM authorities SYNONYM authors))"},
        {"Bannon", "Query(bannon)"},
        {"Image recognition", "Query(((image SYNONYM images) OR recognition))"},
        {"the who", "Query((the OR who))"},
        {"alt-right", "Query((alt OR altright OR right))"},
        {"\"alt-right\"", "Query(((alt PHRASE 2 right) OR altright))"},
        {"\"good authority\" musk", "Query(((good PHRASE 2 authority) AND_MAYBE musk))"},
        {"+musk feud", "Query((musk AND_MAYBE feud))"},
        // #14: a minus after a field clause excludes, at article level.
        // title: restricts to the paragraphs of the articles so titled (here,
        // without an index, the article documents' query stands for them).
        {"title:antics -Bannon", "Query(((<alldocuments> FILTER ASantics) AND_NOT XAwith-bannon))"},
        {"-Bannon title:antics", "Query(((<alldocuments> FILTER ASantics) AND_NOT XAwith-bannon))"},
        {"date:1987-03 -oil",
         "Query(((<alldocuments> FILTER VALUE_RANGE 1 19870301 19870331) AND_NOT XAwith-oil))"},
        {"source:reuters -oil", "Query(((<alldocuments> FILTER XSRCreuters) AND_NOT XAwith-oil))"},
        {"title:oil -prices", "Query(((<alldocuments> FILTER ASoil) AND_NOT XAwith-price))"},
        {"name:\"Tony Blair\" -Iraq",
         "Query(((XNtony blair OR XPtony blair) AND_NOT XAwith-iraq))"},
        {"Blair NOT Iraq", "Query((blair AND_NOT XAwith-iraq))"},
        {"-musk",
         "Query(((<alldocuments> AND_NOT XKarticle) AND_NOT XAwith-musk))"},  // every paragraph
        // NOTPARA: per paragraph.
        {"Blair NOTPARA Iraq", "Query((blair AND_NOT iraq))"},
        // #14: NEAR with a phrase or a name.
        {"\"Tony Blair\" NEAR/10 Iraq",
         "Query(((tony NEAR 12 blair NEAR 12 iraq) AND (tony PHRASE 2 blair)))"},
        {"name:\"Tony Blair\" NEAR Iraq",
         "Query(((blair NEAR 11 iraq) AND (XNtony blair OR XPtony blair)))"},
        {"prices NEAR/3 iraq", "Query(((price OR prices) NEAR 4 iraq))"},
        {"oil AND (iraq OR saudi)", "Query((oil AND (iraq OR saudi)))"},
        {"elect*", "Query(WILDCARD SYNONYM elect)"},
        {"title:authorities",
         "Query((<alldocuments> FILTER (ASauthority SYNONYM ASauthorities SYNONYM ASauthors)))"},
        {"title:\"good authority\"",
         "Query((<alldocuments> FILTER (ASgood AND ASauthority)))"},  // titles: no positions
        {"source:Reuters", "Query((<alldocuments> FILTER XSRCreuters))"},
        {"article:politics/001",
         "Query((<alldocuments> FILTER (XApolitics/001 OR XLpolitics/001)))"},  // full or input id
        {"date:2025-01-27..", "Query((<alldocuments> FILTER VALUE_GE 1 20250127))"},
        {"date:1987", "Query((<alldocuments> FILTER VALUE_RANGE 1 19870101 19871231))"},
        {"fracas date:..2025-01", "Query((fracas FILTER VALUE_LE 1 20250131))"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.query));
        CHECK(described(c.query) == c.description);
    }
}

TEST_CASE("query: the ranking numbers shape the free-word group") {
    RankingOptions coordinated;
    coordinated.coordination = 0.5;
    CHECK(described("musk feud", coordinated) ==
          "Query(((musk OR feud) AND_MAYBE 0.5 * (musk AND feud)))");
    CHECK(described("musk feud") == "Query((musk OR feud))");
    coordinated.coordination = 1;
    CHECK(described("musk", coordinated) == "Query(musk)");  // one word: nothing to coordinate
}

TEST_CASE("query: highlights and spelling words come from the same tree") {
    ParsedQuery q = parsed("authorities Bannon \"good authority\" elect* -musk title:feud");
    CHECK(q.highlight.exact == std::unordered_set<std::string>{"bannon"});
    CHECK(q.highlight.stems == std::unordered_set<std::string>{"author"});
    CHECK(q.highlight.phrases == std::vector<std::vector<std::string>>{{"good", "authority"}});
    CHECK(q.highlight.prefixes == std::vector<std::string>{"elect"});
    // "authorities" has indexed variants: no typo to correct.
    CHECK(q.words == std::vector<std::pair<std::string, std::string>>{{"Bannon", "bannon"}});
    ParsedQuery n = parsed("oil NOT Bannon NOTPARA musk OR name:\"Steve Bannon\"");
    CHECK(n.highlight.exact.empty());
    CHECK(n.highlight.stems == std::unordered_set<std::string>{"oil"});
    CHECK(n.highlight.names == std::vector<std::vector<std::string>>{{"steve", "bannon"}});
    CHECK(parsed("alt-right").words.empty());  // parts of a split word are not respelt
    // A stemmed word whose stem the index has is no typo (#13).
    CHECK(parsed("authorized").words.empty());
    CHECK(parsed("Authorized").words.size() == 1);  // exact: the index may not have it
}

TEST_CASE("query: --explain shows the tree, the notes and the Xapian query") {
    CHECK(explain(parsed("oil (prices -Iraq")) ==
          "tree:   (group oil~ prices~ -iraq=)\n"
          "note:   an unbalanced bracket was read as text\n"
          "xapian: Query(((oil OR (price SYNONYM prices)) AND_NOT XAwith-iraq))\n");
    CHECK(explain(parsed("how is -dash?")) ==
          "tree:   (group dash~)\n"
          "note:   read as prose: operators, quotes, brackets, + and - are text\n"
          "xapian: Query(dash)\n");
}

TEST_CASE("query: malformed queries get one clear message") {
    struct Case {
        const char* query;
        const char* message;
    };
    const Case cases[] = {
        {"date:2025-13-99..", "not a valid date"},
        {"date:2025-02-30", "not a valid date"},
        {"date:2025-03..2025-01", "ends before it starts"},
        {"date:..", "at least one end"},
        {"bannon AND", "AND needs a word"},
        {"OR musk", "OR needs a word"},
        {"bannon NOT", "the query ends"},
        {"NOT bannon", "NOT needs a word on both sides"},
        {"bannon NEAR", "the query ends"},
        {"(a OR b) NEAR c", "NEAR needs a word"},
        {"elect* NEAR c", "NEAR works between words"},
        {"title:", "needs a word"},
        {"name:\"!!\"", "a name search needs a name"},
        {"", "empty query"},
        {"   ", "empty query"},
        {"NEAR/x b", "NEAR/ takes a number"},
        {"a NEAR/0 b", "NEAR/ takes a number"},
        // A mistyped or unknown field is named, with the fields there are.
        {"titel:oil",
         "unknown field 'titel:' in \"titel:oil\" (fields: title, name, source, "
         "date, article, said, saidby); to search the words, put them in quotes: \"titel:oil\""},
        {"oil author:smith", "unknown field 'author:'"},
        {"author:\"john smith\"", "unknown field 'author:'"},
        // Operators alone, in capitals, would be searched as (stop)words.
        {"AND OR NOT",
         "the query is only operators (AND OR NOT): give words to search for; to search for "
         "these words, put them in quotes: \"AND OR NOT\""},
        {"OR", "the query is only operators (OR)"},
        {"( NOT AND )", "the query is only operators (NOT AND)"},
        {"NEAR/5 NOTPARA", "the query is only operators (NEAR/5 NOTPARA)"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.query));
        CHECK_THROWS_WITH_AS(parsed(c.query), doctest::Contains(c.message), QueryError);
    }
    // Without an index, an exclusion cannot name its articles.
    CHECK_THROWS_WITH_AS(parse_query("a -b"), doctest::Contains("needs an index"), QueryError);
    CHECK(parse_query("oil NOTPARA gas").query.get_description() == "Query((oil AND_NOT gas))");
}

TEST_CASE("query: an exclusion naming too many articles is refused, naming the clause") {
    FixedQueryContext context(variants, [](const Xapian::Query&) {
        return std::vector<std::string>(kMaxExcludedArticles + 1, "many");
    });
    CHECK_THROWS_WITH_AS(parse_query("oil -said", context),
                         doctest::Contains("-said~: more than 20000 articles"), QueryError);
    FixedQueryContext none(variants,
                           [](const Xapian::Query&) { return std::vector<std::string>{}; });
    CHECK(parse_query("oil -unseen", none).query.get_description() == "Query(oil)");
}

TEST_CASE("query: hostile input is bounded") {
    std::string nested(2000, '(');
    nested += "x";
    nested += std::string(2000, ')');
    CHECK(tree(nested) == "(group x~)");
    // Past 100 levels brackets are text: the parser's recursion is bounded.
    const std::string deep = std::string(100000, '(') + "x" + std::string(100000, ')');
    CHECK(tree(deep) == "(group x~)");
    std::string many;
    for (int i = 0; i < 1000; ++i) many += "word" + std::to_string(i) + " ";
    CHECK(parsed(many).natural_language);
    CHECK(tree("a\x01\x02 b\x7f") == "(group b~)");
    CHECK(tree("( ) \" !!") == "(none)");
}
