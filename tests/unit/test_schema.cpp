#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "schema/schema.hpp"

using namespace graf::schema;

TEST_CASE("schema: the paragraph record round-trips and survives newlines") {
    ParagraphData d{"politics/001",
                    "A title",
                    "2025-01-27",
                    "bbc",
                    "https://x.invalid/a",
                    3,
                    "Text with = signs\nand a newline",
                    "bbc:politics/001",
                    "/corpus/bbc/politics/001.txt"};
    ParagraphData back = decode(encode(d));
    CHECK(back.id == d.id);
    CHECK(back.location == d.location);
    CHECK(back.article == d.article);
    CHECK(back.title == d.title);
    CHECK(back.date == d.date);
    CHECK(back.source == d.source);
    CHECK(back.url == d.url);
    CHECK(back.paragraph == 3);
    CHECK(back.text == "Text with = signs and a newline");
    // One line per field, no labels: empty fields keep their line.
    CHECK(encode({"a", "", "", "", "", 1, "t", "s:a", "f:3"}) == "a\n\n\n\n\n1\nt\ns:a\nf:3\n");
    ParagraphData sparse = decode(encode({"a", "", "", "", "", 12, "t", "", ""}));
    CHECK(sparse.paragraph == 12);
    CHECK(sparse.text == "t");
    CHECK(sparse.title.empty());
    // Truncated or empty records decode to what is there, never past the end.
    CHECK(decode("a\nb").title == "b");
    CHECK(decode("").article.empty());
    // A schema 5 record ends with the text: its id is the input's id.
    ParagraphData old = decode("politics/001\nT\n\nbbc\n\n2\ntext\n");
    CHECK(old.id == "politics/001");
    CHECK(old.location.empty());
    CHECK(old.text == "text");
}

TEST_CASE("schema: full ids and the source of a key") {
    struct Case {
        std::string source, id, full, source_of_key;
    };
    const std::vector<Case> cases = {
        {"bbc", "politics/001", "bbc:politics/001", "bbc"},
        {"reuters21578", "17", "reuters21578:17", "reuters21578"},
        {"feed", "x:3", "feed:x:3", "feed"},  // an id may hold ':' itself
    };
    for (const Case& c : cases) {
        CAPTURE(c.full);
        CHECK(full_id(c.source, c.id) == c.full);
        CHECK(source_of_key(article_key(c.full)) == c.source_of_key);
    }
    CHECK(source_of_key("politics/001").empty());  // schema 5 keys have no source
    const std::string long_id = full_id("bbc", std::string(300, 'x'));
    CHECK(source_of_key(article_key(long_id)) == "bbc");
}

TEST_CASE("schema: document data of schema 4 and older still decodes") {
    ParagraphData d = decode_legacy("article=x/1\ntitle=T\nparagraph=2\ntext=a = b\n");
    CHECK(d.article == "x/1");
    CHECK(d.title == "T");
    CHECK(d.paragraph == 2);
    CHECK(d.text == "a = b");
}

TEST_CASE("schema: long article ids are hashed to fit Xapian's term limit") {
    std::string id(500, 'x');
    CHECK(article_term(id).size() < 245);
    CHECK(article_term(id) != article_term(id + "y"));
    CHECK(article_term("politics/001") == "XApolitics/001");
    CHECK(date_value("2025-01-27") == "20250127");
}

TEST_CASE("schema: stem variant lists add each word once") {
    struct Row {
        std::string before, word, after;
        bool added;
    };
    for (const Row& r : std::vector<Row>{{"", "run", "run", true},
                                         {"run", "running", "run running", true},
                                         {"run running", "run", "run running", false},
                                         {"run running", "runs", "run running runs", true},
                                         {"running", "run", "running run", true}}) {
        CAPTURE(r.before);
        CAPTURE(r.word);
        std::string list = r.before;
        CHECK(add_variant(list, r.word) == r.added);
        CHECK(list == r.after);
    }
    std::vector<std::string> seen;
    for_each_variant(" a  bb c ", [&](std::string_view v) { seen.emplace_back(v); });
    CHECK(seen == std::vector<std::string>{"a", "bb", "c"});
    CHECK(stem_key("run") == "graf:stem:run");
}

TEST_CASE("schema: an article's collapse value holds its text hash and paragraph count") {
    struct Row {
        std::string value;
        std::string hash;
        unsigned paragraphs;
    };
    const std::vector<Row> rows = {
        {article_collapse_value("0123456789abcdef", 12), "0123456789abcdef", 12},
        {article_collapse_value("0123456789abcdef", 0), "0123456789abcdef", 0},
        {"0123456789abcdef", "0123456789abcdef", 0},  // schema 7: the hash alone
        {"0123456789abcdef 1x", "0123456789abcdef", 0},
        {"", "", 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.value);
        const ArticleCollapse parts = parse_article_collapse(r.value);
        CHECK(parts.hash == r.hash);
        CHECK(parts.paragraphs == r.paragraphs);
    }
}

TEST_CASE("schema: article wdf carries BM25's length normalisation") {
    // wdf / ((1 - b) + b length / mean), times the scale, rounded, at least 1.
    const double b = kArticleLengthB;
    const double k = kArticleWdfScale;
    struct Row {
        Xapian::termcount wdf;
        double length, mean;
        double expected;
    };
    const std::vector<Row> rows = {
        {0, 100, 100, 0},  // boolean terms stay boolean
        {1, 100, 100, k},  // a mean-length article: unchanged
        {3, 100, 100, 3 * k},
        {1, 300, 100, k / ((1 - b) + 3 * b)},   // longer: less
        {1, 20, 100, k / ((1 - b) + 0.2 * b)},  // shorter: more
        {1, 1e9, 1, 1},                         // never below 1
        {2, 50, 0, 2 * k},                      // no mean yet: norm 1
    };
    for (const Row& r : rows) {
        CAPTURE(r.wdf);
        CAPTURE(r.length);
        CHECK(article_wdf(r.wdf, r.length, r.mean) ==
              static_cast<Xapian::termcount>(std::lround(r.expected)));
    }
}

TEST_CASE("schema: article lengths round-trip, and bad values read as none") {
    const ArticleLengths l = parse_article_lengths("19043 5300000");
    CHECK(l.articles == 19043);
    CHECK(l.words == 5300000);
    CHECK(format_article_lengths(l) == "19043 5300000");
    for (const char* bad : {"", "x", "12", "-3 10", "0 10", "3 -1"}) {
        CAPTURE(bad);
        CHECK(parse_article_lengths(bad).articles == 0);
        CHECK(parse_article_lengths(bad).mean() == 0);
    }
}
